import os
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connections
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD, UserFactory
from tests.seaweedfs import object_storage, seaweedfs  # noqa: F401 (fixtures)

SESSION_MEDIA = pytest.StashKey[Path]()


def pytest_configure(config):
    """Media folders of this test session, for what runs outside a test; removed at its end.

    The environment carries them to servers and commands that the tests start.
    """
    folder = Path(tempfile.mkdtemp(prefix="norec-tests-"))
    config.stash[SESSION_MEDIA] = folder
    for name, subfolder in (("MEDIA_ROOT", "media"), ("NOREC_PRIVATE_MEDIA_ROOT", "private")):
        os.environ[name] = str(folder / subfolder)
        setattr(django_settings, name, folder / subfolder)


def pytest_unconfigure(config):
    if SESSION_MEDIA in config.stash:
        shutil.rmtree(config.stash[SESSION_MEDIA], ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    """A transactional test must restore the rows that migrations made (serialized_rollback).

    Its flush would otherwise re-create the content types, and every later test that
    restores them fails at setup with a duplicate key."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: mark it django_db(transaction=True, serialized_rollback=True)"
            )


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes its files to its own folder, so tests can look at the disk."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    """Report PDFs go to each test's own private folder, apart from MEDIA_ROOT."""
    settings.NOREC_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.NOREC_PRIVATE_MEDIA_ROOT


@pytest.fixture(autouse=True)
def factory_times_stay_past():
    """Each test counts the factories' sequences from 0: their publishing times step one
    minute a number from a day or three ago, and a whole suite's count would reach the
    future (scheduled, so not public)."""
    from tests.news.factories import ArticleFactory
    from tests.reports.factories import ReportFactory

    ArticleFactory.reset_sequence()
    ReportFactory.reset_sequence()


@pytest.fixture(autouse=True)
def no_kept_fragments():
    """No test sees the menus another kept: each test's transaction is rolled back with
    the content version, so the next test counts up to the same numbers again."""
    from norec_site import page_cache

    page_cache.forget_fragments()


@pytest.fixture(params=[0, 300], ids=["cache-off", "cache-on"])
def page_cache_off_and_on(request, settings):
    """Runs a test with the page cache off, then on, each time with nothing cached or
    kept, and with the site settings' row in place."""
    from norec_site import page_cache
    from norec_site.models import SiteSettings

    settings.PAGE_CACHE_SECONDS = request.param
    page_cache.page_cache().clear()
    page_cache.forget_fragments()
    SiteSettings.load()  # the migration's row, or a fresh one
    yield request.param
    page_cache.page_cache().clear()
    page_cache.forget_fragments()


@pytest.fixture(autouse=True)
def default_language():
    """Tests start in Nynorsk, as a visitor with no preference does."""
    with translation.override("nn"):
        yield


@pytest.fixture
def english():
    """For tests that read messages: the interface in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def stored_files(media_root):
    """The files under MEDIA_ROOT, as paths relative to it."""

    def list_files():
        return sorted(
            str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file()
        )

    return list_files


@pytest.fixture
def private_files(private_root):
    """The files under NOREC_PRIVATE_MEDIA_ROOT, as paths relative to it."""

    def list_files():
        return sorted(
            str(path.relative_to(private_root))
            for path in private_root.rglob("*")
            if path.is_file()
        )

    return list_files


def url_in(language, name, **kwargs):
    """The address of URL ``name`` in ``language``."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def chromium():
    """Debian's Chromium driven by Playwright (Playwright's own download is not used).

    One browser per test: Playwright keeps an event loop running in this thread while
    it is open, and Django's database setup for the next test must run outside it.
    """
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    # Playwright runs an event loop in this thread; the test's own ORM calls are synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
            # Connections the test opened while Playwright's loop ran belong to that
            # context: close them here, or they outlive the test database.
            connections.close_all()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, stopped before the test database is dropped."""
    return live_server


def new_tab(chromium, **options):
    """(context, tab) in Nynorsk; ``tab.csp_violations`` gathers what the policy refused."""
    context = chromium.new_context(locale="nn-NO", **options)
    tab = context.new_page()
    tab.csp_violations = []
    tab.on(
        "console",
        lambda message: (
            tab.csp_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return context, tab


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser tab; ``page.goto(live_server.url + path)``.

    Every browser test also checks that the Content-Security-Policy refused nothing:
    Chromium reports each refused script, style or frame on the console.
    """
    context, tab = new_tab(chromium)
    yield tab
    context.close()
    assert tab.csp_violations == [], "the page broke its Content-Security-Policy"


def log_in_tab(tab, live_server, user):
    """Logs ``user`` into the admin in ``tab`` through the log-in form; returns the tab."""
    tab.goto(f"{live_server.url}/admin/login/")
    tab.fill("#id_username", user.username)
    tab.fill("#id_password", PASSWORD)
    tab.click("input[type=submit]")
    tab.wait_for_url(f"{live_server.url}/admin/")
    return tab


@pytest.fixture
def log_in_as(live_server):
    """``log_in_as(page, group)``: a new staff user of that group, logged into the admin."""

    def log_in_member(page, group):
        log_in_tab(page, live_server, UserFactory(username="editor", groups=[group]))

    return log_in_member


def log_in(client, user):
    """``client.force_login(user)``, past the two-factor step that superusers must take."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    if user.is_superuser:
        device = TOTPDevice.objects.create(user=user, name="tests", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return user


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, past the two-factor step that superusers must take."""
    log_in(client, admin_user)
    return client
