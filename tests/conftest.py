import os
from pathlib import Path

import pytest
from django.db import connections
from django.utils import translation

from tests.seaweedfs import object_storage, seaweedfs  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes its files to its own folder, so tests can look at the disk."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


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


@pytest.fixture
def log_in_as(live_server):
    """``log_in_as(page, group)``: a new staff user of that group, logged into the admin."""
    from tests.factories import UserFactory

    def log_in(page, group):
        UserFactory(username="editor", groups=[group])
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "correct horse battery staple")
        page.click("input[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")

    return log_in


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, past the two-factor step that superusers must take."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=admin_user, name="tests", confirmed=True)
    client.force_login(admin_user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
