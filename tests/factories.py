"""Factories for the shared vocabulary: deterministic sequences, no random data."""

import io

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from norec_site.image_uploads import store_image
from norec_site.models import EditorPreference, Image, Organisation, Person, Topic

PASSWORD = "correct horse battery staple"  # every UserFactory user's


def picture_upload(name="photo.jpg", size=(1200, 800), image_format="JPEG", exif=None):
    """A real picture file, as the admin would receive it."""
    picture = PILImage.new("RGB", size, "#0b4f6c")
    picture.paste("#e0a526", (size[0] // 2, 0, size[0], size[1] // 2))
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    picture.save(buffer, format=image_format, **options)
    content_type = f"image/{image_format.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)
    is_staff = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))

    @factory.post_generation
    def admin_language(self, create, language, **kwargs):
        """The admin is in Nynorsk unless the user chose another language."""
        if create and language:
            EditorPreference.objects.create(user=self, admin_language=language)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Partner Organisation {n}")
    country = "KE"
    kind = Organisation.Kind.CIVIL_SOCIETY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    job_title_nn = "Seniorrådgjevar"
    job_title_nb = "Seniorrådgiver"
    job_title_en = "Senior Adviser"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name_nn = factory.Sequence(lambda n: f"Tema {n}")
    name_nb = factory.Sequence(lambda n: f"Tema {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")


class ImageFactory(factory.django.DjangoModelFactory):
    """A stored library image with its renditions, made from a generated JPEG."""

    class Meta:
        model = Image

    alt_nn = factory.Sequence(lambda n: f"Bilete {n}")
    alt_en = factory.Sequence(lambda n: f"Picture {n}")
    credit = "Norec"

    @classmethod
    def _create(cls, model_class, *args, upload=None, **kwargs):
        return store_image(model_class(**kwargs), upload=upload or picture_upload())


class SitePageFactory(factory.django.DjangoModelFactory):
    """A published site page in three languages (slugs from the titles)."""

    class Meta:
        model = "norec_site.SitePage"

    status = "published"
    title_nn = factory.Sequence(lambda n: f"Side {n}")
    title_nb = factory.Sequence(lambda n: f"Side {n} bokmål")
    title_en = factory.Sequence(lambda n: f"Page {n}")
    body_nn = "<p>Tekst på nynorsk.</p>"
    body_nb = "<p>Tekst på bokmål.</p>"
    body_en = "<p>Text in English.</p>"
