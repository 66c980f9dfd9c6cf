"""Which language versions were written from which, and which may be out of date.

After every save of a content item, ``refresh_translation_status`` compares each
language's text with what its translation was made from. A version is flagged
"may be out of date" when its source changed without it, until an editor confirms
it; machine-translated fields keep their mark until an editor edits or confirms them.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from modeltranslation.translator import translator

from norec_site.languages import language_codes
from norec_site.models import TranslationStatus
from norec_site.registry import content_models


def text_fields(model):
    """The model's translated text fields (base names), slugs left out."""
    translated = translator.get_options_for_model(model).fields
    names = []
    for name in [f.name for f in model._meta.fields if f.name in translated]:
        field = model._meta.get_field(name)
        if isinstance(field, models.SlugField) or not isinstance(
            field, models.CharField | models.TextField
        ):
            continue
        names.append(name)
    return names


def digest(value):
    return hashlib.sha1((value or "").encode(), usedforsecurity=False).hexdigest()


def language_digest(item, language):
    parts = [getattr(item, f"{name}_{language}", "") or "" for name in text_fields(type(item))]
    return digest("\x1f".join(parts))


def statuses_for(item):
    content_type = ContentType.objects.get_for_model(item)
    rows = TranslationStatus.objects.filter(content_type=content_type, object_id=item.pk)
    return {row.language: row for row in rows}


def refresh_translation_status(item):
    """Bring the item's language versions up to date with what was just saved."""
    statuses = statuses_for(item)
    available = item.available_languages()
    original = next((code for code, row in statuses.items() if not row.source_language), None)
    original = original or (available[0] if available else None)
    content_type = ContentType.objects.get_for_model(item)
    for code in language_codes():
        row = statuses.get(code)
        own = language_digest(item, code)
        if row is None:
            if code not in available:
                continue
            source = "" if code == original else original
            TranslationStatus.objects.create(
                content_type=content_type,
                object_id=item.pk,
                language=code,
                source_language=source or "",
                source_digest=language_digest(item, source) if source else "",
                own_digest=own,
            )
            continue
        changed = False
        if row.source_language:
            source_now = language_digest(item, row.source_language)
            if source_now != row.source_digest:
                if own != row.own_digest:
                    # Both changed in the same save: the editor updated them together.
                    row.source_digest = source_now
                    row.out_of_date = False
                elif not row.out_of_date:
                    row.out_of_date = True
                changed = True
        kept = {
            name: value
            for name, value in row.machine_fields.items()
            if digest(getattr(item, f"{name}_{code}", "")) == value
        }
        if kept != row.machine_fields:
            row.machine_fields = kept
            changed = True
        if own != row.own_digest:
            row.own_digest = own
            changed = True
        if changed:
            row.save()


def record_machine_translation(item, *, source, target, fields, user=None):
    """Mark ``fields`` of ``target`` as machine text made from ``source``."""
    TranslationStatus.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        language=target,
        defaults={
            "source_language": source,
            "source_digest": language_digest(item, source),
            "own_digest": language_digest(item, target),
            "out_of_date": False,
            "machine_fields": {
                name: digest(getattr(item, f"{name}_{target}", "")) for name in fields
            },
        },
    )


def confirm_translation(item, language, user):
    """The editor has checked ``language``: no machine marks, not out of date."""
    row = statuses_for(item).get(language)
    if row is None:
        return
    if row.source_language:
        row.source_digest = language_digest(item, row.source_language)
    row.own_digest = language_digest(item, language)
    row.out_of_date = False
    row.machine_fields = {}
    row.confirmed_at = timezone.now()
    row.confirmed_by = user
    row.save()


def unconfirmed_machine_fields(item):
    """{language: [field, ...]} of machine text nobody has checked yet."""
    if not item.pk:
        return {}
    return {
        code: sorted(row.machine_fields)
        for code, row in statuses_for(item).items()
        if row.machine_fields
    }


def _refresh_on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_translation_status(instance)


def connect_signals():
    from django.db.models.signals import post_save

    for model in content_models():
        post_save.connect(_refresh_on_save, sender=model, dispatch_uid=f"translation-{model}")
