"""Site-wide pages, and the views every content app builds its pages on."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe
from django.views.generic import DetailView, ListView

from norec_site.compiled import NOW_STANDIN, SLUG_STANDIN, TODAY_STANDIN, PageOfIds, compiled
from norec_site.drafts import draft_for, showing_draft
from norec_site.figures import public_count
from norec_site.languages import OG_LOCALES, language_links
from norec_site.models import SlugRedirect
from norec_site.registry import home_sections
from norec_site.search import (
    PAGE_SIZE,
    Search,
    SearchResults,
    page_number,
    parse_query,
    search_types,
)
from norec_site.search.sql import Bind


def can_preview(request, model):
    """Editors who may change an item may see it before it is public.

    Without a session cookie nobody is logged in: the session is then never read,
    so that an anonymous visitor's page does not vary on the cookie and may be cached.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    opts = model._meta
    user = request.user
    return user.is_authenticated and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


class IdsFirstPaginator(Paginator):
    """Finds a page's ids first, then reads only those rows: deep pages (?page=500) skip
    thousands of ids in a partial index instead of thousands of whole rows.

    ``page_rows(limit, offset)``, when a view sets it, gives the rows of a page instead
    (a compiled query: ``PublishableListMixin.compiled_page``)."""

    page_rows = None

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if self.page_rows is not None:
            return self._get_page(self.page_rows(top - bottom, bottom), number, self)
        page = PageOfIds(self.object_list, top - bottom, bottom)
        return self._get_page(self.object_list.filter(page), number, self)


class PublishableListMixin:
    """Lists show only what is published and written in the page's language."""

    paginate_by = 12
    paginator_class = IdsFirstPaginator
    # The time and day the public queryset is as of (None: now); stand-ins while the
    # list's page is compiled (compiled_page()).
    now = today = None

    def get_queryset(self):
        language = get_language()
        return self.model.objects.public(language, now=self.now).shown_in(language)

    def compiled_key(self):
        """What the list's SQL depends on besides the view and the language (the
        request's filters), or None when the filters are not from a bounded set (what a
        visitor typed): then the page is built anew, not compiled."""
        return ()

    def compiled_page(self):
        """``get_queryset()``'s page query compiled once per process, view, language and
        ``compiled_key()`` (norec_site.compiled), each run binding the time, the day and
        the page's bounds; None if the key is None."""
        key = self.compiled_key()
        if key is None:
            return None

        def make():
            state = dict(self.__dict__)  # get_queryset() may note the filters it read
            self.now, self.today = NOW_STANDIN, TODAY_STANDIN
            try:
                queryset = self.get_queryset()
            finally:
                self.__dict__.clear()
                self.__dict__.update(state)
            return queryset.filter(PageOfIds(queryset, Bind("limit"), Bind("offset")))

        query = compiled(("list", type(self), get_language(), key), make)

        def page_rows(limit, offset):
            now = timezone.now()
            return query.run(now=now, today=timezone.localdate(now), limit=limit, offset=offset)

        return page_rows

    def counted_from_figures(self):
        """Whether the page count comes from the kept public figures (norec_site.figures):
        while the list shows every public item, unless a view counts otherwise."""
        return True

    def get_paginator(self, queryset, per_page, **kwargs):
        """Counted from the kept figures when the list shows every public item."""
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.page_rows = self.compiled_page()
        if self.counted_from_figures():
            count = public_count(self.request, self.model, get_language())
            if count is not None:
                paginator.count = count  # Paginator.count is a cached_property
        return paginator


class PublishableListView(PublishableListMixin, ListView):
    pass


class PublishableDetailView(DetailView):
    """A published item in the page's language.

    Editors who may change the item also see drafts and scheduled items, as a
    preview that is never cached. An old slug answers 301; a language the item
    lacks redirects to one it has.
    """

    def can_preview(self):
        return can_preview(self.request, self.model)

    def is_preview(self):
        """Shown only to editors: not public yet, or complete in no language."""
        return not (self.object.is_published() and self.object.available_languages())

    # The time and day the public queryset is as of (None: now); see public_item().
    now = today = None

    def get_queryset(self):
        manager = self.model.objects
        return manager.all() if self.can_preview() else manager.published(self.now).shown_in()

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        language = get_language()
        if queryset is None and not self.can_preview():
            item = self.public_item(slug, language)
        else:
            queryset = self.get_queryset() if queryset is None else queryset
            item = queryset.filter(**{f"slug_{language}": slug}).first()
        if item is None:
            queryset = self.get_queryset() if queryset is None else queryset
            self.moved_to = self.find_moved(queryset, slug, language)
            raise Http404
        return item

    def public_item(self, slug, language):
        """The published item with this slug in ``language``, or None: ``get_queryset()``
        compiled once per view and language (norec_site.compiled), each run binding the
        time, the day and the slug."""

        def make():
            self.now, self.today = NOW_STANDIN, TODAY_STANDIN
            try:
                queryset = self.get_queryset()
            finally:
                self.now = self.today = None
            return queryset.filter(**{f"slug_{language}": SLUG_STANDIN})[:1]

        query = compiled(("detail", type(self), language), make)
        now = timezone.now()
        found = query.run(now=now, today=timezone.localdate(now), slug=slug)
        return found[0] if found else None

    def find_moved(self, queryset, slug, language):
        """Where an old slug, or another language's slug, lives now."""
        for code, _name in settings.LANGUAGES:
            if code != language:
                item = queryset.filter(**{f"slug_{code}": slug}).first()
                if item and item.available_languages():
                    return item.get_absolute_url(language)
        content_type = ContentType.objects.get_for_model(self.model)
        old = SlugRedirect.objects.filter(
            content_type=content_type, language=language, old_slug=slug
        ).first()
        if old:
            item = queryset.filter(pk=old.object_id).first()
            if item and item.available_languages():
                return item.get_absolute_url(language)
        return None

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Http404:
            if getattr(self, "moved_to", None):
                return redirect(self.moved_to, permanent=True)
            raise
        available = self.object.available_languages()
        if get_language() not in available:
            if available:
                return redirect(self.object.get_absolute_url())
            if not self.can_preview():
                raise Http404  # complete in no language: nothing to show the public

        if self.can_preview() and draft_for(self.object) is not None:
            # An editor's preview shows the unpublished changes, rendered and rolled back.
            with showing_draft(self.object, request.user) as shown:
                self.object = shown
                response = self.render_to_response(self.get_context_data(object=shown))
                response.render()
            add_never_cache_headers(response)
            return response
        response = self.render_to_response(self.get_context_data(object=self.object))
        if self.is_preview():
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = self.is_preview()
        context["alternates"] = language_links(self.object.language_urls())
        context["og_locale"] = OG_LOCALES[get_language()]
        context["og_locale_alternates"] = [
            OG_LOCALES[link["code"]] for link in context["alternates"] if not link["current"]
        ]
        return context


def home(request):
    """The latest published items of each type on the home page, in the page's language.

    Each section's template reads its items under the name the type declares.
    """
    sections = home_sections(get_language())
    context = {section.context_name: section.items for section in sections}
    context["home_templates"] = [section.template for section in sections]
    return render(request, "norec_site/home.html", context)


@never_cache
@require_safe
def healthz(request):
    """For the load balancer: 200 when the database answers, 503 when it does not.

    It says nothing more, so that it gives nothing away.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; point them to ours."""
    return redirect(static("img/favicon.svg"), permanent=True)


@require_safe
def search(request):
    """One search over every content type in the page's language.

    A bad query (empty, too long, only punctuation, unpaired quotes) gets a
    normal page that says what happened, never an error.
    """
    parsed = parse_query(request.GET.get("q", ""))
    types = search_types()
    kind = request.GET.get("type", "")
    kind = kind if kind in {t.key for t in types} else ""
    context = {"query": parsed.text, "parsed": parsed, "kind": kind}
    if parsed.searchable:
        language = get_language()
        finder = Search(parsed, language, types=[kind] if kind else None, request=request)
        results = SearchResults(finder, page_number(request.GET.get("page")))
        paginator = Paginator(results, PAGE_SIZE)
        context.update(
            searched=True,
            page_obj=paginator.get_page(request.GET.get("page")),
            total=results.total,
            all_count=sum(results.counts.values()),
            type_counts=[(t.key, t.plural, results.counts[t.key]) for t in types],
        )
    return render(request, "norec_site/search.html", context)
