"""Error pages: friendly, in the visitor's language, without the host or the database."""

import logging

import pytest
from django.test import RequestFactory

from norec_site import errors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/nn/", "/healthz", "/admin/login/", "/en/reports/"])
def test_unknown_host_gets_the_friendly_400_and_one_warning(client, caplog, path):
    with caplog.at_level(logging.INFO):
        response = client.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vi forstod ikkje førespurnaden" in html or "understand that request" in html
    records = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(records) == 1, [r.getMessage() for r in records]
    assert records[0].levelno == logging.WARNING
    assert "evil.example" in records[0].getMessage()
    assert "Traceback" not in caplog.text


def test_unknown_host_page_speaks_the_address_language(client):
    html = client.get("/en/", HTTP_HOST="evil.example").content.decode()
    assert '<html lang="en">' in html
    assert "We could not understand that request" in html


@pytest.mark.parametrize(
    ("view", "status"),
    [
        (lambda r: errors.bad_request(r, None), 400),
        (lambda r: errors.page_not_found(r, None), 404),
        (errors.server_error, 500),
        (errors.service_unavailable, 503),
    ],
)
def test_error_pages_need_neither_host_nor_database(django_assert_num_queries, view, status):
    request = RequestFactory().get("/nb/noko/", HTTP_HOST="evil.example")
    with django_assert_num_queries(0):
        response = view(request)
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="nb">' in html
    assert "Norec" in html


def test_503_asks_to_come_back(client):
    response = errors.service_unavailable(RequestFactory().get("/en/"))
    assert response["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert "We cannot reach our database just now" in response.content.decode()
