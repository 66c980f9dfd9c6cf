"""Reports: publications with their PDF files, series, publishers and authors."""

from django.contrib.postgres.aggregates import ArrayAgg
from django.db import models
from django.db.models import OuterRef, Prefetch, ProtectedError, Subquery
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from norec_site import revisions
from norec_site.models import (
    Ordered,
    Organisation,
    Person,
    Publishable,
    PublishableManager,
    PublishableQuerySet,
    SustainableDevelopmentGoal,
    Topic,
    library_image,
    public_indexes,
    rich_text,
    slug_field,
    with_renditions,
)
from norec_site.registry import Content, HomeList
from norec_site.search import search_indexes, search_vector_field

# The file languages' helpers live apart; admin and views import them from here too.
from reports.file_languages import FILE_LANGUAGES, file_language_choices, language_name  # noqa: F401
from reports.storage import get_private_storage
from reports.validators import validate_doi, validate_isbn

SEARCH_WEIGHTS = {"A": ["title", "subtitle"], "B": ["summary"], "C": ["pdf_text"]}
# Written in a language when each of these is: what a public page in it needs.
LANGUAGE_FIELDS = ("title", "summary")


def report_file_path(instance, filename):
    return f"reports/{filename}"


class ReportSeries(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in addresses, such as ?series=in-action.")
    )
    publisher = models.ForeignKey(
        Organisation,
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_series",
    )

    class Meta:
        ordering = ("name",)
        verbose_name = _("report series")
        verbose_name_plural = _("report series")
        constraints = [models.UniqueConstraint(fields=["slug"], name="reportseries_slug_unique")]

    def __str__(self):
        return self.name


def _names(through, field):
    """A subquery giving a report's people or organisations' names, in their order."""
    return Subquery(
        through.objects.filter(report=OuterRef("pk"))
        .values("report")
        .annotate(names=ArrayAgg(f"{field}__name", order_by=("position", "pk")))
        .values("names")
    )


class ReportQuerySet(PublishableQuerySet):
    def with_credits(self):
        """Author and publisher names in the same query (``author_names``, ``publisher_names``)."""
        return self.annotate(
            author_names=_names(ReportAuthor, "person"),
            publisher_names=_names(ReportPublisher, "organisation"),
        )

    def for_cards(self, today=None):
        """What a list of report cards shows, in one query: the covers' renditions with them."""
        return with_renditions(self.select_related("series"), "cover")

    def for_page(self):
        """What a report page, its citations and feeds show."""
        return (
            self.for_cards()
            .with_credits()
            .select_related("series__publisher")
            .prefetch_related(
                Prefetch("files", queryset=ReportFile.objects.defer("text")),
                "sdgs",
                "topics",
            )
        )


@revisions.register(follow=("files", "author_links", "publisher_links"))
class Report(Publishable):
    title = models.CharField(_("title"), max_length=255)
    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    slug = slug_field(
        255, _("Made from the title when left empty. Changing it keeps the old address.")
    )
    summary = rich_text(
        _("summary"), help_text=_("A few paragraphs: what the report is about and what it found.")
    )
    series = models.ForeignKey(
        ReportSeries,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    series_number = models.CharField(
        _("number in the series"), max_length=20, blank=True, help_text=_("Such as 3 or 2019/2.")
    )
    publishers = models.ManyToManyField(
        Organisation,
        through="ReportPublisher",
        verbose_name=_("publishers"),
        related_name="published_reports",
        blank=True,
    )
    authors = models.ManyToManyField(
        Person,
        through="ReportAuthor",
        verbose_name=_("authors"),
        related_name="reports",
        blank=True,
    )
    publication_date = models.DateField(
        _("publication date"), help_text=_("The date printed in the report.")
    )
    launch_event = models.CharField(
        _("launch event"),
        max_length=255,
        blank=True,
        help_text=_("Where the report was presented, such as the BAPA+40 conference."),
    )
    launch_place = models.CharField(
        _("launch place"), max_length=200, blank=True, help_text=_("City and country.")
    )
    launch_date = models.DateField(_("launch date"), null=True, blank=True)
    isbn = models.CharField(
        _("ISBN"),
        max_length=20,
        blank=True,
        validators=[validate_isbn],
        help_text=_("Optional. 10 or 13 digits, with or without hyphens."),
    )
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text=_("Optional. Such as 10.1234/norec.2019.1, without https://doi.org/."),
    )
    sdgs = models.ManyToManyField(
        SustainableDevelopmentGoal,
        verbose_name=_("sustainable development goals"),
        related_name="reports",
        blank=True,
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="reports", blank=True
    )
    cover = library_image(
        _("cover"),
        help_text=_(
            "Made from the first page of the first PDF; choose another picture to change it."
        ),
    )
    pdf_text = models.TextField(_("text of the PDF files"), blank=True, editable=False)
    search_nn = search_vector_field("nn", SEARCH_WEIGHTS, shared_fields=("pdf_text",))
    search_nb = search_vector_field("nb", SEARCH_WEIGHTS, shared_fields=("pdf_text",))
    search_en = search_vector_field("en", SEARCH_WEIGHTS, shared_fields=("pdf_text",))

    objects = PublishableManager.from_queryset(ReportQuerySet)()

    heavy_fields = (*Publishable.heavy_fields, "pdf_text")
    revision_exclude = (*Publishable.revision_exclude, "pdf_text")

    language_fields = LANGUAGE_FIELDS
    rich_text_fields = ("summary",)
    url_name = "reports:detail"
    content = Content(
        key="reports",
        label=_("Report"),
        plural=_("Reports"),
        position=20,
        snippet_fields=("summary",),
        long_text="pdf_text",
        search_date="publication_date",
        home=HomeList("reports/includes/home_reports.html", "latest_reports"),
        index_url_name="reports:index",
        feed_url_name="reports:feed",
        form_file_limit_setting="NOREC_REPORT_MAX_BYTES",
    )
    demo_module = "reports.demo"

    class Meta(Publishable.Meta):
        ordering = ("-publication_date", "-published_at", "-id")
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            *Publishable.Meta.indexes,
            *search_indexes("reports_report"),
            *public_indexes(
                "reports_report", LANGUAGE_FIELDS, ["-publication_date", "-published_at"]
            ),
            # The library's order: newest first without sorting every report.
            models.Index(
                fields=["-publication_date", "-published_at"], name="report_newest_first"
            ),
        ]
        constraints = Publishable.slug_constraints("report")

    def delete(self, *args, **kwargs):
        links = self.linked_from()
        if links:
            raise ProtectedError(
                _("Other content links to this report; remove those links first."), set(links)
            )
        return super().delete(*args, **kwargs)

    @property
    def share_image(self):
        return self.cover

    def after_restore(self):
        """A restored revision has no PDF text: take it from the restored files again."""
        from reports.services import refresh_after_restore

        refresh_after_restore(self)

    def file_for(self, language=None):
        """The file in ``language``, or the first one (uses prefetched files)."""
        language = language or get_language()
        files = list(self.files.all())
        return next((f for f in files if f.language == language), files[0] if files else None)


@revisions.register()
class ReportPublisher(Ordered):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="publisher_links")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta(Ordered.Meta):
        verbose_name = _("publisher")
        verbose_name_plural = _("publishers")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "organisation"], name="reportpublisher_unique"
            )
        ]

    def __str__(self):
        return str(self.organisation)


@revisions.register()
class ReportAuthor(Ordered):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="author_links")
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta(Ordered.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        constraints = [
            models.UniqueConstraint(fields=["report", "person"], name="reportauthor_unique")
        ]

    def __str__(self):
        return str(self.person)


@revisions.register(follow=("cover",))
class ReportFile(models.Model):
    """One PDF edition of a report, in one language."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="files"
    )
    language = models.CharField(_("language"), max_length=10, choices=FILE_LANGUAGES)
    file = models.FileField(
        _("PDF file"),
        upload_to=report_file_path,
        storage=get_private_storage,
        max_length=255,
        editable=False,
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False)
    pages = models.PositiveIntegerField(_("pages"), editable=False)
    cover = library_image(_("cover"), editable=False)
    text = models.TextField(_("text"), blank=True, editable=False)
    downloads = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now=True)

    # Revisions leave out the extracted text (derived, up to 500 kB) and the download count;
    # a restore keeps the count and the text of the same file (by checksum).
    revision_exclude = ("text", "downloads")
    revision_counters = ("downloads",)
    revision_fingerprint = "sha256"

    class Meta:
        ordering = ("report", "language")
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "language"], name="reportfile_one_per_language"
            ),
            models.UniqueConstraint(fields=["sha256"], name="reportfile_sha256_unique"),
        ]

    def __str__(self):
        return f"{self.report} ({self.language})"

    def get_absolute_url(self):
        return reverse("reports:download", kwargs={"pk": self.pk, "filename": self.filename})

    def language_name(self):
        return language_name(self.language)

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]


class DownloadSeen(models.Model):
    """One visitor got one file in one clock hour: later requests that hour are not counted.

    ``visitor`` is a keyed hash (HMAC with the site's secret key) of the client's
    address and browser, never the address itself; rows older than two hours are
    deleted as new ones come.
    """

    file = models.ForeignKey(ReportFile, on_delete=models.CASCADE, related_name="+")
    visitor = models.CharField(max_length=64)
    hour = models.DateTimeField()

    # Written on every counted download and shown nowhere: the page cache ignores it.
    affects_pages = False

    class Meta:
        verbose_name = _("counted download")
        verbose_name_plural = _("counted downloads")
        constraints = [
            models.UniqueConstraint(
                fields=["file", "visitor", "hour"], name="downloadseen_once_per_hour"
            )
        ]
        indexes = [models.Index(fields=["hour"], name="downloadseen_hour")]

    def __str__(self):
        return f"{self.file_id} {self.hour:%Y-%m-%d %H}"
