"""The media library knows where each picture is used, and keeps covers apart."""

import pytest
from django.urls import reverse

from news.models import Article
from norec_site.groups import COMMUNICATIONS, PROJECT_EDITORS
from norec_site.models import Image
from tests.factories import ImageFactory, PersonFactory, UserFactory
from tests.news.factories import ArticleFactory
from tests.projects.factories import ProjectFactory
from tests.reports.factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(groups=[COMMUNICATIONS, PROJECT_EDITORS])
    client.force_login(user)
    return user


def change_url(model_object):
    opts = model_object._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[model_object.pk])


def delete_url(image):
    return reverse("admin:norec_site_image_delete", args=[image.pk])


# Used in -------------------------------------------------------------------------


def test_change_page_lists_every_item_and_person_that_uses_the_picture(client, editor):
    image = ImageFactory()
    article = ArticleFactory(title_nn="Utveksling i Hanoi", image=image)
    project = ProjectFactory(images=[image])
    person = PersonFactory(name="Kari Nordmann", photo=image)
    ImageFactory()  # another picture, used nowhere
    html = client.get(change_url(image)).content.decode()
    assert "Brukt i" in html
    for item in (article, project, person):
        assert f'<a href="{change_url(item)}">{item}</a>' in html


def test_change_page_of_an_unused_picture_says_so(client, editor):
    html = client.get(change_url(ImageFactory())).content.decode()
    assert "Ikkje brukt nokon stad enno." in html


def test_a_report_cover_is_used_by_its_report(client, editor):
    report = ReportFactory(files=["en"])
    cover = report.files.get().cover
    html = client.get(change_url(cover)).content.decode()
    assert f'<a href="{change_url(report)}">{report}</a>' in html


# Delete --------------------------------------------------------------------------


def test_delete_confirmation_lists_the_items_that_use_it_not_its_renditions(client, editor):
    image = ImageFactory()
    draft = ArticleFactory(draft=True, image=image)
    html = client.get(delete_url(image)).content.decode()
    assert f'<a href="{change_url(draft)}">{draft}</a>' in html
    assert "rendition" not in html.lower() and "original" not in html
    assert "vil ikkje ha noko bilete etterpå" in html

    response = client.post(delete_url(image), {"post": "yes"})
    assert response.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()
    draft.refresh_from_db()
    assert draft.image is None


def test_delete_is_refused_while_a_published_article_uses_the_picture(client, editor):
    image = ImageFactory()
    article = ArticleFactory(image=image)
    response = client.get(delete_url(image))
    html = response.content.decode()
    assert "Publisert eller planlagt innhald brukar dette biletet" in html
    assert f'<a href="{change_url(article)}">{article}</a>' in html
    assert 'name="post"' not in html

    client.post(delete_url(image), {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()
    assert Article.objects.get(pk=article.pk).image == image


def test_bulk_delete_is_refused_when_one_picture_is_in_published_use(client, editor):
    unused, used = ImageFactory(), ImageFactory()
    ArticleFactory(image=used)
    changelist = reverse("admin:norec_site_image_changelist")
    data = {"action": "delete_selected", "_selected_action": [unused.pk, used.pk]}
    html = client.post(changelist, data).content.decode()
    assert "Publisert eller planlagt innhald brukar nokre av desse bileta" in html

    client.post(changelist, {**data, "post": "yes"})
    assert Image.objects.filter(pk__in=[unused.pk, used.pk]).count() == 2


def test_bulk_delete_of_pictures_in_draft_use_lists_the_items(client, editor):
    image = ImageFactory()
    draft = ArticleFactory(draft=True, image=image)
    changelist = reverse("admin:norec_site_image_changelist")
    data = {"action": "delete_selected", "_selected_action": [image.pk]}
    html = client.post(changelist, data).content.decode()
    assert f'<a href="{change_url(draft)}">{draft}</a>' in html
    client.post(changelist, {**data, "post": "yes"})
    assert not Image.objects.filter(pk=image.pk).exists()


def test_delete_is_refused_while_a_draft_project_shows_it_in_its_gallery(client, editor):
    image = ImageFactory()
    project = ProjectFactory(images=[image], status="draft")
    html = client.get(delete_url(image)).content.decode()
    assert f'<a href="{change_url(project)}">{project}</a>' in html
    client.post(delete_url(image), {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()


# Report covers -----------------------------------------------------------------


def test_report_covers_are_marked_and_filtered_apart_from_pictures(client, editor):
    picture = ImageFactory()
    cover = ReportFactory(files=["en"]).files.get().cover
    assert cover.kind == Image.Kind.COVER and picture.kind == Image.Kind.PICTURE
    changelist = reverse("admin:norec_site_image_changelist")
    listed = client.get(changelist, {"kind__exact": "picture"}).context["cl"].result_list
    assert list(listed) == [picture]
    listed = client.get(changelist, {"kind__exact": "cover"}).context["cl"].result_list
    assert list(listed) == [cover]


def autocomplete(client, model_name, field_name, app_label):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": ""},
    )
    assert response.status_code == 200
    return {int(result["id"]) for result in response.json()["results"]}


def test_article_and_project_pickers_leave_out_report_covers(client, editor):
    picture = ImageFactory()
    cover = ReportFactory(files=["en"]).files.get().cover
    assert autocomplete(client, "article", "image", "news") == {picture.pk}
    assert autocomplete(client, "projectimage", "image", "projects") == {picture.pk}
    assert cover.pk not in autocomplete(client, "article", "image", "news")


def test_a_cover_posted_as_an_article_picture_is_a_form_error(client, editor):
    from tests.news.test_admin import form_data

    cover = ReportFactory(files=["en"]).files.get().cover
    article = ArticleFactory()
    response = client.post(change_url(article), form_data(article, image=cover.pk))
    assert response.status_code == 200
    assert "image" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.image is None


def test_covers_already_chosen_as_pictures_stay_pictures_so_their_items_can_be_saved(
    client, editor
):
    """Before covers were kept apart, an editor could pick one for an article or gallery."""
    import importlib

    from django.apps import apps

    from tests.news.test_admin import form_data

    covers = [ReportFactory(files=["en"]).files.get().cover for _ in range(3)]
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(image=covers[0])
    ProjectFactory(images=[covers[1]])
    for app in ("news", "projects"):
        migration = importlib.import_module(f"{app}.migrations.0006_chosen_covers_stay_pictures")
        migration.chosen_covers_stay_pictures(apps, None)

    kinds = [Image.objects.get(pk=cover.pk).kind for cover in covers]
    assert kinds == [Image.Kind.PICTURE, Image.Kind.PICTURE, Image.Kind.COVER]
    article.refresh_from_db()
    response = client.post(change_url(article), form_data(article, lead_nn="Ny ingress."))
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).image_id == covers[0].pk
