"""Site pages that editors own (about, contact, privacy, accessibility), their menus
and the site's own texts (the home page's introduction, the accessibility statement).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from norec_site import revisions
from norec_site.languages import language_codes
from norec_site.models.fields import library_image, optional_link, rich_text
from norec_site.models.old_addresses import OldAddress
from norec_site.models.ordered import Ordered
from norec_site.models.publishable import (
    Publishable,
    Status,
    slug_field,
    unique_per_language,
)
from norec_site.registry import Content
from norec_site.richtext import sanitize_html
from norec_site.search import search_indexes, search_vector_field

SEARCH_WEIGHTS = {"A": ["title"], "C": ["body"]}
MAX_PATH_LENGTH = 500


@revisions.register()
class SitePage(Publishable):
    """A page such as "Om Norec", served at /<language>/<its path>/.

    Its path in each language is its parents' slugs and its own, kept in the
    ``path_*`` columns; a page without a slug in a language (or whose parent
    has none) does not exist in that language.
    """

    title = models.CharField(_("title"), max_length=200)
    slug = slug_field()
    body = rich_text(_("text"))
    image = library_image(_("picture"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Leave empty for a page at the top of the site."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first among the parent's pages.")
    )
    path = models.CharField(_("address"), max_length=MAX_PATH_LENGTH, blank=True, editable=False)
    search_nn = search_vector_field("nn", SEARCH_WEIGHTS)
    search_nb = search_vector_field("nb", SEARCH_WEIGHTS)
    search_en = search_vector_field("en", SEARCH_WEIGHTS)

    language_fields = ("title", "body", "path")
    rich_text_fields = ("body",)
    url_name = "pages:detail"
    demo_module = "norec_site.pages.demo"
    url_field = "path"
    content = Content(
        key="pages",
        label=_("Page"),
        plural=_("Pages"),
        position=40,
        snippet_fields=("body",),
        sitemap_section="site-pages",
    )

    class Meta(Publishable.Meta):
        ordering = ("position", "pk")
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        constraints = unique_per_language("path", "norec_site_sitepage")
        indexes = [*Publishable.Meta.indexes, *search_indexes("norec_site_sitepage")]

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            for code in language_codes():  # a page on an old path takes it back
                if path := getattr(self, f"path_{code}"):
                    PageRedirect.objects.filter(language=code, old_path=path).delete()
            self._move_descendants()

    def clean(self):
        super().clean()
        self._check_parent()
        self._fill_slugs()
        from norec_site.pages.reserved import reserved_slugs  # the URLconf imports the models

        errors = {}
        reserved = reserved_slugs()
        others = SitePage.objects.exclude(pk=self.pk)
        for code in language_codes():
            slug, path = getattr(self, f"slug_{code}"), getattr(self, f"path_{code}")
            if self.parent_id is None and slug in reserved:
                errors[f"slug_{code}"] = _(
                    "“%(slug)s” is the address of a section of the site. Choose another slug."
                ) % {"slug": slug}
            elif path and others.filter(**{f"path_{code}": path}).exists():
                errors[f"slug_{code}"] = _(
                    "Another page under the same parent already uses this slug. "
                    "Choose another one."
                )
            elif len(path) > MAX_PATH_LENGTH:
                errors[f"slug_{code}"] = _("The address is too long: use shorter slugs.")
        if errors:
            raise ValidationError(errors)

    @property
    def share_image(self):
        return self.image

    def ancestor_paths(self, language=None):
        """The paths of the pages above this one, top first: for breadcrumbs."""
        parts = getattr(self, f"path_{language or get_language()}").split("/")[:-1]
        return ["/".join(parts[: end + 1]) for end in range(len(parts))]

    # The tree --------------------------------------------------------------

    def _check_parent(self):
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError(
                    {"parent": _("A page cannot be placed under itself or one of its own pages.")}
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def paths_from_parent(self):
        paths = {}
        for code in language_codes():
            slug = getattr(self, f"slug_{code}") or ""
            if self.parent is None:
                paths[code] = slug
            else:
                above = getattr(self.parent, f"path_{code}")
                paths[code] = f"{above}/{slug}" if slug and above else ""
        return paths

    def _fill_slugs(self):
        super()._fill_slugs()
        for code, value in self.paths_from_parent().items():
            setattr(self, f"path_{code}", value)

    def _remember_old_slugs(self):
        """Old paths (not slugs) are what answer with a 301 for pages."""
        old = (
            SitePage._default_manager.filter(pk=self.pk)
            .values("status", "path_nn", "path_nb", "path_en")
            .first()
        )
        if old:
            self._remember_paths(
                old, {code: getattr(self, f"path_{code}") for code in language_codes()}
            )

    def _remember_paths(self, old, new):
        for code in language_codes():
            previous, current = old[f"path_{code}"], new[code]
            if old["status"] == Status.PUBLISHED and previous and previous != current:
                PageRedirect.objects.update_or_create(
                    language=code, old_path=previous, defaults={"page_id": self.pk}
                )
            if current:
                PageRedirect.objects.filter(language=code, old_path=current).exclude(
                    page_id=self.pk
                ).delete()

    def _move_descendants(self):
        """Children follow their parent's new path; their old paths redirect too."""
        parents = [self]
        while parents:
            children = list(
                SitePage._default_manager.filter(parent__in=parents).select_related("parent")
            )
            by_pk = {parent.pk: parent for parent in parents}
            for child in children:
                child.parent = by_pk[child.parent_id]
                new = child.paths_from_parent()
                old = {
                    "status": child.status,
                    **{f"path_{c}": getattr(child, f"path_{c}") for c in new},
                }
                if any(old[f"path_{c}"] != new[c] for c in new):
                    child._remember_paths(old, new)
                    for code, value in new.items():
                        setattr(child, f"path_{code}", value)
                    SitePage._default_manager.filter(pk=child.pk).update(
                        **{f"path_{code}": value for code, value in new.items()}
                    )
            parents = children


class PageRedirect(OldAddress):
    """An old path of a published page, answered with a 301 to where it is now."""

    page = models.ForeignKey(SitePage, on_delete=models.CASCADE, related_name="old_paths")
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    old_path = models.CharField(max_length=MAX_PATH_LENGTH)

    class Meta(OldAddress.Meta):
        verbose_name = _("old page address")
        verbose_name_plural = _("old page addresses")
        constraints = [
            models.UniqueConstraint(fields=["language", "old_path"], name="pageredirect_unique")
        ]

    def __str__(self):
        return f"/{self.language}/{self.old_path}/"


class MenuItem(Ordered):
    """A link in the main menu or the footer, in one language, in the editors' order."""

    class Menu(models.TextChoices):
        MAIN = "main", _("Main menu")
        FOOTER = "footer", _("Footer")

    class Section(models.TextChoices):
        NEWS = "news:index", _("News")
        REPORTS = "reports:index", _("Reports")
        PROJECTS = "projects:index", _("Projects")
        SEARCH = "search", _("Search")

    menu = models.CharField(_("menu"), max_length=10, choices=Menu.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    page = models.ForeignKey(
        SitePage,
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="menu_items",
        help_text=_("A site page; it shows only while it is published in this language."),
    )
    section = models.CharField(
        _("section"),
        max_length=20,
        choices=Section.choices,
        blank=True,
        help_text=_("Or a section of the site instead of a page."),
    )

    class Meta(Ordered.Meta):
        ordering = ("menu", "language", "position", "pk")
        verbose_name = _("menu link")
        verbose_name_plural = _("menu links")
        constraints = [
            models.CheckConstraint(
                condition=(Q(page__isnull=False) & Q(section=""))
                | (Q(page__isnull=True) & ~Q(section="")),
                name="menuitem_page_or_section",
                violation_error_message=_("Choose either a page or a section, not both."),
            )
        ]

    def __str__(self):
        target = self.page or self.get_section_display()
        return f"{self.get_menu_display()} ({self.language}): {target}"


def uustatus_address(value):
    host = (urlsplit(value).hostname or "").lower()
    if host != "uustatus.no" and not host.endswith(".uustatus.no"):
        raise ValidationError(
            _(
                "Give the address of the statement at uustatus.no, such as https://uustatus.no/nn/erklaringer/publisert/…"
            )
        )


class SiteSettings(models.Model):
    """The site's own texts, one row: the home page's introduction and the
    accessibility statement that every page's footer links to."""

    home_heading = models.CharField(
        _("home page heading"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the site's standard heading."),
    )
    home_text = models.TextField(
        _("home page introduction"),
        blank=True,
        help_text=_("One or two sentences under the heading. Leave empty for the standard text."),
    )
    accessibility_page = optional_link(
        SitePage,
        _("accessibility statement page"),
        help_text=_("The site page that every page's footer links to as the statement."),
    )
    uustatus_url = models.URLField(
        _("statement at uustatus.no"),
        blank=True,
        validators=[uustatus_address],
        help_text=_("The official record made in the Digitalisation Agency's service."),
    )
    not_accessible = rich_text(_("what is not yet accessible, and why"))
    feedback_email = models.EmailField(
        _("feedback address"),
        blank=True,
        help_text=_("Where visitors report problems with accessibility."),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="sitesettings_single_row")]

    def __str__(self):
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        for code in language_codes():
            field = f"not_accessible_{code}"
            setattr(self, field, sanitize_html(getattr(self, field) or ""))
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        return cls.objects.get_or_create(pk=1)[0]
