"""The kept menus never pass from one test to the next.

Each test's transaction is rolled back, and the content version with it: the next
test counts up to the same numbers again, with other menus."""

import pytest
from django.db import connection
from django.urls import reverse

from norec_site import page_cache
from norec_site.models import MenuItem
from tests.factories import SitePageFactory

pytestmark = pytest.mark.django_db


def commit():
    """As the test's commit would: the content version's raise runs."""
    for _sids, func, _robust in connection.run_on_commit:
        if isinstance(func, page_cache._PendingBump) and not func.done:
            func()


@pytest.mark.parametrize("title", ["Meny i den fyrste testen", "Meny i den andre testen"])
def test_each_test_sees_its_own_menus(client, settings, title):
    settings.PAGE_CACHE_SECONDS = 0
    page = SitePageFactory(title_nn=title)
    MenuItem.objects.create(menu=MenuItem.Menu.FOOTER, language="nn", page=page)
    commit()
    assert title in client.get(reverse("home")).content.decode()
