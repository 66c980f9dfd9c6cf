"""The report admin in a browser: a PDF upload shows its progress, and works without it."""

import pytest

from norec_site.groups import REPORT_ADMINISTRATORS
from norec_site.models import SustainableDevelopmentGoal
from reports.demo.pdfgen import pdf_bytes
from reports.models import Report
from tests.factories import OrganisationFactory, PersonFactory, TopicFactory
from tests.reports.factories import ReportFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def fill_report(page, pdf_path):
    page.fill("#id_title_nn", "Sør-sør-samarbeid i praksis")
    page.locator(".ProseMirror[contenteditable=true]").first.click()
    page.keyboard.type("Eit samandrag.")
    page.fill("#id_publication_date", "2019-03-20")
    page.select_option("#id_files-0-language", "en")
    page.set_input_files("#id_files-0-upload", str(pdf_path))


def test_saving_with_a_pdf_keeps_goals_topics_authors_and_publishers(
    page, live_server, tmp_path, log_in_as
):
    """The upload script sends the form itself: it must wait for the goal picker."""
    topic, person, publisher = TopicFactory(), PersonFactory(), OrganisationFactory()
    report = ReportFactory(authors=[person], publishers=[publisher])
    report.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=[4, 17]))
    report.topics.add(topic)
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_bytes(pdf_bytes("Goals survive the upload", pages=2))
    log_in_as(page, REPORT_ADMINISTRATORS)
    page.goto(f"{live_server.url}/admin/reports/report/{report.pk}/change/")
    page.wait_for_selector("#id_sdgs_to")
    page.select_option("#id_files-0-language", "en")
    page.set_input_files("#id_files-0-upload", str(pdf_path))
    page.locator("input[name=_publish]").click()  # published: plain Save makes a draft
    page.wait_for_url(f"{live_server.url}/admin/reports/report/")
    page.wait_for_selector(".messagelist .success")

    report.refresh_from_db()
    assert report.files.get().pages == 2
    assert sorted(report.sdgs.values_list("number", flat=True)) == [4, 17]
    assert list(report.topics.all()) == [topic]
    assert list(report.authors.all()) == [person]
    assert list(report.publishers.all()) == [publisher]


def test_upload_shows_progress_then_the_saved_report(page, live_server, tmp_path, log_in_as):
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_bytes(pdf_bytes("South-South Cooperation in Action", pages=40))
    held = []
    page.route("**/admin/reports/report/add/", lambda route: held.append(route)
               if route.request.method == "POST" else route.continue_())  # fmt: skip
    log_in_as(page, REPORT_ADMINISTRATORS)
    page.goto(f"{live_server.url}/admin/reports/report/add/")
    fill_report(page, pdf_path)

    page.locator("input[name=_save]").click()
    page.wait_for_selector(".reports-upload-progress:not([hidden]) progress")
    page.screenshot(path=tmp_path / "progress.png")
    assert "PDF" in page.locator(".reports-upload-progress").inner_text()
    held[0].continue_()

    page.wait_for_url(f"{live_server.url}/admin/reports/report/")
    report = Report.objects.get()
    assert report.files.get().pages == 40
    page.wait_for_selector(".messagelist .success")
    page.screenshot(path=tmp_path / "after-xhr-save.png", full_page=True)


def test_upload_without_javascript_submits_the_form_normally(
    chromium, live_server, tmp_path, log_in_as
):
    context = chromium.new_context(locale="nn-NO", java_script_enabled=False)
    page = context.new_page()
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_bytes(pdf_bytes("Without JavaScript", pages=3))
    log_in_as(page, REPORT_ADMINISTRATORS)
    page.goto(f"{live_server.url}/admin/reports/report/add/")
    page.fill("#id_title_nn", "Utan JavaScript")
    page.fill("#id_summary_nn", "<p>Samandrag.</p>")
    page.fill("#id_publication_date", "2019-03-20")
    page.select_option("#id_files-0-language", "en")
    page.set_input_files("#id_files-0-upload", str(pdf_path))
    page.locator("input[name=_save]").click()
    page.wait_for_url(f"{live_server.url}/admin/reports/report/")
    assert Report.objects.get().files.get().pages == 3
    context.close()


def test_served_pdf_renders_in_chromiums_viewer_under_the_policy(page, live_server, tmp_path):
    """The PDF answer's headers (CSP, nosniff, inline) still let Chromium's viewer draw it."""
    from tests.reports.factories import ReportFactory

    report = ReportFactory(files=["en"])
    url = f"{live_server.url}{report.files.get().get_absolute_url()}"
    response = page.goto(url)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    headers = response.all_headers()
    assert "default-src 'none'" in headers["content-security-policy"], headers
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-disposition"].startswith("inline;")
    # The viewer draws the blue cover page (pdfgen's first colour, 11 79 108) in the tab.
    assert blue_pixels(page, tmp_path / "pdf.png") > 10_000, "the PDF did not render"


def blue_pixels(page, path, tries=20):
    from PIL import Image

    count = 0
    for _attempt in range(tries):
        page.screenshot(path=path)
        with Image.open(path) as picture:
            colours = picture.convert("RGB").getcolors(maxcolors=1_000_000)
        count = sum(n for n, (r, g, b) in colours if abs(r - 11) + abs(g - 79) + abs(b - 108) < 30)
        if count > 10_000:
            break
        page.wait_for_timeout(250)
    return count


def test_too_large_upload_is_a_message_and_is_not_sent(
    page, live_server, tmp_path, log_in_as, settings
):
    settings.NOREC_REPORT_MAX_BYTES = 100_000  # the form then takes at most 3 × 100 kB + 1 MB
    pdf_path = tmp_path / "big.pdf"
    pdf_path.write_bytes(b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))
    posts = []
    page.on("request", lambda request: posts.append(request) if request.method == "POST" else None)
    log_in_as(page, REPORT_ADMINISTRATORS)
    posts.clear()
    page.goto(f"{live_server.url}/admin/reports/report/add/")
    fill_report(page, pdf_path)
    page.locator("input[name=_save]").click()
    status = page.locator(".reports-upload-progress.errornote")
    status.wait_for()
    assert "too large" in status.inner_text() or "for store" in status.inner_text()
    assert posts == []
    assert page.locator("input[name=_save]").is_enabled()


def test_a_413_from_the_server_is_a_message_and_the_file_is_not_sent_again(
    page, live_server, tmp_path, log_in_as
):
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_bytes(pdf_bytes("Too large for the proxy", pages=2))
    posts = []

    def refuse(route):
        posts.append(route.request)
        route.fulfill(status=413, body="Request Entity Too Large")

    log_in_as(page, REPORT_ADMINISTRATORS)
    page.route(
        "**/admin/reports/report/add/",
        lambda route: refuse(route) if route.request.method == "POST" else route.continue_(),
    )
    page.goto(f"{live_server.url}/admin/reports/report/add/")
    fill_report(page, pdf_path)
    page.locator("input[name=_save]").click()
    page.locator(".reports-upload-progress.errornote").wait_for()
    page.wait_for_timeout(500)
    assert len(posts) == 1
    assert page.url == f"{live_server.url}/admin/reports/report/add/"


def leaving_asks(page):
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.locator(".breadcrumbs a").first.click()
    page.wait_for_timeout(500)
    return dialogs == ["beforeunload"]


def test_an_upload_the_server_refuses_keeps_the_form_and_its_input(
    page, live_server, tmp_path, log_in_as
):
    """A refusal (too many files, an expired session) must not replace the form."""
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_bytes(pdf_bytes("Too large for the proxy", pages=2))
    page.route("**/admin/reports/report/add/", lambda route: route.fulfill(
        status=403, body="<h1>403 Forbidden</h1>", content_type="text/html",
    ) if route.request.method == "POST" else route.continue_())  # fmt: skip
    log_in_as(page, REPORT_ADMINISTRATORS)
    page.goto(f"{live_server.url}/admin/reports/report/add/")
    fill_report(page, pdf_path)
    page.locator("input[name=_save]").click()

    status = page.locator(".reports-upload-progress")
    status.get_by_text("Tenaren tok ikkje imot opplastinga").wait_for()
    assert "(403)" in status.inner_text()
    assert page.input_value("#id_title_nn") == "Sør-sør-samarbeid i praksis"
    assert page.locator("input[name=_save]").is_enabled()
    assert not Report.objects.exists()
    # Still unsaved: leaving asks, as it does while the upload is under way.
    assert leaving_asks(page)


def test_leaving_the_list_after_an_upload_save_does_not_ask(
    page, live_server, tmp_path, log_in_as
):
    """The saved form's listeners go with the page that the upload replaced."""
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_bytes(pdf_bytes("Saved", pages=2))
    log_in_as(page, REPORT_ADMINISTRATORS)
    page.goto(f"{live_server.url}/admin/reports/report/add/")
    page.wait_for_load_state("load")
    fill_report(page, pdf_path)
    page.locator("input[name=_save]").click()
    page.wait_for_url(f"{live_server.url}/admin/reports/report/")
    page.wait_for_selector(".messagelist .success")
    assert not leaving_asks(page)
    page.wait_for_url(f"{live_server.url}/admin/")
