"""The admin's shortcuts and pickers reveal nothing of drafts one may not see; junk is 400."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from norec_site.groups import COMMUNICATIONS, REPORT_ADMINISTRATORS
from reports.models import Report, ReportFile
from tests.factories import UserFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports():
    draft = ReportFactory(draft=True, title_en="Secret draft", title_nn="Hemmeleg utkast",
                          files=["en"])  # fmt: skip
    public = ReportFactory(title_en="Public report", title_nn="Open rapport", files=["en"])
    return draft, public


def shortcut(client, item):
    content_type = ContentType.objects.get_for_model(item)
    return client.get(f"/admin/r/{content_type.pk}/{item.pk}/")


def test_view_on_site_redirects_only_those_who_may_see_the_item(client, reports):
    draft, public = reports
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))  # may only view reports
    for item in (draft, draft.files.get(), public.files.get()):
        assert shortcut(client, item).status_code == 404
    assert shortcut(client, public).status_code == 302

    client.force_login(UserFactory(groups=[]))  # staff, no rights at all
    assert shortcut(client, public).status_code == 404

    viewer = UserFactory()
    viewer.user_permissions.add(Permission.objects.get(codename="view_report"))
    client.force_login(viewer)
    assert shortcut(client, draft).status_code == 404  # may view, may not preview drafts
    assert shortcut(client, public)["Location"] == public.get_absolute_url()

    client.force_login(UserFactory(groups=[REPORT_ADMINISTRATORS]))
    assert shortcut(client, draft)["Location"] == draft.get_absolute_url()
    draft_file = draft.files.get()
    assert shortcut(client, draft_file)["Location"] == draft_file.get_absolute_url()


def test_junk_ids_in_the_shortcut_are_404(client):
    client.force_login(UserFactory(groups=[REPORT_ADMINISTRATORS]))
    assert client.get("/admin/r/999999/1/").status_code == 404
    content_type = ContentType.objects.get_for_model(Report)
    assert client.get(f"/admin/r/{content_type.pk}/None/").status_code == 404


def test_image_pickers_leave_out_covers_of_drafts_for_those_who_may_not_preview(client, reports):
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))
    search = client.get(
        "/admin/autocomplete/",
        {"app_label": "news", "model_name": "article", "field_name": "image", "term": ""},
    ).json()
    labels = " ".join(result["text"] for result in search["results"])
    # An article's picture is never a report cover, published or not.
    assert "Open rapport" not in labels and "Hemmeleg" not in labels and "Secret" not in labels
    popup = client.get("/admin/norec_site/image/", {"_to_field": "id", "_popup": "1"})
    assert "Open rapport" in popup.content.decode()
    assert "Hemmeleg" not in popup.content.decode()

    client.force_login(UserFactory(groups=[REPORT_ADMINISTRATORS, COMMUNICATIONS]))
    popup = client.get("/admin/norec_site/image/", {"_to_field": "id", "_popup": "1"})
    assert "Hemmeleg utkast" in popup.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/reports/report/add/?cover=None",
        "/admin/reports/report/add/?series=abc",
        "/admin/reports/report/add/?topics=None,1",
        "/admin/norec_site/person/add/?organisation=None",
        "/admin/news/article/add/?image=1.5",
    ],
)
def test_junk_values_in_pickers_are_400(admin_client, url):
    assert admin_client.get(url).status_code == 400


def test_good_values_in_pickers_still_fill_the_form(admin_client, reports):
    cover = ReportFile.objects.first().cover
    response = admin_client.get(f"/admin/reports/report/add/?cover={cover.pk}")
    assert response.status_code == 200


def test_report_pickers_show_drafts_only_to_those_who_may_preview_them(client, reports):
    client.force_login(UserFactory(groups=[COMMUNICATIONS]))
    search = client.get(
        "/admin/autocomplete/",
        {"app_label": "news", "model_name": "article", "field_name": "related_reports"},
    ).json()
    labels = [result["text"] for result in search["results"]]
    assert labels == ["Open rapport"]
