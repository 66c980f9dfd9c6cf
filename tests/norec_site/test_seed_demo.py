"""manage.py seed_demo: the demo content of every app, safe to run twice."""

from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from news.models import Article
from norec_site.models import Organisation
from norec_site.registry import content_models
from projects.models import Project
from reports.models import Report

pytestmark = pytest.mark.django_db


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_seed_demo_twice_changes_nothing(stored_files):
    call_command("seed_demo", verbosity=0)
    counts, files = row_counts(), stored_files()
    call_command("seed_demo", verbosity=0)
    assert row_counts() == counts
    assert stored_files() == files


def test_seed_demo_fills_every_app_with_public_content_in_three_languages():
    call_command("seed_demo", verbosity=0)
    names = set(Organisation.objects.values_list("short_name", flat=True))
    assert {"Norec", "UNOSSC", "UNDP", "MFA"} <= names
    assert {"KE", "VN", "CO"} <= set(Organisation.objects.values_list("country", flat=True))
    for model in (Article, Report, Project):
        for language in ("nn", "nb", "en"):
            assert model.objects.public(language).exists(), (model, language)
    assert Report.objects.public("en").filter(title_en__icontains="South-South").exists()


def test_every_content_type_has_a_demo_module_loaded_after_what_it_links_to():
    modules = [model.demo_module for model in content_models()]
    assert sorted(modules) == [
        "news.demo",
        "norec_site.pages.demo",
        "projects.demo",
        "reports.demo",
    ]
    # Reports stand alone, projects point to reports, news to both.
    assert (
        modules.index("reports.demo") < modules.index("projects.demo") < modules.index("news.demo")
    )
    for name in modules:
        module = import_module(name)
        assert callable(module.seed) and callable(module.seed_scale), name


def test_only_the_demo_and_benchmark_code_makes_pdfs_with_fpdf2():
    """fpdf2 is a dev package: models, views, services and admin never import it."""
    root = Path(settings.BASE_DIR)
    users = sorted(
        str(path.relative_to(root))
        for app in ("norec_site", "news", "reports", "projects")
        for path in (root / app).rglob("*.py")
        if "fpdf" in (text := path.read_text()) or "pdfgen" in text
    )
    assert users == [
        "norec_site/bench/inprocess.py",
        "reports/demo/__init__.py",
        "reports/demo/pdfgen.py",
    ]
