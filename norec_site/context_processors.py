from django.urls import translate_url
from django.utils.functional import SimpleLazyObject

from norec_site.languages import language_codes, language_links


def site(request):
    """Language links for the switcher, made only when a page shows them: detail views
    and the project list give their own ``alternates``."""

    def default_alternates():
        urls = [(code, translate_url(request.path, code)) for code in language_codes()]
        return language_links(urls)

    return {
        "default_alternates": SimpleLazyObject(default_alternates),
        "search_query": request.GET.get("q", "")[:200],
    }
