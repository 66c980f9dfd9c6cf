"""Request size: 413 from the Content-Length before anything reads the body."""

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler

from norec_site.limits import MEGABYTE, form_limit
from reports.models import Report

pytestmark = pytest.mark.django_db


class WatchedInput(io.BytesIO):
    """The request body, remembering how much of it the site read."""

    read_bytes = 0

    def read(self, size=-1):
        data = super().read(size)
        self.read_bytes += len(data)
        return data

    def readline(self, size=-1):
        data = super().readline(size)
        self.read_bytes += len(data)
        return data


def call_site(path, body=b"", *, length=None, chunked=False, language="nn"):
    """Send one request through the whole WSGI stack; returns (status, headers, body, input)."""
    stream = WatchedInput(body)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "HTTP_ACCEPT_LANGUAGE": language,
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "wsgi.input": stream,
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
    }
    if length is not None:
        environ["CONTENT_LENGTH"] = str(length)
    if chunked:
        environ["HTTP_TRANSFER_ENCODING"] = "chunked"
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = int(status.split()[0]), dict(headers)

    content = b"".join(WSGIHandler()(environ, start_response))
    return answer["status"], answer["headers"], content.decode(), stream


def test_a_huge_declared_body_is_refused_before_csrf_and_never_read():
    status, headers, html, stream = call_site("/admin/login/", b"x" * 1000, length=512 * MEGABYTE)
    assert status == 413  # not 403: the CSRF check never ran
    assert stream.read_bytes == 0
    assert headers["Connection"] == "close"
    assert "Det du sende er for stort" in html


def test_the_limit_is_20_mb_elsewhere():
    assert call_site("/nn/", length=20 * MEGABYTE + 1)[0] == 413
    assert call_site("/nn/", b"a=1", length=3)[0] != 413


def test_the_report_form_allows_one_pdf_per_language(settings):
    settings.NOREC_REPORT_MAX_BYTES = 10 * MEGABYTE
    limit = form_limit(Report)
    assert limit == 3 * 10 * MEGABYTE + MEGABYTE
    for path in ("/admin/reports/report/add/", "/admin/reports/report/7/change/"):
        assert call_site(path, b"a=1", length=limit)[0] != 413
        assert call_site(path, length=limit + 1)[0] == 413
    assert call_site("/admin/news/article/add/", length=limit)[0] == 413


def test_a_chunked_body_is_cut_at_the_same_limit(settings):
    settings.NOREC_REQUEST_MAX_BYTES = 1000
    status, _headers, html, stream = call_site("/admin/login/", b"x" * 5000, chunked=True)
    assert status == 413
    assert stream.read_bytes <= 1001
    # A small chunked body is read and reaches the site (here: the CSRF check).
    assert call_site("/admin/login/", b"username=a", chunked=True)[0] == 403


def test_the_413_page_speaks_the_visitors_language():
    html = call_site("/admin/login/", length=100 * MEGABYTE, language="en")[2]
    assert "What you sent is too large: at most 20.0\xa0MB at a time." in html
