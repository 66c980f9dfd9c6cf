"""The menus, footer and home introduction kept per process, language and content
version (page_cache.fragment): every change shows on the next request, nothing from a
transaction that has not committed, a preview or an editor's draft is ever kept.

These tests commit for real (transactional_db): the content version's raise waits
for the commit, as it does on the site."""

import datetime

import pytest
import time_machine
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from norec_site.drafts import change_into_draft
from norec_site.groups import COMMUNICATIONS
from norec_site.models import MenuItem, SiteSettings, Status
from tests.factories import SitePageFactory, UserFactory

# serialized_rollback keeps the goals, groups and settings that migrations made.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("page_cache_off_and_on"),
]


def home(client, language="nn"):
    with translation_of(language):
        url = reverse("home")
    return client.get(url).content.decode()


def translation_of(language):
    from django.utils import translation

    return translation.override(language)


def footer_page(title="Om oss i Norec", language="nn", **fields):
    page = SitePageFactory(**{f"title_{language}": title}, **fields)
    MenuItem.objects.create(menu=MenuItem.Menu.FOOTER, language=language, page=page)
    return page


def test_site_settings_heading_shows_on_the_next_request():
    from django.test import Client

    client = Client()
    settings_row = SiteSettings.load()
    settings_row.home_heading_nn = "Første overskrift"
    settings_row.save()
    assert "Første overskrift" in home(client)
    settings_row.home_heading_nn = "Andre overskrift"
    settings_row.save()
    assert "Andre overskrift" in home(client)
    assert "Første overskrift" not in home(client)


def test_menu_links_removed_and_reordered_show_on_the_next_request(client):
    first = footer_page("Fyrste lenkje")
    second = footer_page("Andre lenkje")
    content = home(client)
    assert content.index("Fyrste lenkje") < content.index("Andre lenkje")
    MenuItem.objects.filter(page=first).get().delete()
    MenuItem.objects.create(menu=MenuItem.Menu.FOOTER, language="nn", page=first, position=9)
    content = home(client)
    assert content.index("Andre lenkje") < content.index("Fyrste lenkje")
    MenuItem.objects.filter(page=second).delete()
    assert "Andre lenkje" not in home(client)


def test_a_renamed_or_unpublished_site_page_leaves_the_menu_at_once(client):
    page = footer_page("Gammalt namn")
    assert "Gammalt namn" in home(client)
    page.title_nn = "Nytt namn"
    page.save()
    assert "Nytt namn" in home(client)
    page.status = Status.DRAFT
    page.save()
    assert "Nytt namn" not in home(client)


def test_a_site_page_leaves_the_menu_at_its_unpublish_time(client):
    footer_page("Går ut", unpublish_at=timezone.now() + datetime.timedelta(minutes=10))
    assert "Går ut" in home(client)
    assert "Går ut" in home(client)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11), tick=False):
        assert "Går ut" not in home(client)


def test_a_site_page_joins_the_menu_at_its_publish_time(client):
    footer_page("Kjem seinare", published_at=timezone.now() + datetime.timedelta(minutes=10))
    assert "Kjem seinare" not in home(client)
    assert "Kjem seinare" not in home(client)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11), tick=False):
        assert "Kjem seinare" in home(client)


def test_a_deleted_site_page_and_a_new_statement_page_show_at_once(client):
    page = footer_page("Vert sletta")
    statement = SitePageFactory(title_nn="Erklæringa")
    assert "Vert sletta" in home(client)
    settings_row = SiteSettings.load()
    settings_row.accessibility_page = statement
    settings_row.save()
    page.delete()
    content = home(client)
    assert "Vert sletta" not in content
    assert f'href="{statement.get_absolute_url("nn")}"' in content


def test_a_rolled_back_change_is_never_kept(client, page_cache_off_and_on):
    footer_page("Før")
    assert "Før" in home(client)
    with pytest.raises(RuntimeError), transaction.atomic():
        footer_page("Rulla attende")
        if not page_cache_off_and_on:  # (a cached page is the committed version's)
            assert "Rulla attende" in home(client)
        raise RuntimeError
    assert "Rulla attende" not in home(client)


def test_a_preview_of_a_site_pages_draft_never_reaches_anonymous_visitors(client):
    from django.test import Client

    page = footer_page("Live tittel")
    editor = UserFactory(groups=[COMMUNICATIONS], is_superuser=True)

    def rename(obj):
        obj.title_nn = "Utkasttittel"
        obj.save()

    change_into_draft(page, editor, rename)
    assert "Live tittel" in home(client)
    staff = Client()
    from tests.conftest import log_in

    log_in(staff, editor)
    preview = staff.get(page.get_absolute_url("nn")).content.decode()
    assert "Utkasttittel" in preview
    assert "Utkasttittel" not in home(client)
    assert "Utkasttittel" not in home(Client())
    # and the staff member's own next public page shows the live menu
    assert "Utkasttittel" not in staff.get(reverse("news:index")).content.decode()


def test_each_language_keeps_its_own_menus(client):
    footer_page("Berre nynorsk", language="nn")
    footer_page("Only English", language="en")
    assert "Berre nynorsk" in home(client, "nn") and "Only English" not in home(client, "nn")
    assert "Only English" in home(client, "en") and "Berre nynorsk" not in home(client, "en")


def test_without_a_settings_row_the_chrome_costs_no_extra_query(client):
    SiteSettings.objects.all().delete()
    home(client)
    with CaptureQueriesContext(connection) as queries:
        home(client)
    # Kept for the version like any row: not read again on every page.
    assert [q for q in queries if "norec_site_sitesettings" in q["sql"]] == []


def test_the_home_heading_of_one_language_never_shows_in_another(client):
    settings_row = SiteSettings.load()
    settings_row.home_heading_nn = "Overskrift på nynorsk"
    settings_row.home_text_en = "An English introduction."
    settings_row.save()
    for language in ("en", "nn", "nb", "en"):
        content = home(client, language)
        assert ("Overskrift på nynorsk" in content) == (language == "nn"), language
        assert ("An English introduction." in content) == (language == "en"), language
