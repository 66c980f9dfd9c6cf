"""Drafts of live content: a change to a published item stays away from the public
until someone who may publish publishes it."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from news.models import Article, ArticleAuthor
from norec_site.drafts import draft_for, showing_draft
from norec_site.groups import COMMUNICATIONS, REPORT_ADMINISTRATORS
from norec_site.history import recorded
from norec_site.models import Draft, SitePage, Status
from reports.models import ReportFile
from tests.factories import PersonFactory, SitePageFactory, TopicFactory, UserFactory
from tests.news.factories import ArticleFactory
from tests.news.test_admin import form_data
from tests.reports.factories import ReportFactory, pdf_upload
from tests.reports.test_admin import form_data as report_form_data

pytestmark = pytest.mark.django_db

CHANGE = "admin:news_article_change"


def writer(client):
    """Staff who may change articles but not publish them."""
    user = UserFactory(first_name="Siri", last_name="Skribent")
    codenames = ("view_article", "change_article", "add_article")
    codenames += ("view_articleauthor", "add_articleauthor", "change_articleauthor")
    codenames += ("delete_articleauthor",)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="news", codename__in=codenames)
    )
    client.force_login(user)
    return user


def publisher(client):
    user = UserFactory(groups=[COMMUNICATIONS])
    client.force_login(user)
    return user


def published_article(**fields):
    with recorded(comment="first"):
        return ArticleFactory(**fields)


def save(client, article, **changes):
    article.refresh_from_db()
    page = client.get(reverse(CHANGE, args=[article.pk]))
    form = page.context["adminform"].form
    data = form_data(article)
    for name in form.fields:  # what the browser sends: the form as the page shows it
        if name in data or name in ("expected_draft", "opened_revision"):
            value = form[name].value()
            data[name] = "" if value is None else value
    data.update(changes)
    return client.post(reverse(CHANGE, args=[article.pk]), data)


def test_a_writers_change_to_a_published_article_stays_off_the_public_page(client):
    article = published_article(title_nn="Publisert tittel", lead_nn="Gammal ingress.")
    public_url = article.get_absolute_url("nn")
    writer(client)
    response = save(client, article, lead_nn="Ny ingress frå skribenten.")
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).lead_nn == "Gammal ingress."
    client.logout()
    page = client.get(public_url).content.decode()
    assert "Gammal ingress." in page and "Ny ingress" not in page

    writer(client)
    change_page = client.get(reverse(CHANGE, args=[article.pk]))
    assert change_page.context["adminform"].form["lead_nn"].value() == "Ny ingress frå skribenten."
    html = change_page.content.decode()
    assert "Publisert, med upubliserte endringar." in html
    assert 'name="_publish"' not in html  # a writer may not publish
    listing = client.get(reverse("admin:news_article_changelist")).content.decode()
    assert "Publisert, med upubliserte endringar" in listing


def test_a_writer_cannot_publish_by_posting_the_publish_button(client):
    article = published_article(lead_nn="Gammal ingress.")
    writer(client)
    save(client, article, lead_nn="Forsøk.", _publish="1")
    assert Article.objects.get(pk=article.pk).lead_nn == "Gammal ingress."
    assert draft_for(article) is not None


def test_the_editors_preview_shows_the_draft(client):
    article = published_article(lead_nn="Gammal ingress.")
    writer(client)
    save(client, article, lead_nn="Førehandsvist ingress.")
    response = client.get(article.get_absolute_url("nn"))
    assert "Førehandsvist ingress." in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    assert Article.objects.get(pk=article.pk).lead_nn == "Gammal ingress."


def test_save_and_publish_applies_the_draft_and_the_form(client):
    article = published_article(lead_nn="Gammal ingress.", body_nn="<p>Gammal tekst.</p>")
    writer(client)
    save(client, article, lead_nn="Ingress frå utkastet.")
    publisher(client)
    before = Version.objects.get_for_object(article).count()
    response = save(client, article, body_nn="<p>Ny tekst.</p>", _publish="Lagre og publiser")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.lead_nn == "Ingress frå utkastet."
    assert article.body_nn == "<p>Ny tekst.</p>"
    assert article.status == Status.PUBLISHED
    assert draft_for(article) is None
    assert Version.objects.get_for_object(article).count() == before + 1
    client.logout()
    assert "Ny tekst." in client.get(article.get_absolute_url("nn")).content.decode()


def test_a_draft_holds_bylines_and_topics_until_published(client):
    article = published_article()
    person, topic = PersonFactory(name="Ny fotograf"), TopicFactory()
    writer(client)
    response = save(
        client,
        article,
        topics=[topic.pk],
        **{
            "bylines-TOTAL_FORMS": "1",
            "bylines-0-person": person.pk,
            "bylines-0-role": "photo",
            "bylines-0-position": "0",
        },
    )
    assert response.status_code == 302
    assert not ArticleAuthor.objects.filter(article=article).exists()
    assert not article.topics.exists()
    with showing_draft(article) as shown:
        assert [b.person for b in shown.bylines.all()] == [person]
        assert list(shown.topics.all()) == [topic]
    publisher(client)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )
    assert [b.person for b in article.bylines.all()] == [person]
    assert list(article.topics.all()) == [topic]
    assert draft_for(article) is None


def test_discard_changes_goes_back_to_the_live_version(client):
    article = published_article(lead_nn="Gammal ingress.")
    writer(client)
    save(client, article, lead_nn="Forkasta ingress.")
    response = client.post(reverse(CHANGE, args=[article.pk]), {"_discard": "1"}, follow=True)
    assert "vart forkasta" in response.content.decode()
    assert draft_for(article) is None
    assert response.context["adminform"].form["lead_nn"].value() == "Gammal ingress."


def test_two_writers_on_one_draft_the_second_is_refused(client):
    article = published_article(lead_nn="Gammal ingress.")
    writer(client)
    page = client.get(reverse(CHANGE, args=[article.pk])).context["adminform"].form
    stale = form_data(article, lead_nn="Den andre skribenten.")
    stale["expected_version"] = page["expected_version"].value()
    stale["expected_draft"] = page["expected_draft"].value()
    assert save(client, article, lead_nn="Den fyrste skribenten.").status_code == 302
    response = client.post(reverse(CHANGE, args=[article.pk]), stale)
    assert response.status_code == 200
    assert "Nokon andre lagra dette medan du redigerte." in response.content.decode()
    with showing_draft(article) as shown:
        assert shown.lead_nn == "Den fyrste skribenten."


def test_never_published_items_are_edited_live(client):
    article = ArticleFactory(draft=True, lead_nn="Gammal.")
    writer(client)
    save(client, article, lead_nn="Rett inn.")
    assert Article.objects.get(pk=article.pk).lead_nn == "Rett inn."
    assert not Draft.objects.exists()


def test_prune_revisions_keeps_the_revision_a_draft_points_to(client):
    article = published_article()
    writer(client)
    save(client, article, lead_nn="Utkast som må bli.")
    draft = draft_for(article)
    call_command("prune_revisions", "--keep", "1", "--older-than", "0", stdout=io.StringIO())
    assert Draft.objects.get(pk=draft.pk).revision_id == draft.revision_id


def test_a_pdf_uploaded_into_a_draft_is_stored_but_not_served(client):
    report = ReportFactory(files=["en"])
    with recorded():
        report.save()
    client.force_login(UserFactory(groups=[REPORT_ADMINISTRATORS]))
    data = report_form_data(
        title_nn=report.title_nn,
        title_en=report.title_en,
        expected_version=str(report.version),
        expected_draft="0",
        **{
            "files-TOTAL_FORMS": "2",
            "files-INITIAL_FORMS": "1",
            "files-0-id": str(report.files.get().pk),
            "files-0-report": str(report.pk),
            "files-0-language": "en",
            "files-1-language": "nn",
            "files-1-upload": pdf_upload("Nynorsk utgåve"),
        },
    )
    response = client.post(reverse("admin:reports_report_change", args=[report.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(report.files.values_list("language", flat=True)) == ["en"]
    with showing_draft(report) as shown:
        new_file = shown.files.get(language="nn")
        name = new_file.file.name
        assert new_file.file.storage.exists(name)
        download = new_file.get_absolute_url()
    assert not ReportFile.objects.filter(file=name).exists()
    client.logout()
    assert client.get(download).status_code == 404


def test_site_pages_get_drafts_too(client):
    page = SitePageFactory(title_nn="Om oss")
    with recorded():
        page.save()
    user = UserFactory(username="sidefolk")
    codenames = ("view_sitepage", "change_sitepage")
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    url = reverse("admin:norec_site_sitepage_change", args=[page.pk])
    form = client.get(url).context["adminform"].form
    data = {
        name: form[name].value()
        for name in form.fields
        if form[name].value() is not None and not isinstance(form[name].value(), list)
    }
    data.update(body_nn="<p>Endra i utkastet.</p>", position=page.position, _save="1")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Endra i utkastet" not in SitePage.objects.get(pk=page.pk).body_nn
    with showing_draft(page) as shown:
        assert "Endra i utkastet" in shown.body_nn


def test_a_deleted_item_with_a_draft_can_be_purged(client):
    article = published_article()
    writer(client)
    save(client, article, lead_nn="Utkast til ei sak som blir sletta.")
    with recorded():
        Article.objects.get(pk=article.pk).delete()
    assert not Draft.objects.exists()
    out = io.StringIO()
    call_command("purge_deleted", "--older-than", "0", stdout=out)
    assert "Purged 1 deleted item(s)" in out.getvalue()
    assert not Version.objects.get_for_object_reference(Article, article.pk).exists()


def test_a_publisher_unpublishing_then_saving_applies_the_draft_once(client):
    article = published_article(lead_nn="Gammal ingress.")
    writer(client)
    save(client, article, lead_nn="Ingress frå utkastet.")
    publisher(client)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk]},
    )
    response = save(client, article, body_nn="<p>Ny tekst.</p>")
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.status, article.lead_nn) == (Status.DRAFT, "Ingress frå utkastet.")
    assert draft_for(article) is None


def test_a_publishers_plain_save_of_publishing_times_says_they_need_save_and_publish(client):
    article = published_article()
    publisher(client)
    response = save(client, article, unpublish_at_0="2030-03-10", unpublish_at_1="15:00:00")
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("«Lagre og publiser»" in m for m in messages)
    assert Article.objects.get(pk=article.pk).unpublish_at is None


def test_the_list_says_which_items_have_drafts_without_a_query_per_row(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def listing_queries():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(reverse("admin:news_article_changelist")).content.decode()
        return len(queries), html.count("med upubliserte endringar")

    writer(client)
    for _ in range(2):
        save(client, published_article(), lead_nn="Utkast.")
    few, shown = listing_queries()
    assert shown == 2
    for _ in range(4):
        save(client, published_article(), lead_nn="Utkast.")
    many, shown = listing_queries()
    assert shown == 6
    assert many == few
