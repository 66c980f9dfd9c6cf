"""A list's items get their addresses without a reverse() each: the same addresses."""

import pytest
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from norec_site.models.publishable import detail_url
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def reversed_url(item, language):
    """As the item's page was reversed: in ``language``, else in its first language."""
    available = item.available_languages()
    language = language if language in available else available[0]
    with translation.override(language):
        return reverse(item.url_name, kwargs={"slug": getattr(item, f"slug_{language}")})


@pytest.mark.parametrize("page_language", ["nn", "nb", "en"])
def test_item_addresses_are_those_reverse_gives_in_each_language(page_language):
    items = [ArticleFactory(), ProjectFactory(), ProjectFactory(languages=("nb",))]
    with translation.override(page_language):
        for item in items:
            assert item.get_absolute_url() == reversed_url(item, page_language)
            for code in ("nn", "nb", "en"):
                assert item.get_absolute_url(code) == reversed_url(item, code)


def test_a_script_prefix_is_kept():
    project = ProjectFactory()
    set_script_prefix("/norec/")
    try:
        url = project.get_absolute_url("nb")
    finally:
        clear_script_prefix()
    assert url == f"/norec{reversed_url(project, 'nb')}"


def test_what_the_slug_converter_refuses_fails_as_reverse_does():
    with pytest.raises(NoReverseMatch):
        detail_url("news:detail", "nn", "")
    with pytest.raises(NoReverseMatch):
        detail_url("news:detail", "nn", "a/b")
