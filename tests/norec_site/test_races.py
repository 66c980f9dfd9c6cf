"""Two editors at the same moment: the database's constraints decide, nobody gets a 500.

Each test holds one save open in a thread, makes the other wait on the same unique
index (seen in pg_locks), then lets the first commit.
"""

import threading
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections, transaction

from news.models import Article
from norec_site.groups import REPORT_ADMINISTRATORS
from reports.models import ReportFile
from reports.services import upload_report_file
from tests.factories import UserFactory
from tests.reports.factories import ReportFactory, pdf_upload
from tests.reports.test_admin import form_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def wait_until_someone_waits_on_a_lock(timeout=20):
    deadline = time.monotonic() + timeout
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                "WHERE NOT l.granted AND a.datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("nobody waited")


def in_open_transaction(work):
    """Run ``work`` in a thread's transaction; commits when ``release`` is set."""
    done, release, result = threading.Event(), threading.Event(), {}

    def run():
        try:
            with transaction.atomic():
                result["value"] = work()
                done.set()
                release.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    assert done.wait(30)
    return thread, release, result


def committed_later(thread, release):
    def commit():
        try:
            wait_until_someone_waits_on_a_lock()
        finally:
            release.set()
            connection.close()

    helper = threading.Thread(target=commit)
    helper.start()
    return helper


def test_two_articles_with_the_same_title_saved_at_once_get_two_slugs():
    def first():
        return Article.objects.create(title_nn="Same title", lead_nn="a", body_nn="<p>a</p>")

    thread, release, result = in_open_transaction(first)
    helper = committed_later(thread, release)
    second = Article.objects.create(title_nn="Same title", lead_nn="b", body_nn="<p>b</p>")
    thread.join()
    helper.join()
    assert {result["value"].slug_nn, second.slug_nn} == {"same-title", "same-title-2"}


def test_the_same_pdf_added_by_two_administrators_at_once_is_a_message(client):
    content = pdf_upload("One PDF, two editors").read()
    report = ReportFactory()

    def first():
        upload = SimpleUploadedFile("same.pdf", content)
        return upload_report_file(report=ReportFactory(), language="en", upload=upload)

    client.force_login(UserFactory(groups=[REPORT_ADMINISTRATORS]))
    thread, release, _result = in_open_transaction(first)
    helper = committed_later(thread, release)
    data = form_data(
        expected_version=report.version,
        **{"files-0-upload": SimpleUploadedFile("same.pdf", content)},
    )
    response = client.post(f"/admin/reports/report/{report.pk}/change/", data, follow=True)
    thread.join()
    helper.join()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nokon andre lagra det same i same augneblinken" in html
    assert ReportFile.objects.count() == 1
