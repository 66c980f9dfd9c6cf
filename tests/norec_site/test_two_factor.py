"""Two-factor log-in: staff may turn it on, superusers must; the code is asked at log-in."""

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def code_for(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def unthrottle(device):
    """django-otp waits longer after each wrong code; a test need not."""
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.last_t = -1
    device.save()


def submit_log_in(client, username, token=""):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": PASSWORD, "otp_token": token},
    )


def test_staff_without_an_authenticator_log_in_with_the_password(client):
    UserFactory(username="editor")
    assert submit_log_in(client, "editor").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_turn_it_on_and_then_the_code_is_asked(client):
    UserFactory(username="editor")
    submit_log_in(client, "editor")
    page = client.get("/admin/two-factor/")
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user__username="editor", confirmed=False)
    wrong = client.post("/admin/two-factor/", {"otp_token": "000000"})
    assert "Koden er feil eller gått ut" in wrong.content.decode()
    unthrottle(device)
    confirmed = client.post("/admin/two-factor/", {"otp_token": code_for(device)})
    assert confirmed.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    client.logout()

    missing = submit_log_in(client, "editor")
    assert missing.status_code == 200
    assert "Skriv inn den sekssifra koden" in missing.content.decode()
    assert submit_log_in(client, "editor", "123").status_code == 200
    unthrottle(device)
    assert submit_log_in(client, "editor", code_for(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_superusers_must_set_it_up_before_anything_else(client):
    UserFactory(username="boss", is_superuser=True)
    assert submit_log_in(client, "boss").status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/"
    assert client.get("/admin/news/article/").status_code == 302
    page = client.get("/admin/two-factor/").content.decode()
    assert "Administratorar med alle rettar må logge inn med ein andre faktor" in page
    device = TOTPDevice.objects.get(user__username="boss")
    client.post("/admin/two-factor/", {"otp_token": code_for(device)})
    assert client.get("/admin/news/article/").status_code == 200


def test_the_log_in_page_has_the_code_field(client):
    html = client.get("/admin/login/").content.decode()
    assert re.search(r'name="otp_token"[^>]*autocomplete="one-time-code"', html)


def test_public_pages_never_read_the_session_for_the_two_factor_rule(client):
    """Reading the user outside the admin would make every public page vary on the cookie."""
    response = client.get("/nn/")
    assert response.status_code == 200
    assert "cookie" not in response.get("Vary", "").lower()


def test_the_key_to_type_by_hand_is_the_base32_that_authenticator_apps_take(client):
    import base64

    UserFactory(username="editor")
    submit_log_in(client, "editor")
    page = client.get("/admin/two-factor/").content.decode()
    key = re.search(r"<code>([A-Z2-7]+)</code>", page).group(1)
    device = TOTPDevice.objects.get(user__username="editor", confirmed=False)
    assert base64.b32decode(key + "=" * (-len(key) % 8)) == device.bin_key
    assert f"secret={key}" in device.config_url
