"""Site pages at /<language>/<path>/, and the accessibility statement's stable address."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language

from norec_site.models import SitePage, SiteSettings
from norec_site.views import PublishableDetailView


class SitePageDetailView(PublishableDetailView):
    model = SitePage
    context_object_name = "page"
    template_name = "norec_site/sitepage_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("image").prefetch_related("image__renditions")

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        path = self.kwargs["path"]
        language = get_language()
        item = queryset.filter(**{f"path_{language}": path}).first()
        if item is None:
            self.moved_to = self.find_moved(queryset, path, language)
            raise Http404
        return item

    def find_moved(self, queryset, path, language):
        """Another language's path, or an old path of a published page: one query."""
        elsewhere = Q(old_paths__language=language, old_paths__old_path=path)
        for code, _name in settings.LANGUAGES:
            if code != language:
                elsewhere |= Q(**{f"path_{code}": path})
        item = queryset.filter(elsewhere).first()
        if item and item.available_languages():
            return item.get_absolute_url(language)
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page, language = self.object, get_language()
        public = SitePage.objects.public(language)
        ancestors = page.ancestor_paths(language)
        context["ancestors"] = (
            sorted(
                public.filter(**{f"path_{language}__in": ancestors}),
                key=lambda above: len(getattr(above, f"path_{language}")),
            )
            if ancestors
            else []
        )
        context["subpages"] = public.filter(parent=page)
        context["statement"] = SiteSettings.objects.filter(accessibility_page=page).first()
        return context


def accessibility_statement(request):
    """The statement's address that needs no database to link to (the 404 page's footer)."""
    statement = SiteSettings.objects.select_related("accessibility_page").first()
    page = statement.accessibility_page if statement else None
    if page is None or not page.is_published() or get_language() not in page.available_languages():
        raise Http404
    return redirect(page.get_absolute_url())
