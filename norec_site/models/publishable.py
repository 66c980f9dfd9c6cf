"""What every piece of public content shares: states, scheduling, slugs, languages."""

import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, format_lazy
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from norec_site.languages import language_codes
from norec_site.models.fields import recorded_user
from norec_site.models.old_addresses import SlugRedirect
from norec_site.models.public import Status, written_in
from norec_site.models.related import Related
from norec_site.models.translated import ValidatesEachLanguage
from norec_site.richtext import sanitize_html
from norec_site.slugs import slug_from_title, unique_slug

# A slug made from a title is made again this often when others take it at the same moment.
SLUG_ATTEMPTS = 5
# What the <slug:> converter of the detail pages accepts; quoting leaves it unchanged.
URL_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SLUG_PLACEHOLDER = "norec-slug-placeholder"
SLUG_HELP = _("The last part of the address. Leave empty to make it from the title.")
# (url name, language, script prefix, urlconf): the detail address before and after the slug.
_detail_url_parts = {}


def detail_url(url_name, language, slug):
    """``reverse(url_name, kwargs={"slug": slug})`` in ``language``.

    A list shows dozens of items: each name is reversed once a language (and a
    script prefix), then only the slug changes. Anything the converter might
    refuse goes through ``reverse`` and fails as it would."""
    if not URL_SLUG.fullmatch(slug):
        with override(language):
            return reverse(url_name, kwargs={"slug": slug})
    key = (url_name, language, get_script_prefix(), get_urlconf(settings.ROOT_URLCONF))
    parts = _detail_url_parts.get(key)
    if parts is None:
        with override(language):
            before, _found, after = reverse(url_name, kwargs={"slug": SLUG_PLACEHOLDER}).partition(
                SLUG_PLACEHOLDER
            )
        parts = _detail_url_parts[key] = (before, after)
    return parts[0] + slug + parts[1]


def slug_field(max_length=80, help_text=SLUG_HELP):
    """The translated slug of a piece of content: made from its title when left empty."""
    return models.SlugField(_("slug"), max_length=max_length, blank=True, help_text=help_text)


def unique_per_language(field, prefix, message=None):
    """Constraints keeping each language's ``field`` (``slug_nn``...) unique, named
    ``{prefix}_{field}_{code}_unique``; empty values (no translation) never clash.

    ``message`` may name the ``{language}`` whose value is taken."""
    return [
        models.UniqueConstraint(
            fields=[f"{field}_{code}"],
            condition=Q(**{f"{field}_{code}__gt": ""}),
            name=f"{prefix}_{field}_{code}_unique",
            violation_error_message=(
                None if message is None else format_lazy(message, language=code)
            ),
        )
        for code in language_codes()
    ]


class PublishableQuerySet(models.QuerySet):
    # How many times published() compares with ``now``: search binds each (see
    # norec_site.search.sql), and checks this count when it compiles its SQL.
    now_comparisons = 2

    def published(self, now=None):
        """The only door for the public: published, its time has come and not yet gone."""
        now = now or timezone.now()
        return self.filter(status=Status.PUBLISHED, published_at__lte=now).filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now)
        )

    def unpublished_by_time(self):
        """Published items whose unpublish time has passed: off every public surface."""
        return self.filter(status=Status.PUBLISHED, unpublish_at__lte=timezone.now())

    def in_language(self, language=None):
        """Items whose title and main text exist in ``language``."""
        return self.filter(written_in(self.model.language_fields, language or get_language()))

    def public(self, language=None, now=None):
        """Published and written in ``language``: what lists, feeds and search show."""
        return self.published(now).in_language(language)

    def for_cards(self, today=None):
        """What a card in a list shows; types with pictures or credits say more.

        ``today`` is the day a card's facts depend on (a project's phase), if any."""
        return self

    def shown_in(self, language=None):
        """Without the columns that a public page in ``language`` never reads: the other
        languages' values of the translated fields that are neither language fields nor
        the address field, and modeltranslation's untranslated originals.

        Content shows only its page's language (no fallback), and the language fields
        and addresses of every language make the switcher and the hreflang links."""
        language = language or get_language()
        try:
            options = translator.get_options_for_model(self.model)
        except NotRegistered:
            return self
        kept = {*self.model.language_fields, self.model.url_field}
        others = [
            f"{name}_{code}"
            for name in options.all_fields
            if name not in kept
            for code in language_codes()
            if code != language
        ]
        # Django's own defer(): modeltranslation's would read "title" as every title_*.
        return models.QuerySet.defer(self.defer(*others), *options.all_fields)

    def missing_language(self, language):
        return self.exclude(pk__in=self.in_language(language).values("pk"))


class PublishableManager(models.Manager):
    """Leaves out the heavy columns that no page shows (search vectors, PDF text).

    Search reads them by name; everything else never loads them.
    """

    def get_queryset(self):
        return super().get_queryset().defer(*self.model.heavy_fields)


class Publishable(Related, ValidatesEachLanguage, models.Model):
    """Abstract base of news articles, reports and projects.

    Subclasses name ``language_fields`` (translated fields that must all be
    filled for an item to exist in a language), ``rich_text_fields``
    (sanitized on save), ``url_name`` (the detail view) and ``content``
    (what search, sitemap and home need: see ``norec_site.registry``).
    """

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish now; a future time schedules it."),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish time"),
        null=True,
        blank=True,
        help_text=_("Optional. At this time the item leaves the site by itself."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = recorded_user(_("last changed by"))
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = PublishableManager.from_queryset(PublishableQuerySet)()

    language_fields = ("title",)
    heavy_fields = ("search_nn", "search_nb", "search_en")
    # The edit-conflict counter belongs to the row, not to a revision of its content.
    revision_exclude = ("version",)
    rich_text_fields = ()
    url_name = ""
    # The per-language field whose value the detail URL takes, under the same name.
    url_field = "slug"
    # What search, sitemap, home and the rest need: a norec_site.registry.Content.
    content = None
    # Dotted path of the module that loads the type's demo content.
    demo_module = ""

    class Meta:
        abstract = True
        default_permissions = ("add", "change", "delete", "view", "publish")
        ordering = ("-published_at", "-created_at", "-id")  # the id: pages never tie
        indexes = [
            models.Index(fields=["status", "published_at"], name="%(app_label)s_%(class)s_pub"),
        ]

    def __str__(self):
        """The title in the active language, else in the first language it has."""
        titles = [getattr(self, f"title_{code}", "") for code in language_codes()]
        return self.title or next(filter(None, titles), f"#{self.pk}")

    def save(self, *args, **kwargs):
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        for name in self.rich_text_fields:
            for code in language_codes():
                field = f"{name}_{code}"
                setattr(self, field, sanitize_html(getattr(self, field) or ""))
        made = self._fill_slugs()
        if self.pk:
            self._remember_old_slugs()
            self.version += 1
        self._save_retrying_slugs(made, *args, **kwargs)

    def get_absolute_url(self, language=None):
        language = language or get_language()
        available = self.available_languages()
        if language not in available and available:
            language = available[0]
        field = self.url_field
        value = getattr(self, f"{field}_{language}")
        if field == "slug":
            return detail_url(self.url_name, language, value or "")
        with override(language):
            return reverse(self.url_name, kwargs={field: value})

    def clean(self):
        super().clean()
        if not any(getattr(self, f"title_{code}", "") for code in language_codes()):
            raise ValidationError(_("Write a title in at least one language."), code="no_title")

    def clean_fields(self, exclude=None):
        """Also checks the unpublish time, unless the form leaves it out (no permission)."""
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        skip = set(exclude or ()) | set(errors)
        if not skip & {"unpublish_at", "published_at"}:
            try:
                self._clean_unpublish_at()
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def _clean_unpublish_at(self):
        """The unpublish time comes after the publication time (or now, if that is empty)."""
        if self.unpublish_at is None:
            return
        start = self.published_at or timezone.now()
        if self.unpublish_at <= start:
            message = (
                _("Choose an unpublish time after the publication time.")
                if self.published_at
                else _("Choose an unpublish time in the future.")
            )
            raise ValidationError({"unpublish_at": message}, code="unpublish_before_publish")

    # States -----------------------------------------------------------------

    def is_published(self):
        """The same rule as ``published()``, for one item."""
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and not (self.unpublish_at and self.unpublish_at <= now)
        )

    is_published.boolean = True
    is_published.short_description = _("public now")

    def is_scheduled(self):
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def is_unpublished_by_time(self):
        return (
            self.status == Status.PUBLISHED
            and self.unpublish_at is not None
            and self.unpublish_at <= timezone.now()
        )

    @property
    def state_label(self):
        if self.status == Status.DRAFT:
            return _("Draft")
        if self.is_unpublished_by_time():
            return _("Unpublished")
        return _("Scheduled") if self.is_scheduled() else _("Published")

    # Sharing: search engines and social cards --------------------------------

    @property
    def meta_title(self):
        return self.title

    @property
    def meta_description(self):
        """The first words of the item's second language field (its lead or summary)."""
        text = getattr(self, self.language_fields[1], "") if len(self.language_fields) > 1 else ""
        return Truncator(strip_tags(text or "")).words(40)

    @property
    def share_image(self):
        """The library image for social cards; models with pictures say which."""
        return None

    # Languages --------------------------------------------------------------

    def available_languages(self):
        """Codes of the languages this item is complete in, in the site's order."""
        return [
            code
            for code in language_codes()
            if all(getattr(self, f"{name}_{code}", "") for name in self.language_fields)
        ]

    def language_urls(self):
        """(code, url) for each language the item exists in: switcher and hreflang."""
        return [(code, self.get_absolute_url(code)) for code in self.available_languages()]

    # Slugs ------------------------------------------------------------------

    @classmethod
    def slug_constraints(cls, prefix):
        """One unique slug per language; empty slugs (no translation) never clash."""
        return unique_per_language(
            "slug",
            prefix,
            _("Another item already uses this slug ({language}); choose another one."),
        )

    def _save_retrying_slugs(self, made, *args, **kwargs):
        """Save; if another item took a slug made here in the meantime, make it again.

        Two items with the same title saved at once both pick the free slug; the
        database's unique constraint stops the second, which then picks the next one.
        """
        for attempt in range(SLUG_ATTEMPTS):
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError as error:
                clashes = [code for code in made if f"_slug_{code}_unique" in str(error)]
                if not clashes or attempt == SLUG_ATTEMPTS - 1:
                    raise
                for code in clashes:
                    setattr(self, f"slug_{code}", "")
                self._fill_slugs()

    def _fill_slugs(self):
        """Make the empty slugs from the titles; returns the languages it made them for."""
        others = type(self)._default_manager.exclude(pk=self.pk)
        made = []
        for code in language_codes():
            title = getattr(self, f"title_{code}", "")
            if title and not getattr(self, f"slug_{code}", ""):
                setattr(
                    self,
                    f"slug_{code}",
                    unique_slug(others, f"slug_{code}", slug_from_title(title)),
                )
                made.append(code)
        return made

    def _remember_old_slugs(self):
        fields = [f"slug_{code}" for code in language_codes()]
        old = type(self)._default_manager.filter(pk=self.pk, status=Status.PUBLISHED)
        old = old.values(*fields).first()
        if not old:
            return
        content_type = ContentType.objects.get_for_model(self)
        for code in language_codes():
            previous, current = old[f"slug_{code}"], getattr(self, f"slug_{code}")
            if previous and previous != current:
                SlugRedirect.objects.update_or_create(
                    content_type=content_type,
                    language=code,
                    old_slug=previous,
                    defaults={"object_id": self.pk},
                )
            if current:
                SlugRedirect.objects.filter(
                    content_type=content_type, language=code, old_slug=current
                ).delete()
