"""Two gunicorn processes without Redis: each keeps its own cached pages in memory, and
an article published through the first shows at once on the second."""

import pytest
from django.db import connection
from django.urls import reverse

from norec_site.groups import COMMUNICATIONS
from tests.factories import PASSWORD, UserFactory
from tests.news.factories import ArticleFactory
from tests.norec_site.test_two_servers import Browser
from tests.servers import HOST, database_url, gunicorn, production_env

# serialized_rollback keeps the goals and groups that migrations made, for the tests after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
# ASCII: the form helper reads the admin page without its charset.
TITLE = "Nyhende til kvar prosess"


def test_a_publish_through_one_process_shows_on_the_other_at_once(tmp_path, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    UserFactory(username="news-editor", groups=[COMMUNICATIONS])
    ArticleFactory(title_nn="Eit nyhende som alt er ute")
    draft = ArticleFactory(draft=True, title_nn=TITLE)
    environ = production_env(database_url(connection), tmp_path, PAGE_CACHE_SECONDS="300")
    # Plain HTTP, static files from the app folders; the editor's browser uses the address.
    environ.update(
        DJANGO_SETTINGS_MODULE="tests.norec_site.server_settings",
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
    )
    news = reverse("news:index")  # in Nynorsk, as every test starts
    with gunicorn(environ, tmp_path) as first, gunicorn(environ, tmp_path) as second:
        for server in (first, second):
            page = server(news)
            assert page.status == 200
            assert "Eit nyhende som alt er ute" in page.text
            assert TITLE not in page.text
            again = server(news, **{"If-None-Match": page.getheader("ETag")})
            assert again.status == 304  # kept by this process

        editor = Browser()
        base = f"http://127.0.0.1:{first.port}"
        status, _headers, body = editor.submit(
            f"{base}/admin/login/",
            "login-form",
            {"username": "news-editor", "password": PASSWORD},
            {},
        )
        assert status == 302, body[:2000]
        status, _headers, body = editor.submit(
            f"{base}/admin/news/article/{draft.pk}/change/",
            "article_form",
            {"status": "published", "_save": "Save"},
            {},
        )
        assert status == 302, body.decode()[-3000:]

        page = second(news)
        assert page.status == 200
        assert TITLE in page.text
