"""Every interface string in nn, nb and en: none missing, none fuzzy."""

import ast
import re
from pathlib import Path

import pytest
from django.utils.translation.template import templatize

from norec_site.catalogues import DOMAINS, LANGUAGES, catalogue_path, problems

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCE_DIRS = ("norec_site", "news", "reports", "projects")
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext"}


def python_messages():
    for folder in SOURCE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT_NAMES
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    yield node.args[0].value, path


def template_messages():
    call = re.compile(r"""(?:^|\W)(?:gettext|ngettext|pgettext)\(\s*'((?:[^'\\]|\\.)*)'""")
    for path in (ROOT / "templates").rglob("*.html"):
        code = templatize(path.read_text(), origin=str(path))
        for message in call.findall(code):
            yield message.replace("\\'", "'").replace("\\n", "\n"), path


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_message(language, domain):
    untranslated, fuzzy = problems(language, domain)
    assert untranslated == [], f"untranslated in {language}: {untranslated}"
    assert fuzzy == [], f"fuzzy in {language}: {fuzzy}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_in_code_and_templates_is_in_the_catalogue(language):
    import polib

    known = {entry.msgid for entry in polib.pofile(str(catalogue_path(language)))}
    missing = sorted(
        {f"{message!r} ({path.relative_to(ROOT)})" for message, path in python_messages()}
        | {f"{message!r} ({path.relative_to(ROOT)})" for message, path in template_messages()}
    )
    missing = [item for item in missing if ast.literal_eval(item.rsplit(" (", 1)[0]) not in known]
    shown = "; ".join(missing[:15])
    assert not missing, (
        f"{len(missing)} strings not in the catalogue (run `make messages`): {shown}"
    )


@pytest.mark.django_db
def test_admin_pickers_speak_nynorsk(client):
    from tests.conftest import log_in
    from tests.factories import UserFactory

    log_in(client, UserFactory(is_superuser=True, admin_language="nn"))
    script = client.get("/admin/jsi18n/").content.decode()
    assert "Vel alle %s" in script
    assert '"insert link": "set inn lenkje"' in script


@pytest.mark.parametrize("language", ("nn", "nb"))
def test_overrides_of_djangos_catalogues_are_complete_and_name_real_messages(language):
    """locale/overrides/ may only correct or complete messages that Django or its apps use."""
    import django
    import django_countries
    import polib

    from norec_site.catalogues import override_path

    po = polib.pofile(str(override_path(language)))
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    known = set()
    for package in (django, django_countries):
        for path in Path(package.__file__).parent.rglob("locale/en/LC_MESSAGES/django.po"):
            known |= {entry.msgid for entry in polib.pofile(str(path))}
    from django_countries.data import COUNTRIES

    known |= {str(name) for name in COUNTRIES.values()}
    assert sorted({entry.msgid for entry in po} - known) == []
