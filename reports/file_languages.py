"""The languages a report's PDF can be in: every language Django knows, the site's first."""

from django.conf import global_settings
from django.utils.text import capfirst

from norec_site.languages import LOCAL_NAMES, language_codes
from norec_site.languages import language_name as norec_language_name

FILE_LANGUAGES = sorted(global_settings.LANGUAGES, key=lambda item: item[0])


def language_name(code):
    """The language's name in the page's language, lowercase inside Norwegian text."""
    return norec_language_name(code)


def file_language_choices():
    """The site's three languages first, each in its own name; then the rest by name."""
    own = [(code, LOCAL_NAMES[code]) for code in language_codes()]
    others = [
        (code, capfirst(language_name(code)))
        for code, _name in FILE_LANGUAGES
        if code not in LOCAL_NAMES
    ]
    return [*own, *sorted(others, key=lambda choice: choice[1].casefold())]
