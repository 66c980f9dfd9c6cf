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
