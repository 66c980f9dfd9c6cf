from django.urls import translate_url

from norec_site.languages import language_codes, language_links


def site(request):
    """Language links for the switcher; detail views replace them with ``alternates``."""
    urls = [(code, translate_url(request.path, code)) for code in language_codes()]
    return {
        "default_alternates": language_links(urls),
        "search_query": request.GET.get("q", "")[:200],
    }
