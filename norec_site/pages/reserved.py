"""The first parts of the site's own addresses, which no top-level page may take."""

from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import override

from norec_site.languages import language_codes


def _first_segments(patterns):
    for pattern in patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver) and route == "":
            yield from _first_segments(pattern.url_patterns)
            continue
        first = route.lstrip("^").split("/")[0]
        if first and "<" not in first:
            yield first


def reserved_slugs():
    """``nyhende``, ``sok``, ``rapportar``... in every language: a page there would hide them."""
    reserved = set()
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            for code in language_codes():
                with override(code):
                    reserved.update(_first_segments(pattern.url_patterns))
    return reserved
