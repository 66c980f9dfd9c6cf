"""Log-in throttling: account and address together, address alone; unlock in the admin."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def submit_log_in(client, username, password, address="10.0.0.1", **headers):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, username, times, address="10.0.0.1", **headers):
    """Wrong passwords; the fifth failure in a row is already answered with the lockout."""
    for number in range(1, times + 1):
        status = submit_log_in(client, username, "wrong", address, **headers).status_code
        assert status == (200 if number < 5 else 429)


@pytest.fixture
def editor():
    return UserFactory(username="editor")


def test_five_failures_lock_the_account_from_that_address_with_a_clear_message(client, editor):
    fail(client, "editor", 5)
    response = submit_log_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "For mange mislukka innloggingar. Vent 15 minutt" in html
    assert response["Retry-After"] == "900"
    assert AccessAttempt.objects.filter(username="editor", ip_address="10.0.0.1").exists()


def test_the_message_speaks_the_login_pages_language(client, editor):
    fail(client, "editor", 5, HTTP_ACCEPT_LANGUAGE="en")
    html = submit_log_in(client, "editor", PASSWORD, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Too many failed log-ins. Wait 15 minutes and try again" in html


def test_nobody_elsewhere_can_lock_an_editor_out(client, editor):
    fail(client, "editor", 6, address="203.0.113.66")
    assert submit_log_in(client, "editor", PASSWORD, address="10.0.0.1").status_code == 302


def test_one_address_trying_many_accounts_is_locked(client, editor):
    for number in range(5):
        submit_log_in(client, f"guess{number}", "wrong", address="203.0.113.7")
    assert submit_log_in(client, "editor", PASSWORD, address="203.0.113.7").status_code == 429


def test_the_lock_ends_after_the_cool_off(client, editor):
    fail(client, "editor", 5)
    assert submit_log_in(client, "editor", PASSWORD).status_code == 429
    with time_machine.travel(datetime.timedelta(minutes=16)):
        assert submit_log_in(client, "editor", PASSWORD).status_code == 302


def test_limit_and_cool_off_come_from_the_environment():
    import os
    import subprocess
    import sys

    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME.total_seconds())"
    )
    env = {**os.environ, "NOREC_LOGIN_FAILURE_LIMIT": "3", "NOREC_LOGIN_COOLOFF_MINUTES": "60"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[-2:] == ["3", "3600.0"]


def test_behind_one_proxy_the_client_is_the_address_the_proxy_saw(client, editor, settings):
    settings.NOREC_TRUSTED_PROXIES = 1
    # The client claims an address of its own; our proxy appends the one it saw.
    spoofed = {"HTTP_X_FORWARDED_FOR": "10.9.9.9, 198.51.100.4"}
    fail(client, "editor", 5, address="192.168.0.2", **spoofed)
    assert AccessAttempt.objects.get().ip_address == "198.51.100.4"
    other = {"HTTP_X_FORWARDED_FOR": "10.9.9.9, 198.51.100.5"}
    assert submit_log_in(client, "editor", PASSWORD, "192.168.0.2", **other).status_code == 302


def test_without_trusted_proxies_the_header_is_ignored(client, editor):
    fail(client, "editor", 1, address="192.168.0.2", HTTP_X_FORWARDED_FOR="198.51.100.4")
    assert AccessAttempt.objects.get().ip_address == "192.168.0.2"


def test_staff_unlock_an_account_in_the_admin(admin_client, editor):
    from django.test import Client

    visitor = Client()
    fail(visitor, "editor", 5)
    attempt = AccessAttempt.objects.get()
    url = f"/admin/axes/accessattempt/{attempt.pk}/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert submit_log_in(visitor, "editor", PASSWORD).status_code == 302
