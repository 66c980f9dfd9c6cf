import io

import pytest
from django.core.management import call_command

from norec_site import demo as shared_demo
from reports import demo
from reports.models import Report, ReportFile

from .factories import ReportFactory

pytestmark = pytest.mark.django_db


def test_reprocess_reports_reports_a_failure_and_goes_on(private_root):
    good = ReportFactory(files=["en"]).files.get()
    broken = ReportFactory(files=["en"]).files.get()
    (private_root / broken.file.name).write_bytes(b"not a pdf any more")
    ReportFile.objects.filter(pk=good.pk).update(text="")
    out, err = io.StringIO(), io.StringIO()

    call_command("reprocess_reports", stdout=out, stderr=err)

    good.refresh_from_db()
    assert good.text
    assert "Reprocessed 1 file(s); 1 failed." in out.getvalue()
    assert f"[{broken.file.name}]" in err.getvalue()


def test_reprocessing_a_report_with_two_files_keeps_it_a_cover(django_capture_on_commit_callbacks):
    report = ReportFactory(files=["nn", "en"])

    with django_capture_on_commit_callbacks(execute=True):
        call_command("reprocess_reports", stdout=io.StringIO(), stderr=io.StringIO())

    report.refresh_from_db()
    assert report.cover_id in set(report.files.values_list("cover_id", flat=True))


def test_demo_seed_is_safe_to_run_twice():
    shared = shared_demo.seed_shared()
    demo.seed(shared)
    demo.seed(shared)

    report = Report.objects.get(title_en="South-South and Triangular Cooperation in Action: Norec")
    assert report.series.name_en == "South-South and Triangular Cooperation in Action"
    assert {f.language for f in report.files.all()} == {"en", "es"}
    assert all(f.pages > 1 and f.cover_id for f in report.files.all())
    assert list(report.sdgs.values_list("number", flat=True)) == [17]
    assert Report.objects.count() == 3


def test_seed_scale_adds_published_reports_with_files():
    shared = shared_demo.seed_shared()
    demo.seed_scale(shared, 5, stdout=io.StringIO())
    demo.seed_scale(shared, 5, stdout=io.StringIO())
    assert Report.objects.published().count() == 10
    assert ReportFile.objects.count() == 10
