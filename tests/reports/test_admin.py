"""The report admin, as a member of Report administrators uses it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from norec_site.groups import REPORT_ADMINISTRATORS
from reports.models import Report, ReportFile
from tests.factories import PersonFactory, UserFactory

from .factories import ReportFactory, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(client):
    user = UserFactory(groups=[REPORT_ADMINISTRATORS])
    client.force_login(user)
    return user


def form_data(**overrides):
    data = {
        "title_nn": "Sør-sør-samarbeid i praksis",
        "title_nb": "",
        "title_en": "South-South Cooperation in Action",
        "summary_nn": "<p>Samandrag.</p>",
        "summary_en": "<p>Summary.</p>",
        "publication_date": "2019-03-20",
        "status": "published",
        "published_at_0": "",
        "published_at_1": "",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-0-language": "en",
        "author_links-TOTAL_FORMS": "0",
        "author_links-INITIAL_FORMS": "0",
        "publisher_links-TOTAL_FORMS": "0",
        "publisher_links-INITIAL_FORMS": "0",
        "_save": "Save",
    }
    data.update(overrides)
    return data


def test_report_administrators_may_edit_and_publish_reports_and_files():
    codenames = set(
        Group.objects.get(name=REPORT_ADMINISTRATORS).permissions.values_list(
            "codename", flat=True
        )
    )
    assert {
        "add_report",
        "change_report",
        "delete_report",
        "view_report",
        "publish_report",
    } <= codenames
    assert {"add_reportfile", "change_reportfile", "delete_reportfile"} <= codenames
    assert {
        "add_reportseries",
        "change_reportseries",
        "view_person",
        "view_organisation",
    } <= codenames


def test_administrator_uploads_a_pdf_and_the_public_sees_the_report(
    client, administrator, settings
):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # as for a large PDF: a temporary file
    upload = pdf_upload("South-South Cooperation in Action", pages=7, name="Final v3.pdf")

    response = client.post(
        reverse("admin:reports_report_add"), form_data(**{"files-0-upload": upload})
    )

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    report = Report.objects.get()
    report_file = report.files.get()
    assert report_file.pages == 7
    assert report_file.filename == "south-south-cooperation-in-action-en.pdf"
    assert report.cover is not None
    assert report.updated_by == administrator
    client.logout()
    page = client.get(report.get_absolute_url("en"))
    assert page.status_code == 200
    assert "7 pages" in page.content.decode()
    assert client.get(report_file.get_absolute_url()).status_code == 200


def test_refused_pdf_shows_as_a_form_error_in_the_editors_language(client, administrator):
    upload = pdf_upload(user_password="secret")
    response = client.post(
        reverse("admin:reports_report_add"), form_data(**{"files-0-upload": upload})
    )

    assert response.status_code == 200
    assert "Lagre ein kopi utan vern" in response.content.decode()
    assert not Report.objects.exists()


def test_new_file_row_without_a_pdf_asks_for_one(client, administrator):
    response = client.post(reverse("admin:reports_report_add"), form_data())
    assert response.status_code == 200
    assert "Vel PDF-fila for dette språket." in response.content.decode()


def test_replacing_a_file_in_the_admin_keeps_one_row(client, administrator):
    report = ReportFactory(files=["en"])
    old = report.files.get()
    data = form_data(
        title_nn=report.title_nn,
        title_en=report.title_en,
        expected_version=str(report.version),
        **{
            "files-INITIAL_FORMS": "1",
            "files-0-id": str(old.pk),
            "files-0-report": str(report.pk),
            "files-0-upload": pdf_upload("Second edition"),
        },
    )
    data["_publish"] = "1"  # published: plain Save would make a draft
    response = client.post(reverse("admin:reports_report_change", args=[report.pk]), data)

    assert response.status_code == 302
    new = ReportFile.objects.get()
    assert new.pk == old.pk and new.sha256 != old.sha256


def test_changelist_shows_download_counts(client, administrator):
    report = ReportFactory(title_nn="Mykje lesen", files=["en", "es"])
    ReportFile.objects.filter(report=report).update(downloads=21)

    response = client.get(reverse("admin:reports_report_changelist"))

    assert "Mykje lesen" in response.content.decode()
    assert '<td class="field-downloads">42</td>' in response.content.decode()


def test_deleting_a_linked_report_is_refused_with_the_links(client, administrator):
    from tests.news.factories import ArticleFactory
    from tests.projects.factories import ProjectFactory

    report = ReportFactory()
    ArticleFactory(title_nn="Nyhende som lenkjer").related_reports.add(report)
    ProjectFactory(languages=("nn",), title_nn="Prosjekt som lenkjer").related_reports.add(report)
    url = reverse("admin:reports_report_delete", args=[report.pk])

    page = client.get(url).content.decode()
    client.post(url, {"post": "yes"})

    assert "Nyhende som lenkjer" in page and "Prosjekt som lenkjer" in page
    assert "Anna innhald lenkjer til denne rapporten" in page
    assert Report.objects.filter(pk=report.pk).exists()


def test_unlinked_report_can_be_deleted(client, administrator):
    report = ReportFactory(authors=[PersonFactory()])
    client.post(reverse("admin:reports_report_delete", args=[report.pk]), {"post": "yes"})
    assert not Report.objects.exists()


def test_change_form_loads_the_upload_progress_script(client, administrator):
    response = client.get(reverse("admin:reports_report_add"))
    page = response.content.decode()
    assert "js/reports-upload-progress.js" in page
    assert 'id="reports-upload-labels"' in page
