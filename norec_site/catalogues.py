"""Message catalogues: compile them without gettext, and find what is untranslated.

``python -m norec_site.catalogues compile`` turns every catalogue into the .mo
file Django reads; it needs only polib, so a machine without gettext can build
the site. ``django.po`` holds the site's own strings (``make messages``);
``djangojs.po`` holds Django admin's JavaScript strings that its own nn and nb
catalogues lack, kept by hand. ``locale/overrides/`` corrects and completes
Django's own nn and nb catalogues (kept by hand) and gives django-countries
Nynorsk names (``python -m norec_site.catalogues countries`` writes them).
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
OVERRIDES_DIR = LOCALE_DIR / "overrides"
LANGUAGES = ("nn", "nb", "en")
DOMAINS = ("django", "djangojs")
COUNTRY_COMMENT = "django-countries"


def catalogue_path(language, domain="django"):
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def override_path(language):
    return OVERRIDES_DIR / language / "LC_MESSAGES" / "django.po"


def compile_all():
    paths = [catalogue_path(lang, domain) for lang in LANGUAGES for domain in DOMAINS]
    paths += [override_path(lang) for lang in ("nn", "nb")]
    for path in paths:
        polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))


def nynorsk_country_names():
    """Nynorsk names for django-countries: its Bokmål names, in Nynorsk spelling."""
    import django_countries
    from django_countries.data import COUNTRIES

    from norec_site.countries import NYNORSK, nynorsk_spelling

    folder = Path(django_countries.__file__).parent / "locale" / "nb" / "LC_MESSAGES"
    bokmal = {entry.msgid: entry.msgstr for entry in polib.pofile(str(folder / "django.po"))}
    names = {}
    for code, name in COUNTRIES.items():
        english = str(name)
        names[english] = NYNORSK.get(code) or nynorsk_spelling(bokmal.get(english) or english)
    return names


def write_country_names():
    path = override_path("nn")
    po = polib.pofile(str(path))
    kept = [entry for entry in po if entry.comment != COUNTRY_COMMENT]
    po[:] = kept
    known = {entry.msgid for entry in kept}
    for english, name in sorted(nynorsk_country_names().items()):
        if english not in known:
            po.append(polib.POEntry(msgid=english, msgstr=name, comment=COUNTRY_COMMENT))
    po.save()


def fill_english():
    """Our message ids are English, so the English catalogue repeats them."""
    po = polib.pofile(str(catalogue_path("en")))
    for entry in po.untranslated_entries() + po.fuzzy_entries():
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    po.save()


def problems(language, domain="django"):
    """Messages that are untranslated or fuzzy in ``language``'s catalogue."""
    po = polib.pofile(str(catalogue_path(language, domain)))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    return untranslated, fuzzy


COMMANDS = {"compile": compile_all, "fill-english": fill_english, "countries": write_country_names}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        sys.exit("usage: python -m norec_site.catalogues compile|fill-english|countries")
    COMMANDS[sys.argv[1]]()
