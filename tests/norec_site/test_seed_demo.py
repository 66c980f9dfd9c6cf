"""manage.py seed_demo: the demo content of every app, safe to run twice."""

import pytest
from django.apps import apps
from django.core.management import call_command

from news.models import Article
from norec_site.models import Organisation
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
