"""The anonymous page cache: what it serves, what it never keeps, and that every change
of content, and every scheduled time, shows on the next anonymous request."""

import datetime
import sys
import threading
from contextlib import contextmanager

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from norec_site import page_cache
from norec_site.models import ContentVersion, EditingPresence, MenuItem, Status
from reports.models import DownloadSeen
from tests.conftest import log_in
from tests.factories import SitePageFactory, TopicFactory, UserFactory
from tests.news.factories import ArticleFactory
from tests.norec_site import page_cache_urls
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.ROOT_URLCONF = "tests.norec_site.page_cache_urls"
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@contextmanager
def committed():
    """As if the test's transaction committed here: the content version's bump, which
    waits for the commit, runs (once, for every write since the last one)."""
    yield
    for _sids, func, _robust in connection.run_on_commit:
        if isinstance(func, page_cache._PendingBump) and not func.done:
            func()


@pytest.fixture
def commit():
    return committed


def news_list():
    return reverse("news:index")


def queries_of(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def test_second_anonymous_request_comes_from_the_cache(client):
    ArticleFactory(title_nn="Kjeldevatn i Kampala")
    first, _count = queries_of(client, news_list())
    second, count = queries_of(client, news_list())
    assert second.status_code == 200
    assert second.content == first.content
    assert count == 1  # the content version, nothing else


def test_pages_must_be_revalidated_and_do_not_vary_on_the_cookie(client):
    article = ArticleFactory()
    for url in (news_list(), article.get_absolute_url(), reverse("home")):
        response = client.get(url)
        assert response["Cache-Control"] == "no-cache"
        assert response["ETag"].startswith('"')
        assert "Cookie" not in response.get("Vary", "")
        assert "Cookie" not in client.get(url).get("Vary", "")  # the cached copy too


def test_a_repeat_request_with_the_validator_gets_304(client, commit):
    ArticleFactory()
    etag = client.get(news_list())["ETag"]
    response = client.get(news_list(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    with commit():
        ArticleFactory(title_nn="Nytt etter førre vitjing")
    changed = client.get(news_list(), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "Nytt etter førre vitjing" in changed.content.decode()


def test_head_is_answered_from_the_page_that_get_cached(client):
    client.get(news_list())
    response, count = queries_of(client, news_list(), REQUEST_METHOD="HEAD")
    assert response.status_code == 200
    assert count == 1


def test_search_results_are_cached_under_a_key_of_bounded_size(client, rf):
    ArticleFactory(title_nn="Solenergi i Malawi")
    url = reverse("search")
    query = {"q": "solenergi " + "x" * 1500}
    client.get(url, query)
    _response, count = queries_of(client, url + "?" + "q=solenergi+" + "x" * 1500)
    assert count == 1
    request = rf.get(url, query)
    assert len(page_cache.cache_key(request, 123)) < 120


def test_staff_never_get_or_fill_the_cache_and_previews_stay_private(client):
    draft = ArticleFactory(draft=True, title_nn="Utkast som berre redaktørar ser")
    editor = UserFactory(is_staff=True, is_superuser=True)
    staff = client.__class__()
    log_in(staff, editor)
    preview = staff.get(draft.get_absolute_url())
    assert preview.status_code == 200
    assert "private" in preview["Cache-Control"]
    assert client.get(draft.get_absolute_url()).status_code == 404

    client.get(news_list())  # cached for visitors
    _response, count = queries_of(staff, news_list())
    assert count > 1  # rendered for the editor, not taken from the cache


def test_posts_are_never_answered_from_the_cache(client):
    client.get("/nn/test-counted/")
    first = client.post("/nn/test-counted/")
    second = client.post("/nn/test-counted/")
    assert first.content != second.content


@pytest.mark.parametrize(
    "path", ["/nn/test-cookie/", "/nn/test-message/", "/nn/test-csrf/"], ids=str
)
def test_responses_that_set_a_cookie_carry_messages_or_a_csrf_form_are_not_kept(client, path):
    assert client.get(path).status_code == 200
    assert caches["pages"].get(stored_key(path)) is None


def test_a_plain_page_is_kept(client):
    assert client.get("/nn/test-counted/").content == client.get("/nn/test-counted/").content
    assert caches["pages"].get(stored_key("/nn/test-counted/")) is not None


def stored_key(path):
    return page_cache.cache_key(_request_for(path), _version())


def _request_for(path):
    from django.test import RequestFactory

    return RequestFactory().get(path)


def _version():
    return ContentVersion.objects.get(pk=1).version


def test_a_visitor_with_a_messages_cookie_is_not_served_from_the_cache(client):
    ArticleFactory()  # a rendered list reads its page; a cached one does not
    client.get(news_list())
    client.cookies["messages"] = "something"
    _response, count = queries_of(client, news_list())
    assert count > 1


def test_publishing_a_new_item_shows_at_once_and_a_draft_does_not(client, commit):
    assert "Straum til skulane" not in client.get(news_list()).content.decode()
    with commit():
        draft = ArticleFactory(draft=True, title_nn="Straum til skulane")
    assert "Straum til skulane" not in client.get(news_list()).content.decode()
    with commit():
        draft.status = Status.PUBLISHED
        draft.save()
    assert "Straum til skulane" in client.get(news_list()).content.decode()


def test_a_change_to_a_live_item_shows_on_its_page_and_the_list(client, commit):
    article = ArticleFactory(title_nn="Gammal tittel")
    url = article.get_absolute_url()
    assert "Gammal tittel" in client.get(url).content.decode()
    with commit():
        article.lead_nn = "Ei ny ingress som lesarane skal sjå."
        article.save()
    assert "Ei ny ingress som lesarane skal sjå." in client.get(url).content.decode()


def test_unpublishing_and_deleting_take_the_item_off_cached_pages(client, commit):
    leaving = ArticleFactory(title_nn="Snart avpublisert")
    deleted = ReportFactory(title_nn="Snart sletta rapport")
    page = leaving.get_absolute_url()
    assert client.get(page).status_code == 200
    assert "Snart avpublisert" in client.get(news_list()).content.decode()
    assert "Snart sletta rapport" in client.get(reverse("reports:index")).content.decode()
    with commit():
        leaving.status = Status.DRAFT
        leaving.save()
    with commit():
        deleted.delete()
    assert client.get(page).status_code == 404
    assert "Snart avpublisert" not in client.get(news_list()).content.decode()
    assert "Snart sletta rapport" not in client.get(reverse("reports:index")).content.decode()


def test_a_vocabulary_change_shows_on_cached_pages(client, commit):
    topic = TopicFactory(name_nn="Vatn")
    ArticleFactory(topics=[topic])
    assert "Vatn" in client.get(news_list()).content.decode()
    with commit():
        topic.name_nn = "Vatn og sanitær"
        topic.save()
    assert "Vatn og sanitær" in client.get(news_list()).content.decode()


def test_linking_a_topic_to_an_item_shows_on_cached_pages(client, commit):
    topic = TopicFactory(name_nn="Fiskeri")
    article = ArticleFactory()
    assert "Fiskeri" not in client.get(news_list()).content.decode()
    with commit():
        article.topics.add(topic)
    assert "Fiskeri" in client.get(news_list()).content.decode()


def test_site_page_and_menu_changes_show_on_cached_pages(client, commit):
    home = reverse("home")
    assert "Om oss i Norec" not in client.get(home).content.decode()
    with commit():
        page = SitePageFactory(title_nn="Om oss i Norec")
        MenuItem.objects.create(menu=MenuItem.Menu.FOOTER, language="nn", page=page)
    assert "Om oss i Norec" in client.get(home).content.decode()
    with commit():
        page.title_nn = "Kven er Norec"
        page.save()
    assert "Kven er Norec" in client.get(home).content.decode()


def menu_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        content = client.get(url).content.decode()
    return content, [q["sql"] for q in queries if "norec_site_menuitem" in q["sql"]]


def test_menus_are_read_once_per_content_version_with_the_page_cache_off(client, commit, settings):
    settings.PAGE_CACHE_SECONDS = 0
    with commit():
        page = SitePageFactory(title_nn="Om oss i Norec")
        MenuItem.objects.create(menu=MenuItem.Menu.FOOTER, language="nn", page=page)
    first, read = menu_queries(client, reverse("home"))
    assert "Om oss i Norec" in first and len(read) <= 1
    again, read = menu_queries(client, news_list())
    assert "Om oss i Norec" in again and read == []  # kept for this version
    with commit():
        page.title_nn = "Kven er Norec"
        page.save()
    changed, read = menu_queries(client, news_list())
    assert "Kven er Norec" in changed and len(read) == 1


def test_menus_are_never_kept_from_a_transaction_whose_change_waits_for_its_commit(
    client, commit, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    with commit():
        page = SitePageFactory(title_nn="Om oss i Norec")
        MenuItem.objects.create(menu=MenuItem.Menu.FOOTER, language="nn", page=page)
    client.get(reverse("home"))
    page.title_nn = "Ikkje sendt enno"
    page.save()  # no commit: no version shows it yet
    content, read = menu_queries(client, reverse("home"))
    assert "Ikkje sendt enno" in content and len(read) == 1
    content, read = menu_queries(client, reverse("home"))
    assert "Ikkje sendt enno" in content and len(read) == 1  # read again, never kept


def test_a_scheduled_menu_page_appears_at_its_time_with_the_page_cache_off(
    client, commit, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    with commit():
        page = SitePageFactory(
            title_nn="Kjem seinare", published_at=timezone.now() + datetime.timedelta(minutes=10)
        )
        MenuItem.objects.create(menu=MenuItem.Menu.FOOTER, language="nn", page=page)
    assert "Kjem seinare" not in client.get(reverse("home")).content.decode()
    assert "Kjem seinare" not in client.get(reverse("home")).content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11), tick=False):
        assert "Kjem seinare" in client.get(reverse("home")).content.decode()


def test_a_scheduled_article_appears_at_its_time_though_the_list_was_cached(client, commit):
    with commit():
        ArticleFactory(
            title_nn="Planlagt nyhende",
            published_at=timezone.now() + datetime.timedelta(minutes=10),
        )
    assert "Planlagt nyhende" not in client.get(news_list()).content.decode()
    assert "Planlagt nyhende" not in client.get(news_list()).content.decode()  # from the cache
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11), tick=False):
        assert "Planlagt nyhende" in client.get(news_list()).content.decode()


def test_an_unpublish_time_takes_the_article_off_at_its_time(client, commit):
    with commit():
        ArticleFactory(
            title_nn="Går av seg sjølv",
            unpublish_at=timezone.now() + datetime.timedelta(minutes=5),
        )
    assert "Går av seg sjølv" in client.get(news_list()).content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6), tick=False):
        assert "Går av seg sjølv" not in client.get(news_list()).content.decode()


def test_a_cached_page_never_outlives_the_next_scheduled_change(client, commit):
    with commit():
        ArticleFactory(published_at=timezone.now() + datetime.timedelta(seconds=30))
    version, next_change_at = page_cache.read_version()
    assert next_change_at is not None
    assert 0 < (next_change_at - timezone.now()).total_seconds() <= 30


def test_editing_presence_and_download_counts_do_not_change_the_version(client, commit):
    user = UserFactory(is_staff=True)
    with commit():
        article = ArticleFactory()
        report = ReportFactory(files=["en"])
    before = page_cache.read_version()[0]
    with commit():
        now = timezone.now()
        EditingPresence.objects.create(
            user=user,
            content_type=ContentType.objects.get_for_model(Article),
            object_id=article.pk,
            opened_at=now,
            seen_at=now,
        )
        DownloadSeen.objects.create(file=report.files.get(), visitor="x" * 64, hour=now)
    assert page_cache.read_version()[0] == before


def test_clear_page_cache_empties_it(client):
    ArticleFactory()  # a rendered list reads its page; a cached one does not
    client.get(news_list())
    call_command("clear_page_cache", stdout=open("/dev/null", "w"))  # noqa: SIM115
    _response, count = queries_of(client, news_list())
    assert count > 1


def test_a_new_release_does_not_serve_the_pages_of_the_old_one(client, settings):
    ArticleFactory()  # a rendered list reads its page; a cached one does not
    client.get(news_list())
    settings.NOREC_RELEASE = "next-release"
    _response, count = queries_of(client, news_list())
    assert count > 1


def test_the_cache_is_off_with_zero_seconds(client, settings):
    ArticleFactory()  # a rendered list reads its page; a cached one does not
    settings.PAGE_CACHE_SECONDS = 0
    client.get(news_list())
    _response, count = queries_of(client, news_list())
    assert count > 1


def test_the_admin_and_health_check_are_never_cached(client):
    assert page_cache.bypassed(_request_for("/admin/"))
    assert page_cache.bypassed(_request_for("/healthz"))
    assert page_cache.bypassed(_request_for("/media/x.jpg"))
    assert not page_cache.bypassed(_request_for("/en/news/"))


def test_the_test_urls_sit_in_front_of_the_site_pages():
    assert page_cache_urls.urlpatterns[0].pattern.match("nn/test-cookie/")


def test_kept_fragments_stay_bounded_under_threads(monkeypatch, rf):
    """gunicorn --threads: threads keep new parts past the bound, read them and forget
    some at once; none may fail for another's eviction (a KeyError, or the dict changing
    size while it is read)."""
    monkeypatch.setattr(page_cache, "FRAGMENT_LIMIT", 4)
    page_cache.forget_fragments()
    failures = []

    def keep_many(thread):
        request = rf.get("/nn/")
        request.norec_content_version = 1  # as the page cache sets it: no query
        try:
            for number in range(300):
                key = ("threads", thread, number % 7)
                assert page_cache.fragment(request, key, lambda n=number: n) % 7 == number % 7
                if number % 50 == 0:
                    page_cache.forget_fragments("threads")
        except Exception as error:  # any failure is the finding
            failures.append(repr(error))

    threads = [threading.Thread(target=keep_many, args=(n,)) for n in range(8)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, as a busy server does
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
    assert len(page_cache._fragments[1]) <= 4
