"""Partner projects: exchange partnerships between organisations in several countries."""

import re

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_prose_editor.fields import ProseEditorField

from norec_site import revisions
from norec_site.countries import country_name
from norec_site.models import (
    Image,
    Ordered,
    Publishable,
    PublishableManager,
    PublishableQuerySet,
    with_renditions,
)
from norec_site.richtext import EDITOR_EXTENSIONS, sanitize_html
from norec_site.search import search_indexes, search_vector_field

from .regions import region_name, subregion_name

IATI_IDENTIFIER = re.compile(
    r"^[A-Za-z]{2}-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-[A-Za-z0-9][A-Za-z0-9._/-]*$"
)


class CooperationType(models.TextChoices):
    SOUTH_SOUTH = "south-south", _("South–south")
    TRIANGULAR = "triangular", _("Triangular")
    NORTH_SOUTH = "north-south", _("North–south")


class Phase(models.TextChoices):
    """Where a project stands, decided by its dates on the day someone asks."""

    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class DacSector(models.TextChoices):
    """OECD DAC 5-digit purpose codes, for the IATI file."""

    EDUCATION = "11110", _("Education policy and administrative management")
    VOCATIONAL = "11330", _("Vocational training")
    HEALTH = "12110", _("Health policy and administrative management")
    WATER = "14010", _("Water sector policy and administrative management")
    PUBLIC_SECTOR = "15110", _("Public sector policy and administrative management")
    CIVIL_SOCIETY = "15150", _("Democratic participation and civil society")
    WOMENS_RIGHTS = "15170", _("Women's rights organisations and movements")
    EMPLOYMENT = "16020", _("Employment creation")
    CULTURE = "16061", _("Culture and recreation")
    ICT = "22040", _("Information and communication technology")
    ENERGY = "23110", _("Energy policy and administrative management")
    BUSINESS = "25010", _("Business policy and administration")
    AGRICULTURE = "31120", _("Agricultural development")
    FISHERIES = "31320", _("Fishery development")
    ENVIRONMENT = "41010", _("Environmental policy and administrative management")
    MULTISECTOR = "43010", _("Multisector aid")


def validate_iati_identifier(value):
    if not IATI_IDENTIFIER.match(value):
        raise ValidationError(
            _(
                "Write the IATI identifier as the reporting organisation's reference, "
                "a hyphen and the activity's own code, such as NO-BRC-971277882-PRJ123."
            ),
            code="iati_identifier",
        )


validate_currency = RegexValidator(
    r"^[A-Z]{3}$", _("Write the currency as a three-letter ISO 4217 code, such as NOK or USD.")
)


def phase_expression(today=None):
    """SQL for a project's phase (planned, ongoing, completed) as of ``today``."""
    today = today or timezone.localdate()
    return Case(
        When(start_date__gt=today, then=Value(Phase.PLANNED.value)),
        When(end_date__lt=today, then=Value(Phase.COMPLETED.value)),
        default=Value(Phase.ONGOING.value),
        output_field=models.CharField(),
    )


def phase_between(start_date, end_date, today):
    """Planned before the start, completed after the end, ongoing in between."""
    if start_date > today:
        return Phase.PLANNED
    if end_date < today:
        return Phase.COMPLETED
    return Phase.ONGOING


class ProjectQuerySet(PublishableQuerySet):
    def with_phase(self, today=None):
        """Annotate ``phase`` from the dates, as of ``today``."""
        return self.annotate(phase=phase_expression(today))

    def for_cards(self, today=None):
        """With what a project card shows (phase, first picture), in a fixed number of queries."""
        images = with_renditions(ProjectImage.objects.all(), "image")
        return self.with_phase(today).prefetch_related(models.Prefetch("gallery", queryset=images))

    def in_phase(self, phase, today=None):
        today = today or timezone.localdate()
        if phase == Phase.PLANNED:
            return self.filter(start_date__gt=today)
        if phase == Phase.COMPLETED:
            return self.filter(end_date__lt=today)
        if phase == Phase.ONGOING:
            return self.filter(start_date__lte=today, end_date__gte=today)
        return self.none()


@revisions.register(follow=("partnerships", "gallery"))
class Project(Publishable):
    title = models.CharField(_("title"), max_length=200, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        help_text=_("Made from the title when left empty. Used in the page address."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences for lists, search results and sharing."),
    )
    description = ProseEditorField(
        _("description"), blank=True, extensions=EDITOR_EXTENSIONS, sanitize=sanitize_html
    )
    cooperation_type = models.CharField(
        _("cooperation type"),
        max_length=20,
        choices=CooperationType.choices,
        default=CooperationType.SOUTH_SOUTH,
        help_text=_(
            "South–south: partners only in Africa, Asia or Latin America; triangular: "
            "with a Norwegian partner as well; north–south: between Norway and one country."
        ),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    participants = models.PositiveIntegerField(
        _("participants exchanged"),
        default=0,
        help_text=_("How many people the partners exchange over the whole project."),
    )
    grant_amount = models.DecimalField(
        _("grant"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Norec's grant for the whole period. Leave empty when not yet decided."),
    )
    grant_currency = models.CharField(
        _("currency"), max_length=3, default="NOK", validators=[validate_currency]
    )
    dac_sector = models.CharField(
        _("DAC sector"),
        max_length=5,
        choices=DacSector.choices,
        default=DacSector.MULTISECTOR,
        help_text=_(
            "The OECD DAC purpose code that describes the project best, for the IATI file."
        ),
    )
    sdgs = models.ManyToManyField(
        "norec_site.SustainableDevelopmentGoal",
        verbose_name=_("sustainable development goals"),
        blank=True,
        related_name="projects",
        help_text=_("SDG 17 is added when you choose none: every Norec project serves it."),
    )
    topics = models.ManyToManyField(
        "norec_site.Topic", verbose_name=_("topics"), blank=True, related_name="projects"
    )
    related_reports = models.ManyToManyField(
        "reports.Report",
        verbose_name=_("related reports"),
        related_name="projects",
        blank=True,
        help_text=_("Reports about the project or that it contributed to."),
    )
    iati_identifier = models.CharField(
        _("IATI activity identifier"),
        max_length=150,
        blank=True,
        validators=[validate_iati_identifier],
        help_text=_("Norec's organisation reference, a hyphen and the project's code."),
    )

    # Facet columns, recomputed from the partners, SDGs and dates: never typed.
    countries = ArrayField(models.CharField(max_length=2), default=list, editable=False)
    regions = ArrayField(models.CharField(max_length=30), default=list, editable=False)
    subregions = ArrayField(models.CharField(max_length=30), default=list, editable=False)
    sectors = ArrayField(models.CharField(max_length=20), default=list, editable=False)
    sdg_numbers = ArrayField(models.PositiveSmallIntegerField(), default=list, editable=False)
    years = ArrayField(models.PositiveSmallIntegerField(), default=list, editable=False)

    search_nn = search_vector_field("nn", {"A": ["title"], "B": ["summary"], "C": ["description"]})
    search_nb = search_vector_field("nb", {"A": ["title"], "B": ["summary"], "C": ["description"]})
    search_en = search_vector_field("en", {"A": ["title"], "B": ["summary"], "C": ["description"]})

    objects = PublishableManager.from_queryset(ProjectQuerySet)()

    language_fields = ("title", "summary", "description")
    rich_text_fields = ("description",)
    url_name = "projects:detail"
    demo_module = "projects.demo"
    # The facet columns follow from the partners and goals: recomputed, not restored.
    revision_exclude = (
        *Publishable.revision_exclude,
        *("countries", "regions", "subregions", "sectors", "sdg_numbers", "years"),
    )

    class Meta(Publishable.Meta):
        ordering = ("-start_date", "pk")
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [
            *Publishable.Meta.indexes,
            *search_indexes("projects_project"),
            models.Index(fields=["start_date", "end_date"], name="projects_project_dates"),
            *(
                GinIndex(fields=[name], name=f"projects_project_{name}")
                for name in ("countries", "subregions", "sdg_numbers", "years")
            ),
        ]
        constraints = [
            *Publishable.slug_constraints("projects_project"),
            models.CheckConstraint(
                condition=Q(end_date__gt=F("start_date")),
                name="projects_project_end_after_start",
                violation_error_message=_("The end date must come after the start date."),
            ),
            models.UniqueConstraint(
                fields=["iati_identifier"],
                condition=Q(iati_identifier__gt=""),
                name="projects_project_iati_identifier_unique",
                violation_error_message=_(
                    "Another project already has this IATI identifier; check the code."
                ),
            ),
        ]

    def save(self, *args, **kwargs):
        self.years = self.years_active()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "years"}
        super().save(*args, **kwargs)

    def after_restore(self):
        from projects.services import refresh_facets

        refresh_facets(self.pk)

    def clean(self):
        super().clean()
        if not self.available_languages():
            raise ValidationError(
                _(
                    "Fill in the title, summary and description in at least one language; "
                    "the project is shown in each language where all three are filled in."
                ),
                code="no_language",
            )
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            raise ValidationError(
                {
                    "end_date": _(
                        "The end date (%(end)s) must come after the start date (%(start)s). "
                        "Correct one of them."
                    )
                    % {"end": self.end_date.isoformat(), "start": self.start_date.isoformat()}
                }
            )

    @property
    def share_image(self):
        """The first picture of the gallery (prefetch ``gallery__image__renditions``)."""
        first = next(iter(self.gallery.all()), None)
        return first.image if first else None

    def years_active(self):
        if not (self.start_date and self.end_date) or self.end_date < self.start_date:
            return []
        return list(range(self.start_date.year, self.end_date.year + 1))

    def phase_on(self, today=None):
        return phase_between(self.start_date, self.end_date, today or timezone.localdate())

    @property
    def current_phase(self):
        return getattr(self, "phase", None) or self.phase_on()

    @property
    def current_phase_label(self):
        return Phase(self.current_phase).label

    def country_names(self):
        return [name for _code, name in self.country_pairs()]

    def country_pairs(self):
        """(code, name) of the partners' countries, for links to the filtered list."""
        return [(code, country_name(code)) for code in self.countries]

    def region_names(self):
        return [region_name(key) for key in self.regions]

    def subregion_names(self):
        return [subregion_name(key) for key in self.subregions]


@revisions.register()
class Partnership(models.Model):
    """An organisation's part in a project: its role and the country it works from."""

    class Role(models.TextChoices):
        COORDINATING = "coordinating", _("Coordinating partner")
        PARTNER = "partner", _("Partner")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="partnerships"
    )
    organisation = models.ForeignKey(
        "norec_site.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    country = CountryField(
        _("country"),
        blank=True,
        help_text=_(
            "Where the partner works in this project. "
            "Leave empty to use the organisation's country."
        ),
    )

    class Meta:
        ordering = ("role", "pk")
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"],
                name="projects_partnership_once",
                violation_error_message=_(
                    "This organisation is already a partner in the project."
                ),
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(role="coordinating"),
                name="projects_partnership_one_coordinator",
                violation_error_message=_(
                    "A project has one coordinating partner; make the others partners."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"

    def save(self, *args, **kwargs):
        if not self.country and self.organisation_id:
            self.country = self.organisation.country
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.country and self.organisation_id and not self.organisation.country:
            raise ValidationError(
                {"country": _("Choose the country this partner works from in the project.")}
            )

    @property
    def country_name(self):
        return country_name(self.country) if self.country else ""


@revisions.register()
class ProjectImage(Ordered):
    """A picture from the media library in a project's gallery, in the editor's order."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="gallery"
    )
    image = models.ForeignKey(
        "norec_site.Image",
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=Image.PICTURES_ONLY,
    )

    class Meta(Ordered.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.UniqueConstraint(fields=["project", "image"], name="projects_projectimage_once")
        ]

    def __str__(self):
        return str(self.image)
