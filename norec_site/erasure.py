"""Erasing a person on request: name, job title and photo, live and in every revision."""

import json

import reversion
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.models import Revision, Version

from norec_site.languages import language_codes
from norec_site.models import Image, Person, Rendition

# What a byline shows instead of the name: no language, no hint of who it was.
ERASED_NAME = "–"


def _versions_naming(person):
    """Versions of registered rows that point to ``person`` (a byline, an author)."""
    for model in reversion.get_registered_models():
        links = [
            f for f in model._meta.concrete_fields if f.many_to_one and f.related_model is Person
        ]
        for version in Version.objects.get_for_model(model).iterator():
            fields = json.loads(version.serialized_data)[0]["fields"]
            if any(fields.get(link.name) == person.pk for link in links):
                yield version


def _used_elsewhere(image, person):
    for model in apps.get_models():
        if model is Rendition:  # the picture's own copies
            continue
        for field in model._meta.concrete_fields:
            if not (field.many_to_one and field.related_model is Image):
                continue
            users = model._base_manager.filter(**{field.name: image})
            if model is Person:
                users = users.exclude(pk=person.pk)
            if users.exists():
                return True
    return False


def _forget_photo(image):
    """The picture, its renditions and every revision of them, files included."""
    image_type = ContentType.objects.get_for_model(Image)
    versions = Version.objects.filter(content_type=image_type, object_id=str(image.pk))
    names = {image.file.name, *image.renditions.values_list("file", flat=True)}
    rendition_versions = []
    for version in Version.objects.get_for_model(Rendition).iterator():
        row = json.loads(version.serialized_data)[0]["fields"]
        if row.get("image") == image.pk:
            rendition_versions.append(version.pk)
            names.add(row.get("file"))
    revisions = set(versions.values_list("revision_id", flat=True))
    image.delete()  # its last revision is made here, and removed with the others below
    versions = Version.objects.filter(content_type=image_type, object_id=str(image.pk))
    revisions |= set(versions.values_list("revision_id", flat=True))
    versions.delete()
    Version.objects.filter(pk__in=rendition_versions).delete()
    Revision.objects.filter(pk__in=revisions, version__isnull=True).delete()
    storage = Image._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names if name])


def erase_person(person):
    """Remove a person's name, job title and photo everywhere the site keeps them."""
    counts = {"revisions": 0, "deleted": 0, "photo_removed": False, "photo_kept": False}
    with transaction.atomic():
        old_name, photo = person.name, person.photo
        person.name = ERASED_NAME
        for code in language_codes():
            setattr(person, f"job_title_{code}", "")
        person.job_title = ""
        person.photo = None
        person.save()
        for version in _versions_naming(person):
            version.object_repr = version.object_repr.replace(old_name, ERASED_NAME)
            version.save(update_fields=["object_repr"])
            counts["revisions"] += 1
            model = version._model
            if not model._base_manager.filter(pk=version.object_id).exists():
                counts["deleted"] += 1
        person_type = ContentType.objects.get_for_model(Person)
        LogEntry.objects.filter(content_type=person_type, object_id=str(person.pk)).update(
            object_repr=ERASED_NAME, change_message=""
        )
        if photo is not None:
            if _used_elsewhere(photo, person):
                counts["photo_kept"] = True
            else:
                _forget_photo(photo)
                counts["photo_removed"] = True
    return counts


@admin.action(
    description=_("Erase name, job title and photo (privacy request)"), permissions=("change",)
)
def erase_personal_data(modeladmin, request, queryset):
    people = revisions = deleted = photos = kept = 0
    for person in queryset.select_related("photo"):
        counts = erase_person(person)
        people += 1
        revisions += counts["revisions"]
        deleted += counts["deleted"]
        photos += counts["photo_removed"]
        kept += counts["photo_kept"]
    modeladmin.message_user(
        request,
        ngettext(
            "Erased the name, job title and photo of %(people)d person: from the live row, "
            "%(revisions)d saved revision(s) (%(deleted)d of deleted items) and the admin log; "
            "%(photos)d photo(s) removed with their files.",
            "Erased the names, job titles and photos of %(people)d people: from the live rows, "
            "%(revisions)d saved revision(s) (%(deleted)d of deleted items) and the admin log; "
            "%(photos)d photo(s) removed with their files.",
            people,
        )
        % {"people": people, "revisions": revisions, "deleted": deleted, "photos": photos},
        messages.SUCCESS,
    )
    if kept:
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d photo is also used elsewhere on the site, so it stays in the media "
                "library; it no longer belongs to the person.",
                "%(count)d photos are also used elsewhere on the site, so they stay in the media "
                "library; they no longer belong to the people.",
                kept,
            )
            % {"count": kept},
            messages.WARNING,
        )
