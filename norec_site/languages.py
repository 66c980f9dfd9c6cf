"""The site's three languages, and the links between a page's language versions."""

from django.conf import settings
from django.utils.translation import get_language

# Each language named in itself, as the switcher shows it.
LOCAL_NAMES = {"nn": "Nynorsk", "nb": "Bokmål", "en": "English"}
# Open Graph names languages with a territory.
OG_LOCALES = {"nn": "nn_NO", "nb": "nb_NO", "en": "en_GB"}


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def language_links(urls):
    """Switcher and hreflang entries from (code, url) pairs."""
    current = get_language()
    return [
        {"code": code, "name": LOCAL_NAMES[code], "url": url, "current": code == current}
        for code, url in urls
    ]


def language_name(code):
    """A language's name inside a sentence of the active language.

    Norwegian writes language names in lowercase ("les rapporten på engelsk").
    """
    from django.utils.translation import get_language_info

    names = dict(settings.LANGUAGES)
    if code in names:
        name = str(names[code])
    else:
        try:
            name = str(get_language_info(code)["name_translated"])
        except KeyError:
            name = code
    return name.lower() if get_language() in ("nn", "nb") else name


def own_language_first(codes):
    """``codes`` with the page's language first, the others in their order."""
    current = get_language()
    return sorted(codes, key=lambda code: code != current)
