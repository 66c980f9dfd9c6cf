"""Revisions: what records them, restoring and recovering, and the files they keep."""

import datetime

import pytest
import reversion
from django.utils import timezone
from reversion.models import Revision, Version

from news.models import Article, ArticleAuthor
from norec_site.drafts import showing_draft
from norec_site.history import (
    files_named_by_revisions,
    record_unversioned,
    restore_revision,
)
from norec_site.image_uploads import store_image
from norec_site.models import Image, Person, Status
from reports.models import Report, ReportFile
from reports.services import upload_report_file
from tests.factories import ImageFactory, PersonFactory, TopicFactory, UserFactory
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory, pdf_upload

pytestmark = pytest.mark.django_db


def versions_of(obj):
    return Version.objects.get_for_object(obj).select_related("revision")


def save_revision(obj, user=None, comment=""):
    with reversion.create_revision():
        if user:
            reversion.set_user(user)
        reversion.set_comment(comment)
        obj.save()


def test_services_make_revisions_of_what_they_write():
    image = ImageFactory()
    report = ReportFactory(files=["en"])
    project = ProjectFactory()

    assert versions_of(image).exists()
    report_version = versions_of(report).first()
    assert report_version is not None
    tree_types = {v._model for v in report_version.revision.version_set.all()}
    assert {Report, ReportFile, Image} <= tree_types
    assert versions_of(project).exists()


def test_demo_content_without_a_revision_gets_one_each():
    first, second = ArticleFactory(), ArticleFactory()

    assert record_unversioned() == 2
    assert record_unversioned() == 0  # safe to run twice

    assert versions_of(first).get().revision != versions_of(second).get().revision
    assert versions_of(first).get().revision.comment == "Demo content"


def test_deleting_an_item_keeps_a_last_revision_that_dates_it():
    article = ArticleFactory(draft=True)
    record_unversioned()
    article_id = article.pk

    article.delete()

    deleted = Version.objects.get_deleted(Article).get(object_id=str(article_id))
    assert deleted.revision.comment == "Deleted"
    assert timezone.now() - deleted.revision.date_created < datetime.timedelta(minutes=1)


def test_restore_of_a_draft_reverts_it_as_a_new_revision_with_the_version_moving_on(english):
    editor = UserFactory()
    article = ArticleFactory(draft=True, title_nn="Første tittel", lead_nn="Første ingress.")
    save_revision(article, editor, "first")
    first = versions_of(article).first()
    article.title_nn, article.lead_nn = "Andre tittel", "Andre ingress."
    save_revision(article, editor, "second")
    version_before = Article.objects.get(pk=article.pk).version

    result = restore_revision(first, editor)

    article.refresh_from_db()
    assert (article.title_nn, article.lead_nn) == ("Første tittel", "Første ingress.")
    assert article.status == Status.DRAFT
    assert article.version == version_before + 1
    assert versions_of(article).count() == 3, "the second revision stays in the history"
    newest = versions_of(article).order_by("-pk").first().revision
    assert newest.user == editor and "Restored" in newest.comment
    assert result.left_out == []


def test_restoring_a_published_item_makes_its_draft_and_changes_nothing_live(english):
    article = ArticleFactory(title_nn="Publisert")
    save_revision(article)
    article.title_nn = "Endra"
    save_revision(article)

    result = restore_revision(versions_of(article).last(), UserFactory())

    assert result.into_draft
    assert Article.objects.get(pk=article.pk).title_nn == "Endra"
    with showing_draft(article) as shown:
        assert shown.title_nn == "Publisert"


def test_recovering_a_deleted_report_brings_back_its_files_authors_text_and_cover(
    private_root, media_root
):
    author = PersonFactory(name="Ingrid Haugland")
    report = ReportFactory(draft=True, authors=[author], files=["en"])
    report_file = report.files.get()
    pdf_path = private_root / report_file.file.name
    cover_path = media_root / report_file.cover.file.name
    report_id, downloads = report.pk, 0

    report.delete()
    assert pdf_path.exists() and cover_path.exists(), "a recoverable item keeps its files"

    deleted = Version.objects.get_deleted(Report).get(object_id=str(report_id))
    result = restore_revision(deleted, UserFactory())

    recovered = Report.objects.get(pk=report_id)
    assert result.recovered and result.left_out == []
    assert recovered.status == Status.DRAFT
    assert list(recovered.authors.all()) == [author]
    restored_file = recovered.files.get()
    assert (
        restored_file.file.name == report_file.file.name and restored_file.downloads == downloads
    )
    assert "sør-sør-samarbeid" in restored_file.text
    assert "sør-sør-samarbeid" in Report.objects.values_list("pdf_text", flat=True).get()
    assert recovered.cover_id == restored_file.cover_id
    assert restored_file.cover.renditions.exists()


def test_restore_whose_person_and_topic_are_gone_restores_the_rest_and_says_what(english):
    person = PersonFactory(name="Samuel Okello")
    topic = TopicFactory(name_en="Health")
    article = ArticleFactory(draft=True, authors=[person], topics=[topic], title_nn="Med byline")
    save_revision(article)
    old = versions_of(article).first()
    ArticleAuthor.objects.filter(article=article).delete()
    article.title_nn = "Utan byline"
    save_revision(article)
    person.delete()
    topic.delete()

    result = restore_revision(old, UserFactory())

    article.refresh_from_db()
    assert article.title_nn == "Med byline"
    assert not article.bylines.exists()
    assert not article.topics.exists()
    said = " ".join(map(str, result.left_out))
    assert "Samuel Okello" in said and "could not be restored" in said
    assert "topics: 1 chosen item(s) no longer exist" in said


def test_recovered_item_whose_slug_was_taken_gets_a_new_one():
    article = ArticleFactory(draft=True, title_nn="Same tittel")
    record_unversioned()
    slug, article_id = article.slug_nn, article.pk
    article.delete()
    ArticleFactory(title_nn="Same tittel", slug_nn=slug)

    deleted = Version.objects.get_deleted(Article).get(object_id=str(article_id))
    result = restore_revision(deleted, UserFactory())

    recovered = Article.objects.get(pk=article_id)
    assert recovered.slug_nn and recovered.slug_nn != slug
    assert any(slug in str(line) for line in result.left_out)


def test_restoring_an_older_report_revision_brings_back_the_replaced_pdf(private_root):
    report = ReportFactory(draft=True)
    first = upload_report_file(report=report, language="en", upload=pdf_upload("Old edition"))
    old_name = first.file.name
    old_revision_version = versions_of(report).order_by("-pk").first()
    upload_report_file(
        report=report, language="en", upload=pdf_upload("New edition"), report_file=first
    )
    assert (private_root / old_name).exists()
    assert old_name in files_named_by_revisions()

    restore_revision(old_revision_version, UserFactory())

    restored = ReportFile.objects.get(report=report)
    assert restored.file.name == old_name
    assert "Old edition" in restored.text
    assert "Old edition" in Report.objects.values_list("pdf_text", flat=True).get(pk=report.pk)


def test_files_named_by_revisions_lists_pictures_renditions_and_pdfs():
    image = ImageFactory()
    old_names = {image.file.name, *image.renditions.values_list("file", flat=True)}
    image.focal_x = 10
    store_image(image)  # new renditions; the old ones stay named by the first revision
    report = ReportFactory(files=["en"])

    named = files_named_by_revisions()

    assert old_names <= named
    assert set(image.renditions.values_list("file", flat=True)) <= named
    assert report.files.get().file.name in named


def test_a_restore_that_cannot_find_a_file_leaves_that_row_out(private_root, english):
    report = ReportFactory(draft=True, files=["en"])
    report_id = report.pk
    name = report.files.get().file.name
    report.delete()
    (private_root / name).unlink()

    deleted = Version.objects.get_deleted(Report).get(object_id=str(report_id))
    result = restore_revision(deleted, UserFactory())

    assert Report.objects.filter(pk=report_id).exists()
    assert not ReportFile.objects.filter(report_id=report_id).exists()
    assert any("no longer stored" in str(line) for line in result.left_out)


def test_erasing_a_person_clears_live_row_revisions_and_deleted_items(media_root):
    from norec_site.erasure import erase_person

    photo = ImageFactory()
    photo_files = [media_root / photo.file.name]
    person = PersonFactory(name="Marte Lien", photo=photo)
    kept = ArticleFactory(authors=[person])
    gone = ArticleFactory(authors=[person])
    record_unversioned()
    gone.delete()

    counts = erase_person(person)

    person.refresh_from_db()
    assert person.name == "–" and person.job_title_nn == "" and person.photo is None
    reprs = Version.objects.get_for_model(ArticleAuthor).values_list("object_repr", flat=True)
    assert reprs and not any("Marte Lien" in text for text in reprs)
    assert counts["revisions"] >= 2 and counts["deleted"] >= 1 and counts["photo_removed"]
    assert not Image.objects.filter(pk=photo.pk).exists()
    assert not Version.objects.get_for_model(Image).filter(object_id=str(photo.pk)).exists()
    assert Person.objects.filter(pk=person.pk).exists() and kept.bylines.exists()
    assert photo_files  # deleted after the commit: see the admin test that commits


def test_revisions_are_kept_per_item_not_per_bulk_write():
    articles = [ArticleFactory(draft=True) for _ in range(2)]
    record_unversioned()
    Article.objects.filter(pk__in=[a.pk for a in articles]).delete()

    deleted = Version.objects.get_deleted(Article)
    assert deleted.count() == 2
    assert len({version.revision_id for version in deleted}) == 2
    assert Revision.objects.filter(comment="Deleted").count() == 2


def test_recovering_a_deleted_picture_brings_back_its_renditions_and_files(media_root):
    image = ImageFactory(alt_nn="Sletta bilete")
    names = [image.file.name, *image.renditions.values_list("file", flat=True)]
    image_id, count = image.pk, image.renditions.count()
    image.delete()
    assert all((media_root / name).exists() for name in names)

    deleted = Version.objects.get_deleted(Image).get(object_id=str(image_id))
    restore_revision(deleted, UserFactory())

    recovered = Image.objects.get(pk=image_id)
    assert recovered.alt_nn == "Sletta bilete" and recovered.renditions.count() == count
    assert sorted(
        [recovered.file.name, *recovered.renditions.values_list("file", flat=True)]
    ) == sorted(names)


def test_restoring_a_project_brings_back_its_partners_and_recomputes_facets():
    from projects.models import Partnership, Project

    project = ProjectFactory(
        status=Status.DRAFT, partners=(("KE", "civil_society"), ("UG", "public"))
    )
    first = versions_of(project).order_by("pk").first()
    with reversion.create_revision():
        Partnership.objects.filter(project=project, role=Partnership.Role.PARTNER).delete()
        project.refresh_from_db()
        project.save()
    assert Project.objects.get(pk=project.pk).countries == ["KE"]

    restore_revision(first, UserFactory())

    restored = Project.objects.get(pk=project.pk)
    assert restored.partnerships.count() == 2
    assert restored.countries == ["KE", "UG"]


def test_reprocessing_a_pdf_keeps_a_revision_of_the_new_cover():
    from reports.services import reprocess_file

    report = ReportFactory(files=["en"])
    before = versions_of(report).count()

    reprocess_file(report.files.get())

    assert versions_of(report).count() == before + 1
    newest = versions_of(report).order_by("-pk").first()
    assert newest.field_dict["cover_id"] == Report.objects.get(pk=report.pk).cover_id


def test_every_demo_item_has_a_revision_so_deleted_demo_content_can_be_recovered():
    from django.core.management import call_command

    from norec_site.history import recoverable_models
    from projects.models import Project

    call_command("seed_demo", verbosity=0)
    for model in recoverable_models():
        versioned = Version.objects.get_for_model(model).values_list("object_id", flat=True)
        assert {str(pk) for pk in model.objects.values_list("pk", flat=True)} <= set(versioned)
    project = Project.objects.first()
    project_id, partners = project.pk, project.partnerships.count()
    project.delete()

    restore_revision(Version.objects.get_deleted(Project).get(), UserFactory())

    assert Project.objects.get(pk=project_id).partnerships.count() == partners
