"""Apertium between Nynorsk and Bokmål, run for real on Norec's own demo texts."""

import os
import subprocess
import sys

import pytest
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from news.models import Article
from norec_site import apertium
from norec_site.drafts import change_into_draft, showing_draft
from norec_site.groups import COMMUNICATIONS
from norec_site.machine_translation import machine_translate, translate_link
from norec_site.models import Status
from norec_site.translation_status import statuses_for, unconfirmed_machine_fields
from tests.factories import UserFactory

from .languages_helpers import demo_article

pytestmark = pytest.mark.django_db
# The tests of a server without Apertium run everywhere; the others need it installed.
needs_apertium = pytest.mark.skipif(
    not apertium.is_available(), reason="needs apt-get install apertium apertium-nno-nob"
)


@pytest.fixture
def without_apertium(monkeypatch):
    """A server where Apertium is not installed: it is not on the PATH."""
    monkeypatch.setenv("PATH", "/nonexistent")
    apertium._installed_modes.cache_clear()
    yield
    apertium._installed_modes.cache_clear()


@needs_apertium
def test_plain_text_keeps_ampersands_angle_brackets_and_at_signs():
    result = apertium.translate(
        "Lærarar & elevar <frå> Hanoi skriv til post@norec.no", source="nn", target="nb"
    )
    assert result.text == "Lærere & elever <fra> Hanoi skriver til post@norec.no"
    assert result.unsure_words == []


@needs_apertium
def test_apertiums_marks_are_removed_and_their_words_reported():
    # What Apertium prints for words it could not transfer (@) or generate (#).
    result = apertium.unmarked("Hun er @sjukepleiarinne og #gjekk til \ue040norec")
    assert result.text == "Hun er sjukepleiarinne og gjekk til @norec"
    assert result.unsure_words == ["sjukepleiarinne", "gjekk"]


@needs_apertium
def test_rich_text_keeps_its_markup_and_goes_both_ways():
    html = "<p>Seks jordmødrer frå Mbarara har <strong>byrja</strong> eitt års utveksling.</p>"
    bokmal = apertium.translate(html, source="nn", target="nb", rich=True).text
    assert (
        bokmal
        == "<p>Seks jordmødre fra Mbarara har <strong>begynt</strong> et års utveksling.</p>"
    )
    back = apertium.translate(bokmal, source="nb", target="nn", rich=True).text
    assert back.startswith("<p>Seks jordmødrer frå Mbarara")


def drafted(item):
    """The item as its draft has it: machine text for a published item goes there."""
    with showing_draft(item) as shown:
        return shown


@needs_apertium
def test_bokmal_draft_of_a_demo_article_fills_empty_fields_and_marks_them():
    article = demo_article("teachers-mekong")
    result = machine_translate(article, source="nn", target="nb")
    assert not Article.objects.get(pk=article.pk).title_nb  # live: unchanged
    article = drafted(article)
    assert result.fields == ["title", "lead", "body"]
    assert article.title_nb.startswith("Lærere fra Vietnam og Indonesia")
    assert " frå " not in article.body_nb and "<p>" in article.body_nb
    assert article.slug_nb == "laerere-fra-vietnam-og-indonesia-bytter-klasserom"
    assert article.available_languages() == ["nn", "nb"]
    assert unconfirmed_machine_fields(article) == {"nb": ["body", "lead", "title"]}
    assert statuses_for(article)["nb"].source_language == "nn"


@needs_apertium
def test_a_written_field_is_never_overwritten():
    article = demo_article("teachers-mekong", title_nb="Lærere bytter klasserom")
    result = machine_translate(article, source="nn", target="nb")
    article.refresh_from_db()
    assert "title" not in result.fields
    assert article.title_nb == "Lærere bytter klasserom"


@needs_apertium
def test_links_to_nynorsk_pages_point_to_the_bokmal_page_when_it_exists():
    in_both = demo_article("youth-leaders", languages=("nn", "nb"))
    only_nynorsk = demo_article("midwives-kisumu")
    article = demo_article(
        "teachers-mekong",
        body_nn=(
            f'<p>Les om <a href="{in_both.get_absolute_url("nn")}" title="Unge leiarar frå '
            f'Malawi">dei unge leiarane</a>, <a href="{only_nynorsk.get_absolute_url("nn")}">'
            'jordmødrene</a> og <a href="/nn/nyhende/">alle nyhende</a>.</p>'
        ),
    )
    machine_translate(article, source="nn", target="nb")
    article = drafted(article)
    assert f'href="{in_both.get_absolute_url("nb")}"' in article.body_nb
    assert 'title="Unge ledere fra Malawi"' in article.body_nb
    assert f'href="{only_nynorsk.get_absolute_url("nn")}"' in article.body_nb
    assert 'href="/nb/nyheter/"' in article.body_nb


@needs_apertium
def test_links_are_rewritten_whatever_the_editors_language():
    in_both = demo_article("youth-leaders", languages=("nn", "nb"))
    with translation.override("en"):
        assert translate_link("/nn/nyhende/", source="nn", target="nb") == "/nb/nyheter/"
        assert (
            translate_link(in_both.get_absolute_url("nn") + "?x=1", source="nn", target="nb")
            == in_both.get_absolute_url("nb") + "?x=1"
        )


@needs_apertium
def test_links_elsewhere_are_left_alone():
    for href in ("https://norec.no/nn/nyhende/", "mailto:post@norec.no", "/en/news/"):
        assert translate_link(href, source="nn", target="nb") == href


@needs_apertium
def test_command_translates_one_item(capsys):
    article = demo_article("teachers-mekong")
    call_command(
        "machine_translate", "news.Article", str(article.pk), "--from", "nn", "--to", "nb"
    )
    assert not Article.objects.get(pk=article.pk).title_nb
    article = drafted(article)
    assert article.title_nb.startswith("Lærere fra Vietnam")
    assert "title_nb" in capsys.readouterr().out


@needs_apertium
def test_command_from_bokmal_to_nynorsk():
    article = demo_article("youth-leaders", languages=("nb",))
    call_command(
        "machine_translate", "news.Article", str(article.pk), "--from", "nb", "--to", "nn"
    )
    article = drafted(article)
    assert article.title_nn == "Unge leiarar frå Malawi og Sør-Afrika på utveksling"
    assert "<p>Dei unge har jobba" in article.body_nn


def test_command_says_clearly_when_apertium_is_missing(without_apertium):
    article = demo_article("teachers-mekong")
    with pytest.raises(CommandError, match="Apertium is not installed"):
        call_command("machine_translate", "news.Article", str(article.pk))
    article.refresh_from_db()
    assert not article.title_nb


def test_command_exits_1_when_apertium_is_missing(settings):
    environment = {
        **os.environ,
        "PATH": "/nonexistent",
        "DJANGO_SETTINGS_MODULE": "norec_site.settings.test",
    }
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "machine_translate",
            "news.Article",
            "1",
            "--from",
            "nn",
            "--to",
            "nb",
        ],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "Apertium is not installed on the server" in done.stderr
    assert "Traceback" not in done.stderr


def test_command_refuses_unknown_models_and_items():
    with pytest.raises(CommandError, match="No such model"):
        call_command("machine_translate", "news.Nothing", "1")
    with pytest.raises(CommandError, match="does not exist"):
        call_command("machine_translate", "news.Article", "999999")


# The admin -------------------------------------------------------------------------


def editor(client, language="nn"):
    user = UserFactory(groups=[COMMUNICATIONS], admin_language=language)
    client.force_login(user)
    return user


def change_data(article, **changes):
    data = {
        f"{name}_{code}": getattr(article, f"{name}_{code}") or ""
        for name in (
            "title",
            "slug",
            "lead",
            "body",
            "seo_title",
            "seo_description",
            "image_caption",
        )
        for code in ("nn", "nb", "en")
    }
    data.update(
        {
            "status": article.status,
            "published_at_0": "",
            "published_at_1": "",
            "expected_version": article.version,
            "bylines-TOTAL_FORMS": "0",
            "bylines-INITIAL_FORMS": "0",
            "bylines-MIN_NUM_FORMS": "0",
            "bylines-MAX_NUM_FORMS": "1000",
        }
    )
    if article.published_at:
        from django.utils import timezone

        local = timezone.localtime(article.published_at)
        data["published_at_0"] = local.strftime("%Y-%m-%d")
        data["published_at_1"] = local.strftime("%H:%M:%S")
    data.update(changes)
    return data


@pytest.fixture
def machine_drafted(client):
    """A draft demo article with Bokmål text from Apertium that nobody has checked yet,
    and an editor logged in to the admin."""
    article = demo_article("teachers-mekong", status=Status.DRAFT, published_at=None)
    machine_translate(article, source="nn", target="nb")
    article.refresh_from_db()
    editor(client)
    return article


@needs_apertium
def test_button_saves_then_makes_the_bokmal_draft(client):
    article = demo_article("teachers-mekong", status=Status.DRAFT, published_at=None)
    editor(client)
    url = reverse("admin:news_article_change", args=[article.pk])
    response = client.post(url, change_data(article, _machine_translate="nn-nb", _continue="1"))
    assert response.status_code == 302 and response["Location"] == url
    article.refresh_from_db()
    assert article.title_nb.startswith("Lærere fra Vietnam")
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("maskinomsett til bokmål" in message for message in shown)
    page = client.get(url).content.decode()
    assert "Bokmål: maskinomsett, kontroller før publisering" in page


@needs_apertium
def test_publishing_unchecked_machine_text_asks_for_a_confirmation(client, machine_drafted):
    article = machine_drafted
    url = reverse("admin:news_article_change", args=[article.pk])
    response = client.post(url, change_data(article, status=Status.PUBLISHED))
    assert response.status_code == 200
    assert "maskinomsett tekst som ingen har kontrollert" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT

    response = client.post(
        url, change_data(article, status=Status.PUBLISHED, publish_machine_text="on")
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED
    assert unconfirmed_machine_fields(article) == {"nb": ["body", "lead", "title"]}


@needs_apertium
def test_confirming_or_editing_takes_the_marks_away(client, machine_drafted):
    article = machine_drafted
    url = reverse("admin:news_article_change", args=[article.pk])
    client.post(url, change_data(article, title_nb="Lærere fra Vietnam og Indonesia bytter rom"))
    article.refresh_from_db()
    assert unconfirmed_machine_fields(article) == {"nb": ["body", "lead"]}

    client.post(url, change_data(article, confirm_languages=["nb"], status=Status.PUBLISHED))
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert unconfirmed_machine_fields(article) == {}


@needs_apertium
def test_publish_action_asks_before_publishing_machine_text(client, machine_drafted):
    article = machine_drafted
    changelist = reverse("admin:news_article_changelist")
    data = {"action": "publish", "_selected_action": [article.pk]}
    response = client.post(changelist, data)
    assert response.status_code == 200
    assert "Publisere ukontrollert maskinomsetjing?" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
    response = client.post(changelist, {**data, "confirm_machine_text": "yes"})
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED


@needs_apertium
def test_list_action_makes_drafts_for_the_selected_items(client):
    first = demo_article("teachers-mekong")
    second = demo_article("midwives-kisumu")
    editor(client, "nb")
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "machine_translate_nn_nb", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    assert response.status_code == 200
    items = Article.objects.filter(pk__in=[first.pk, second.pk])
    assert not any(a.title_nb for a in items)  # published: the public sees no machine text
    assert all(drafted(a).title_nb for a in items)
    assert "maskinoversatt til bokmål" in response.content.decode()


def test_without_apertium_the_button_says_so_and_the_page_works(client, without_apertium):
    article = demo_article("teachers-mekong")
    editor(client)
    response = client.get(reverse("admin:news_article_change", args=[article.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Apertium er ikkje installert på tenaren" in page
    assert 'data-direction="nn-nb" disabled' in page
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "machine_translate_nn_nb", "_selected_action": [article.pk]},
        follow=True,
    )
    assert "Apertium er ikkje installert" in response.content.decode()
    article.refresh_from_db()
    assert not article.title_nb


def test_a_draft_field_the_editor_wrote_is_never_overwritten():
    article = demo_article("teachers-mekong")

    def write_bokmal_title(obj):
        obj.title_nb = "Lærere bytter klasserom"
        obj.save()

    change_into_draft(article, None, write_bokmal_title)
    result = machine_translate(article, source="nn", target="nb")
    assert "title" not in result.fields
    shown = drafted(article)
    assert shown.title_nb == "Lærere bytter klasserom" and shown.lead_nb
