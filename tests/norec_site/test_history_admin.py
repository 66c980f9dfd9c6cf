"""The editors' history in the admin: revisions, compare, restore, recover, erasure."""

import datetime
import io
import re

import pytest
import reversion
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from news.models import Article
from norec_site.drafts import draft_for
from norec_site.groups import COMMUNICATIONS, REPORT_ADMINISTRATORS
from norec_site.history import record_unversioned
from norec_site.models import Image, Person, Status
from reports.models import Report
from tests.conftest import log_in
from tests.factories import ImageFactory, PersonFactory, UserFactory
from tests.news.factories import ArticleFactory
from tests.news.test_admin import form_data
from tests.reports.factories import ReportFactory, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(groups=[COMMUNICATIONS], first_name="Kari", last_name="Nordmann")
    client.force_login(user)
    return user


def edit(client, article, comment="", **changes):
    article.refresh_from_db()
    data = form_data(article, revision_comment=comment, **changes)
    return client.post(reverse("admin:news_article_change", args=[article.pk]), data)


def test_an_admin_save_keeps_a_revision_with_who_when_and_the_comment(client, editor):
    article = ArticleFactory(draft=True)

    response = edit(client, article, "Retta ingressen", lead_nn="Ny ingress.")

    assert response.status_code == 302
    revision = Version.objects.get_for_object(article).get().revision
    assert revision.user == editor and revision.comment == "Retta ingressen"
    assert timezone.now() - revision.date_created < datetime.timedelta(minutes=1)


def test_the_change_form_offers_a_comment_field(client, editor):
    article = ArticleFactory(draft=True)
    response = client.get(reverse("admin:news_article_change", args=[article.pk]))
    assert 'name="revision_comment"' in response.content.decode()
    assert "Kommentar til endringa" in response.content.decode()


@pytest.mark.parametrize(
    ("action", "draft", "after"),
    [("publish", True, Status.PUBLISHED), ("unpublish", False, Status.DRAFT)],
)
def test_publish_and_unpublish_actions_keep_a_revision_by_the_publisher(
    client, editor, action, draft, after
):
    article = ArticleFactory(draft=draft)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": action, "_selected_action": [article.pk]},
    )
    version = Version.objects.get_for_object(article).get()
    assert version.revision.user == editor
    assert version.field_dict["status"] == after


def test_history_lists_revisions_in_the_editors_language_with_what_changed(client, editor):
    article = ArticleFactory(draft=True, title_nn="Fyrste tittel")
    edit(client, article, "Fyrste utkast")
    edit(client, article, "", title_nn="Andre tittel", body_en="<p>English body.</p>")

    response = client.get(reverse("admin:news_article_history", args=[article.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Historikk for «Andre tittel»" in page or "Andre tittel" in page
    assert "Fyrste utkast" in page
    assert "Tittel (nn)" in page and "Brødtekst (en)" in page
    assert "Samanlikn dei valde versjonane" in page


def test_compare_sets_two_revisions_side_by_side_per_language_with_changes_marked(client, editor):
    article = ArticleFactory(draft=True, title_nn="Gamal tittel", body_nn="<p>Eitt ord.</p>")
    edit(client, article)
    edit(client, article, title_nn="Ny tittel", body_nn="<p>Eitt <strong>nytt</strong> ord.</p>")
    older, newer = Version.objects.get_for_object(article).order_by("pk")

    response = client.get(
        reverse("admin:news_article_compare", args=[article.pk]),
        {"from": newer.pk, "to": older.pk},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<del>Gamal</del>" in page and "<ins>Ny</ins>" in page
    assert re.search(r"<ins>\s?nytt\s?</ins>", page)
    assert "&lt;strong&gt;" not in page and "<strong>nytt" not in page, "rich text shown as text"
    assert "Nynorsk" in page


def test_a_revision_page_shows_fields_per_language_and_related_rows(client, editor):
    person = PersonFactory(name="Jonas Vik")
    article = ArticleFactory(draft=True, authors=[person], body_nn="<p>Avsnitt ein.</p>")
    record_unversioned()
    version = Version.objects.get_for_object(article).get()

    response = client.get(reverse("admin:news_article_revision", args=[article.pk, version.pk]))

    page = response.content.decode()
    assert "Avsnitt ein." in page and "<p>Avsnitt" not in page
    assert "Jonas Vik" in page
    assert "Gjenopprett denne versjonen" in page


def test_restoring_a_draft_from_its_revision_page_makes_a_new_revision(client, editor):
    article = ArticleFactory(draft=True, title_nn="Fyrste")
    edit(client, article)
    first = Version.objects.get_for_object(article).get()
    edit(client, article, title_nn="Andre")

    response = client.post(reverse("admin:news_article_revision", args=[article.pk, first.pk]))

    assert response.status_code == 302
    assert response.url == reverse("admin:news_article_change", args=[article.pk])
    article.refresh_from_db()
    assert article.title_nn == "Fyrste" and article.status == Status.DRAFT
    assert Version.objects.get_for_object(article).count() == 3
    follow = client.get(response.url)
    assert "er eit utkast" in follow.content.decode()


def test_restoring_a_published_item_makes_its_draft_and_leaves_the_public_page(client, editor):
    article = ArticleFactory(title_nn="Publisert")
    edit(client, article, _publish="1")
    first = Version.objects.get_for_object(article).get()
    edit(client, article, title_nn="Endra", _publish="1")

    response = client.post(
        reverse("admin:news_article_revision", args=[article.pk, first.pk]), follow=True
    )

    assert "er publisert: den attoppretta teksten er utkastet" in response.content.decode()
    assert Article.objects.get(pk=article.pk).title_nn == "Endra"
    assert draft_for(article) is not None
    form = response.context["adminform"].form
    assert form["title_nn"].value() == "Publisert"


def test_recover_deleted_is_linked_from_the_list_and_brings_the_item_back(client, editor):
    article = ArticleFactory(title_nn="Sletta sak")
    record_unversioned()
    changelist = client.get(reverse("admin:news_article_changelist")).content.decode()
    recover_list = reverse("admin:news_article_recoverlist")
    assert recover_list in changelist and "Hent attende sletta" in changelist
    client.post(reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"})

    listing = client.get(recover_list).content.decode()
    deleted = Version.objects.get_deleted(Article).get()
    assert "Sletta sak" in listing and deleted.revision.user == editor
    preview = client.get(reverse("admin:news_article_recover", args=[deleted.pk]))
    assert "Sletta sak" in preview.content.decode()
    response = client.post(reverse("admin:news_article_recover", args=[deleted.pk]))

    recovered = Article.objects.get(pk=article.pk)
    assert response.status_code == 302 and recovered.status == Status.DRAFT


def test_recovering_a_report_whose_author_is_gone_says_what_could_not_come_back(
    client, private_root
):
    client.force_login(UserFactory(groups=[REPORT_ADMINISTRATORS]))
    author = PersonFactory(name="Samuel Okello")
    report = ReportFactory(draft=True, authors=[author], files=["en"])
    report_id = report.pk
    report.delete()
    author.delete()
    deleted = Version.objects.get_deleted(Report).get()

    response = client.post(reverse("admin:reports_report_recover", args=[deleted.pk]), follow=True)

    page = response.content.decode()
    recovered = Report.objects.get(pk=report_id)
    assert recovered.files.count() == 1 and not recovered.authors.exists()
    assert "Samuel Okello" in page and "kunne ikkje gjenopprettast" in page


def test_erase_person_action_removes_name_title_photo_and_says_what(
    client, media_root, django_capture_on_commit_callbacks
):
    log_in(client, UserFactory(is_superuser=True))
    photo = ImageFactory()
    photo_path = media_root / photo.file.name
    person = PersonFactory(name="Marte Lien", photo=photo)
    ArticleFactory(authors=[person])
    record_unversioned()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:norec_site_person_changelist"),
            {"action": "erase_personal_data", "_selected_action": [person.pk]},
            follow=True,
        )

    person.refresh_from_db()
    assert person.name == "–" and not person.job_title_en and person.photo_id is None
    assert not photo_path.exists() and not Image.objects.filter(pk=photo.pk).exists()
    assert "Marte Lien" not in " ".join(Version.objects.values_list("object_repr", flat=True))
    assert "Sletta namnet, stillingstittelen og biletet" in response.content.decode()


def command(name, *args):
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


def test_purge_deleted_removes_old_deleted_items_with_their_files_and_is_safe_twice(
    private_root, media_root, django_capture_on_commit_callbacks
):
    report = ReportFactory(draft=True, files=["en"])
    pdf = private_root / report.files.get().file.name
    recent = ReportFactory(draft=True, files=["nn"])
    recent_pdf = private_root / recent.files.get().file.name
    with time_machine.travel(timezone.now() - datetime.timedelta(days=100)):
        report.delete()
    recent.delete()

    with django_capture_on_commit_callbacks(execute=True):
        output = command("purge_deleted")

    assert "Purged 1 deleted item(s)" in output
    assert not pdf.exists()
    assert recent_pdf.exists(), "deleted 0 days ago: still recoverable"
    assert Version.objects.get_deleted(Report).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert "Purged 0 deleted item(s)" in command("purge_deleted")


def test_prune_revisions_thins_old_revisions_and_deletes_files_no_one_names(
    private_root, django_capture_on_commit_callbacks
):
    from reports.services import upload_report_file

    report = ReportFactory(draft=True)
    with time_machine.travel(timezone.now() - datetime.timedelta(days=400)):
        first = upload_report_file(report=report, language="en", upload=pdf_upload("Edition 1"))
        first_pdf = private_root / first.file.name
        upload_report_file(
            report=report, language="en", upload=pdf_upload("Edition 2"), report_file=first
        )
    current = upload_report_file(
        report=report, language="en", upload=pdf_upload("Edition 3"), report_file=first
    )
    before = Version.objects.get_for_object(report).count()

    with django_capture_on_commit_callbacks(execute=True):
        output = command("prune_revisions", "--keep", "2", "--older-than", "365")

    assert "Removed 1 revision(s)" in output
    assert Version.objects.get_for_object(report).count() == before - 1
    assert not first_pdf.exists()
    assert (private_root / current.file.name).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert "Removed 0 revision(s)" in command("prune_revisions", "--keep", "2")


def test_a_restored_revision_shows_in_the_history_with_its_comment(client, editor):
    article = ArticleFactory(draft=True)
    with reversion.create_revision():
        article.save()
    version = Version.objects.get_for_object(article).get()
    client.post(reverse("admin:news_article_revision", args=[article.pk, version.pk]))

    page = client.get(reverse("admin:news_article_history", args=[article.pk])).content.decode()
    assert "Gjenoppretta versjonen frå" in page
    assert Person.objects.count() == 0


def test_compare_can_show_only_what_changed(client, editor):
    article = ArticleFactory(draft=True, title_nn="Gamal", lead_nn="Same ingress.")
    edit(client, article)
    edit(client, article, title_nn="Ny")
    older, newer = Version.objects.get_for_object(article).order_by("pk")
    url = reverse("admin:news_article_compare", args=[article.pk])

    page = client.get(url, {"from": older.pk, "to": newer.pk, "only": "changes"}).content.decode()

    assert "<del>Gamal</del>" in page and "Same ingress." not in page
    assert "Vis alle felta" in page


def test_compare_without_two_revisions_goes_back_to_the_history_with_a_message(client, editor):
    article = ArticleFactory(draft=True)
    response = client.get(
        reverse("admin:news_article_compare", args=[article.pk]), {"from": "x"}, follow=True
    )
    assert "Vel to versjonar å samanlikne." in response.content.decode()


def test_a_user_who_may_only_view_sees_the_change_page_and_history_without_a_comment_field(
    client,
):
    from django.contrib.auth.models import Permission

    viewer = UserFactory()
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    article = ArticleFactory()  # published: view-only staff see no drafts
    record_unversioned()

    page = client.get(reverse("admin:news_article_change", args=[article.pk]))
    history = client.get(reverse("admin:news_article_history", args=[article.pk]))
    version = Version.objects.get_for_object(article).get()
    restore = client.post(reverse("admin:news_article_revision", args=[article.pk, version.pk]))

    assert page.status_code == 200 and 'name="revision_comment"' not in page.content.decode()
    assert history.status_code == 200
    assert restore.status_code == 403
