"""Partner projects: exchange partnerships between organisations in several countries."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from norec_site import revisions
from norec_site.countries import country_name
from norec_site.models import (
    Image,
    Ordered,
    Publishable,
    PublishableManager,
    PublishableQuerySet,
    public_indexes,
    rich_text,
    slug_field,
)
from norec_site.models.images import image_from, picture_json
from norec_site.registry import Content, HomeList
from norec_site.search import search_indexes, search_vector_field

# The migrations name the validators here.
from .codes import DacSector, validate_currency, validate_iati_identifier
from .regions import region_name, subregion_name

SEARCH_WEIGHTS = {"A": ["title"], "B": ["summary"], "C": ["description"]}
# Written in a language when each of these is: what a public page in it needs.
LANGUAGE_FIELDS = ("title", "summary", "description")
# The facet columns the site computes from the partners, goals and dates.
COMPUTED_FACETS = ("countries", "regions", "subregions", "sectors", "sdg_numbers", "years")


class CooperationType(models.TextChoices):
    SOUTH_SOUTH = "south-south", _("South–south")
    TRIANGULAR = "triangular", _("Triangular")
    NORTH_SOUTH = "north-south", _("North–south")


class Phase(models.TextChoices):
    """Where a project stands, decided by its dates on the day someone asks."""

    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


def phase_expression(today=None):
    """The one rule for a project's phase as of ``today``, in SQL: planned before its
    start, completed after its end, ongoing in between. Lists, facets, the project
    page and the open-data files all read it."""
    today = today or timezone.localdate()
    return Case(
        When(start_date__gt=today, then=Value(Phase.PLANNED.value)),
        When(end_date__lt=today, then=Value(Phase.COMPLETED.value)),
        default=Value(Phase.ONGOING.value),
        output_field=models.CharField(),
    )


# The card query's JSON of the first picture, and where each row keeps its Image.
CARD_PICTURE_JSON = "_card_picture_json"
CARD_PICTURE = "_card_picture"


class CardIterable(models.query.ModelIterable):
    """Projects whose first picture (``for_cards``) is made an Image as they come."""

    def __iter__(self):
        for project in super().__iter__():
            found = project.__dict__.pop(CARD_PICTURE_JSON, None)
            picture = image_from(found, project._state.db) if found else None
            project.__dict__[CARD_PICTURE] = picture
            yield project


class ProjectQuerySet(PublishableQuerySet):
    def with_phase(self, today=None):
        """Annotate ``phase`` from the dates, as of ``today``."""
        return self.annotate(phase=phase_expression(today))

    def for_cards(self, today=None):
        """With what a project card shows (phase, first picture of the gallery with its
        renditions), in one query: ``card_picture`` reads the picture."""
        first = ProjectImage.objects.filter(project=models.OuterRef("pk"))
        first = first.order_by(*ProjectImage._meta.ordering).values(json=picture_json("image"))
        queryset = self.with_phase(today).annotate(
            **{CARD_PICTURE_JSON: models.Subquery(first[:1], output_field=models.JSONField())}
        )
        queryset._iterable_class = CardIterable
        return queryset

    def in_phase(self, phase, today=None):
        return self.with_phase(today).filter(phase=phase)


@revisions.register(follow=("partnerships", "gallery"))
class Project(Publishable):
    title = models.CharField(_("title"), max_length=200, blank=True)
    slug = slug_field(255, _("Made from the title when left empty. Used in the page address."))
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences for lists, search results and sharing."),
    )
    description = rich_text(_("description"))
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

    search_nn = search_vector_field("nn", SEARCH_WEIGHTS)
    search_nb = search_vector_field("nb", SEARCH_WEIGHTS)
    search_en = search_vector_field("en", SEARCH_WEIGHTS)

    objects = PublishableManager.from_queryset(ProjectQuerySet)()

    language_fields = LANGUAGE_FIELDS
    rich_text_fields = ("description",)
    url_name = "projects:detail"
    content = Content(
        key="projects",
        label=_("Project"),
        plural=_("Projects"),
        position=30,
        snippet_fields=("summary", "description"),
        search_date="start_date",
        search_end_date="end_date",
        home=HomeList("projects/includes/home_projects.html", "latest_projects"),
        index_url_name="projects:index",
    )
    demo_module = "projects.demo"
    # The facet columns follow from the partners and goals: recomputed, not restored.
    revision_exclude = (*Publishable.revision_exclude, *COMPUTED_FACETS)

    class Meta(Publishable.Meta):
        ordering = ("-start_date", "pk")
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [
            *Publishable.Meta.indexes,
            *search_indexes("projects_project"),
            # With the facets' columns, so that a filtered page and the facet counts
            # read the index alone.
            *public_indexes(
                "projects_project",
                LANGUAGE_FIELDS,
                ["-start_date", "id"],
                include=[*COMPUTED_FACETS, "cooperation_type", "end_date"],
            ),
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
    def card_picture(self):
        """The first picture of the gallery: the card query's (``for_cards``), else the
        prefetched or queried gallery's."""
        if CARD_PICTURE in self.__dict__:
            return self.__dict__[CARD_PICTURE]
        return self.share_image

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
        """The phase by the rule in SQL, for a project read without ``with_phase``."""
        projects = Project.objects.filter(pk=self.pk).with_phase(today)
        return Phase(projects.values_list("phase", flat=True).get())

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
