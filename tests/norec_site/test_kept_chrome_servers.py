"""Two gunicorn processes, each keeping its menus and home introduction in memory: a
change written by a third (here, the test) shows on both at the next request, with
the page cache off and on."""

import pytest
from django.db import connection
from django.urls import reverse

from norec_site.models import MenuItem, SiteSettings
from tests.factories import SitePageFactory
from tests.servers import HOST, database_url, gunicorn, production_env

# serialized_rollback keeps the goals and groups that migrations made, for the tests after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("seconds", ["0", "300"])
def test_a_menu_and_settings_change_shows_in_every_process_at_once(tmp_path, seconds):
    row = SiteSettings.load()
    row.home_heading_nn = "Fyrste overskrift"
    row.save()
    page = SitePageFactory(title_nn="Lenkje i foten")
    item = MenuItem.objects.create(menu=MenuItem.Menu.FOOTER, language="nn", page=page)
    environ = production_env(database_url(connection), tmp_path, PAGE_CACHE_SECONDS=seconds)
    environ.update(
        DJANGO_SETTINGS_MODULE="tests.norec_site.server_settings",
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
    )
    home = reverse("home")
    with gunicorn(environ, tmp_path) as first, gunicorn(environ, tmp_path) as second:
        for server in (first, second):
            for _ in range(2):  # the second from what the process kept
                text = server(home).text
                assert "Fyrste overskrift" in text and "Lenkje i foten" in text
        row.home_heading_nn = "Andre overskrift"
        row.save()
        item.delete()
        for server in (first, second):
            text = server(home).text
            assert "Andre overskrift" in text and "Fyrste overskrift" not in text
            assert "Lenkje i foten" not in text
