"""Message catalogues: compile them without gettext, and find what is untranslated.

``python -m norec_site.catalogues compile`` turns every catalogue into the .mo
file Django reads; it needs only polib, so a machine without gettext can build
the site. ``django.po`` holds the site's own strings (``make messages``);
``djangojs.po`` holds Django admin's JavaScript strings that its own nn and nb
catalogues lack, kept by hand.
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("nn", "nb", "en")
DOMAINS = ("django", "djangojs")


def catalogue_path(language, domain="django"):
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def compile_all():
    for language in LANGUAGES:
        for domain in DOMAINS:
            path = catalogue_path(language, domain)
            polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))


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


COMMANDS = {"compile": compile_all, "fill-english": fill_english}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        sys.exit("usage: python -m norec_site.catalogues compile|fill-english")
    COMMANDS[sys.argv[1]]()
