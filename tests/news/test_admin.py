import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from news.models import Article, ArticleAuthor
from norec_site.groups import COMMUNICATIONS
from norec_site.models import Status
from tests.factories import ImageFactory, PersonFactory, TopicFactory, UserFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory
from tests.sitemaps import sitemap_document

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
TRANSLATED = ("title", "slug", "lead", "body", "seo_title", "seo_description", "image_caption")
CHANGELIST = "admin:news_article_changelist"


def form_data(article=None, **changes):
    """What the admin's article form posts: every field, the byline inline, the version."""
    data = {
        f"{name}_{code}": (getattr(article, f"{name}_{code}") or "") if article else ""
        for name in TRANSLATED
        for code in ("nn", "nb", "en")
    }
    published_at = None
    if article and article.published_at:
        published_at = timezone.localtime(article.published_at, OSLO)
    data.update(
        {
            "image": article.image_id or "" if article else "",
            "topics": [t.pk for t in article.topics.all()] if article else [],
            "related_reports": [],
            "related_projects": [],
            "status": article.status if article else Status.DRAFT,
            "published_at_0": published_at.strftime("%Y-%m-%d") if published_at else "",
            "published_at_1": published_at.strftime("%H:%M:%S") if published_at else "",
            "featured": "on" if article and article.featured else "",
            "expected_version": article.version if article else "",
            "bylines-TOTAL_FORMS": "0",
            "bylines-INITIAL_FORMS": "0",
            "bylines-MIN_NUM_FORMS": "0",
            "bylines-MAX_NUM_FORMS": "1000",
        }
    )
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def editor(client, *, groups=(COMMUNICATIONS,), permissions=()):
    user = UserFactory(groups=list(groups))
    if permissions:
        user.user_permissions.add(
            *Permission.objects.filter(content_type__app_label="news", codename__in=permissions)
        )
    client.force_login(user)
    return user


def changelist(client, query=""):
    return client.get(reverse(CHANGELIST) + query)


def listed(response):
    return list(response.context["cl"].result_list)


# The whole story of the issue ----------------------------------------------------


def test_editor_writes_in_nynorsk_adds_english_and_schedules_an_article(client):
    user = editor(client)
    image = ImageFactory(caption_nn="Frå konferansen")
    adviser = PersonFactory(name="Ingrid Haugland")
    publish_at = (timezone.now() + datetime.timedelta(days=3)).astimezone(OSLO)
    response = client.post(
        reverse("admin:news_article_add"),
        form_data(
            title_nn="Sør-sør-samarbeid på FN-konferansen",
            lead_nn="Norec la fram ein rapport i Buenos Aires.",
            body_nn="<p>Rapporten viser korleis utveksling verkar.</p><script>x</script>",
            image=image.pk,
            status=Status.PUBLISHED,
            published_at_0=publish_at.strftime("%Y-%m-%d"),
            published_at_1=publish_at.strftime("%H:%M:%S"),
            **{
                "bylines-TOTAL_FORMS": "1",
                "bylines-0-person": adviser.pk,
                "bylines-0-role": "text",
                "bylines-0-position": "0",
            },
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.slug_nn == "sor-sor-samarbeid-pa-fn-konferansen"
    assert article.body_nn == "<p>Rapporten viser korleis utveksling verkar.</p>"
    assert article.updated_by == user
    assert [b.person for b in article.bylines.all()] == [adviser]

    response = client.post(
        reverse("admin:news_article_change", args=[article.pk]),
        form_data(
            article,
            title_en="South-south cooperation at the UN conference",
            lead_en="Norec presented a report in Buenos Aires.",
            body_en="<p>The report shows how exchanges work.</p>",
            _publish="Lagre og publiser",
            **{
                "bylines-TOTAL_FORMS": "1",
                "bylines-INITIAL_FORMS": "1",
                "bylines-0-id": article.bylines.get().pk,
                "bylines-0-article": article.pk,
                "bylines-0-person": adviser.pk,
                "bylines-0-role": "text",
                "bylines-0-position": "0",
            },
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.slug_en == "south-south-cooperation-at-the-un-conference"
    assert article.state_label == "Planlagd"

    client.logout()
    for code in ("nn", "nb", "en"):
        with translation.override(code):
            assert list(client.get(reverse("news:index")).context["page_obj"].object_list) == []
    with time_machine.travel(publish_at + datetime.timedelta(minutes=1)):
        for code, shown in (("nn", True), ("nb", False), ("en", True)):
            with translation.override(code):
                titles = [a.title for a in client.get(reverse("news:index")).context["page_obj"]]
                feed = client.get(reverse("news:feed")).content.decode()
            title = getattr(article, f"title_{code}") or article.title_nn
            assert (title in titles) is shown
            assert (title in feed) is shown
        sitemap = sitemap_document(client).decode()
        assert article.get_absolute_url("en") in sitemap
        assert article.get_absolute_url("nn") in sitemap


def test_a_taken_slug_is_a_form_error_not_a_crash(client):
    editor(client)
    ArticleFactory(title_nn="Fyrst", slug_nn="same-adresse")
    response = client.post(
        reverse("admin:news_article_add"),
        form_data(title_nn="Andre", slug_nn="same-adresse", lead_nn="Ingress"),
    )
    assert response.status_code == 200
    assert "Noko anna brukar alt denne adressa (nn); vel ei anna." in response.content.decode()
    assert Article.objects.count() == 1


def test_an_article_without_any_title_is_a_form_error(client):
    editor(client)
    response = client.post(reverse("admin:news_article_add"), form_data(lead_nn="Berre ingress"))
    assert response.status_code == 200
    assert "Skriv ein tittel på minst eitt språk." in response.content.decode()


def test_slug_is_prefilled_from_the_title_of_the_same_language(client):
    editor(client)
    response = client.get(reverse("admin:news_article_add"))
    prepopulated = response.context["adminform"].prepopulated_fields
    pairs = {f["field"].name: [d.name for d in f["dependencies"]] for f in prepopulated}
    assert pairs == {"slug_nn": ["title_nn"], "slug_nb": ["title_nb"], "slug_en": ["title_en"]}


def test_body_uses_the_rich_text_editor_in_every_language(client):
    editor(client)
    text = client.get(reverse("admin:news_article_add")).content.decode()
    for code in ("nn", "nb", "en"):
        assert f'name="body_{code}"' in text
    assert text.count("data-django-prose-editor") >= 3
    assert "django_prose_editor/editor.js" in text


# The list --------------------------------------------------------------------------


def test_list_filters_by_state_topic_author_and_missing_translation(client):
    editor(client)
    topic = TopicFactory()
    person = PersonFactory()
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True, topics=[topic])
    published = ArticleFactory(translated=True, authors=[person])
    assert listed(changelist(client, "?state=draft")) == [draft]
    assert listed(changelist(client, "?state=scheduled")) == [scheduled]
    assert listed(changelist(client, "?state=published")) == [published]
    assert listed(changelist(client, f"?topics__id__exact={topic.pk}")) == [scheduled]
    assert listed(changelist(client, f"?authors__id__exact={person.pk}")) == [published]
    assert set(listed(changelist(client, "?missing=en"))) == {draft, scheduled}


def test_search_finds_titles_in_every_language(client):
    editor(client)
    article = ArticleFactory(translated=True, title_en="Exchange in Buenos Aires")
    ArticleFactory()
    assert listed(changelist(client, "?q=buenos")) == [article]
    assert listed(changelist(client, "?q=bokmål")) == [article]


# Publishing permission ------------------------------------------------------------


def test_staff_outside_the_group_cannot_see_articles_in_the_admin(client):
    editor(client, groups=())
    assert changelist(client).status_code == 403


# Editing -------------------------------------------------------------------------------


def test_byline_keeps_its_order(client):
    editor(client)
    first, second = PersonFactory(name="Andre"), PersonFactory(name="Berit")
    article = ArticleFactory()
    ArticleAuthor.objects.create(article=article, person=second, position=1)
    ArticleAuthor.objects.create(article=article, person=first, position=0)
    assert [b.person for b in article.bylines.all()] == [first, second]


def test_editor_finds_reports_and_projects_to_link_by_title(client):
    editor(client)
    report = ReportFactory(title_nn="Sør-sør-samarbeid i praksis")
    project = ProjectFactory(languages=("nn",), title_nn="Jordmødrer rundt Victoriasjøen")
    for field, term, item in (
        ("related_reports", "praksis", report),
        ("related_projects", "victoria", project),
    ):
        response = client.get(
            reverse("admin:autocomplete"),
            {"app_label": "news", "model_name": "article", "field_name": field, "term": term},
        )
        assert response.status_code == 200
        assert [r["id"] for r in response.json()["results"]] == [str(item.pk)]


def test_linked_reports_and_projects_are_saved_from_the_form(client):
    editor(client)
    article = ArticleFactory()
    report, project = ReportFactory(), ProjectFactory(languages=("nn",))
    response = client.post(
        reverse("admin:news_article_change", args=[article.pk]),
        form_data(
            article, related_reports=[report.pk], related_projects=[project.pk], _publish="1"
        ),
    )
    assert response.status_code == 302
    assert list(article.related_reports.all()) == [report]
    assert list(article.related_projects.all()) == [project]
