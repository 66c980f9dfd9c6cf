"""Every page type under the production settings (gunicorn), and every security header.

These are the headers the MDN HTTP Observatory scores (see the README for the points).
"""

import pytest
from django.db import connection
from django.utils import translation

from norec_site.models import SustainableDevelopmentGoal
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory
from tests.servers import collectstatic, database_url, gunicorn, production_env

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COMMON = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
PUBLIC_POLICY = (
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
)


@pytest.fixture
def site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.NOREC_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    env = production_env(database_url(connection), tmp_path)
    collectstatic(env)
    with gunicorn(env, tmp_path) as get:
        yield get


def test_every_page_type_carries_every_header(site):
    report = ReportFactory(files=["en"])
    report.sdgs.add(*SustainableDevelopmentGoal.objects.filter(number__in=[5]))
    project = ProjectFactory(sdgs=[17])
    with translation.override("nn"):
        article = ArticleFactory()
        pages = {
            "/nn/": "text/html",
            "/nn/nyhende/": "text/html",
            article.get_absolute_url(): "text/html",
            "/nn/nyhende/rss.xml": "application/rss+xml",
            "/nn/rapportar/": "text/html",
            report.get_absolute_url(): "text/html",
            report.files.get().get_absolute_url(): "application/pdf",
            project.get_absolute_url(): "text/html",
            "/en/projects/projects.csv": "text/csv",
            "/en/projects/projects.json": "application/json",
            "/en/projects/iati-activities.xml": "application/xml",
            "/nn/sok/?q=utveksling": "text/html",
            "/sitemap.xml": "application/xml",
            "/robots.txt": "text/plain",
            "/healthz": "application/json",
            "/static/css/site.css": "text/css",
            "/nn/finst-ikkje/": "text/html",
            "/admin/login/": "text/html",
        }
    for path, content_type in pages.items():
        response = site(path)
        assert response.status in (200, 404), (path, response.status, response.text[:300])
        assert response.getheader("Content-Type", "").startswith(content_type), path
        for name, value in COMMON.items():
            if name == "X-Frame-Options" and path.startswith("/static/"):
                continue  # whitenoise answers before that middleware; frame-ancestors holds
            assert response.getheader(name) == value, (path, name, response.getheader(name))
        permissions = response.getheader("Permissions-Policy", "")
        assert "camera=()" in permissions and "geolocation=()" in permissions, path
        policy = response.getheader("Content-Security-Policy", "")
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, path
        for directive in PUBLIC_POLICY:
            if path.startswith("/admin/") and directive.split()[0] in ("script-src", "style-src"):
                assert f"{directive} 'nonce-" in policy, path
            else:
                assert directive in policy, (path, directive, policy)

    pdf = site(report.files.get().get_absolute_url())
    assert pdf.getheader("Content-Disposition").startswith("inline; filename=")
    csv = site("/en/projects/projects.csv")
    assert csv.getheader("Content-Disposition").startswith("attachment;")
    cookie = site("/admin/login/").getheader("Set-Cookie", "")
    assert "csrftoken=" in cookie and "Secure" in cookie and "SameSite=Lax" in cookie


def test_plain_http_is_sent_to_https(site):
    response = site("/nn/", **{"X-Forwarded-Proto": "http"})
    assert response.status == 301
    assert response.getheader("Location") == "https://norec.example/nn/"
