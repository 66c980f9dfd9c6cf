import io

import pytest

from news import demo
from news.models import Article
from norec_site.demo import seed_shared
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db


def test_demo_articles_cover_the_launch_exchanges_and_a_schedule_and_are_safe_to_run_twice():
    launch_entry = next(entry for entry in demo.articles() if entry["key"] == "bapa40-launch")
    report = ReportFactory(title_en=launch_entry["report"])
    shared = seed_shared()
    demo.seed(shared)
    demo.seed(shared)
    articles = Article.objects.all()
    assert articles.count() == len(demo.articles())
    launch = articles.get(title_nn__contains="BAPA+40")
    assert launch.available_languages() == ["nn", "nb", "en"]
    assert list(launch.related_reports.all()) == [report]
    assert "Ingrid Haugland" in launch.body_nn and "Statssekretær" in launch.body_nn
    assert launch.featured and launch.image.renditions.exists()
    assert any(a.is_scheduled() for a in articles)
    assert {tuple(a.available_languages()) for a in articles} >= {("nn",), ("nn", "en")}
    assert all(a.image_id and a.bylines.exists() for a in articles)


def test_demo_skips_the_report_link_when_reports_have_no_demo():
    demo.seed(seed_shared())
    launch = Article.objects.get(title_nn__contains="BAPA+40")
    assert not launch.related_reports.exists()


def test_scale_adds_public_articles_in_three_languages_with_a_progress_bar():
    shared = seed_shared()
    out = io.StringIO()
    demo.seed_scale(shared, 30, stdout=out)
    demo.seed_scale(shared, 5, stdout=out)
    assert Article.objects.count() == 35
    for code in ("nn", "nb", "en"):
        assert Article.objects.public(code).count() == 35
    assert Article.objects.filter(search_en="exchange").count() == 35
    assert Article.objects.filter(topics__isnull=False).distinct().count() == 35
    assert "Articles" in out.getvalue() and "35/" not in out.getvalue()
