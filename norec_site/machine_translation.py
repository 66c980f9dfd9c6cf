"""A first draft of the other written form (Nynorsk ⇄ Bokmål) from Apertium.

``machine_translate`` fills the item's empty fields in the target language and
saves it through ``save_machine_translation``, the one place that writes
machine text: the admin button and action and ``manage.py machine_translate``
all go through it.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3
from django.urls import Resolver404, resolve, translate_url
from django.utils.translation import gettext as _
from django.utils.translation import override

from norec_site import apertium
from norec_site.models import SlugRedirect
from norec_site.registry import content_models
from norec_site.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES
from norec_site.translation_status import record_machine_translation, text_fields

MachineTranslationError = apertium.ApertiumError


@dataclass
class MachineTranslation:
    fields: list[str] = field(default_factory=list)
    unsure_words: list[str] = field(default_factory=list)


def _item_for_path(path, language):
    """The content item whose page in ``language`` is ``path``, if any."""
    with override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    slug = match.kwargs.get("slug")
    if not slug:
        return None
    for model in content_models():
        if model.url_name == match.view_name:
            item = model._default_manager.filter(**{f"slug_{language}": slug}).first()
            if item is None:
                redirect = SlugRedirect.objects.filter(language=language, old_slug=slug).first()
                item = redirect.item if redirect else None
            return item if isinstance(item, model) else None
    return None


def translate_link(href, *, source, target):
    """A link to a page in ``source`` becomes the same page in ``target`` when it has one."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith(f"/{source}/"):
        return href
    item = _item_for_path(parts.path, source)
    if item is not None:
        if target not in item.available_languages():
            return href
        new_path = item.get_absolute_url(target)
    else:
        # translate_url resolves the path in the active language: make that the source.
        with override(source):
            new_path = translate_url(parts.path, target)
        if new_path == parts.path:
            return href
    return (
        new_path
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def _translate_html(html, *, source, target, unsure):
    translated = apertium.translate(html, source=source, target=target, rich=True)
    unsure += translated.unsure_words

    # Apertium leaves attributes alone: links are pointed at the other language's
    # pages, and titles are translated as plain text (or dropped if that fails).
    def attribute_filter(tag, name, value):
        if name == "href":
            return translate_link(value, source=source, target=target)
        if name in {"title", "alt"}:
            try:
                result = apertium.translate(value, source=source, target=target)
            except apertium.ApertiumError:
                return None
            unsure.extend(result.unsure_words)
            return result.text.strip() or None
        return value

    return nh3.clean(
        translated.text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=attribute_filter,
    )


def translated_fields(item, *, source, target):
    """{field: text} for every empty ``target`` field whose ``source`` field is written."""
    model = type(item)
    values, unsure = {}, []
    for name in text_fields(model):
        original = getattr(item, f"{name}_{source}", "") or ""
        if not original.strip() or (getattr(item, f"{name}_{target}", "") or "").strip():
            continue
        if name in model.rich_text_fields:
            text = _translate_html(original, source=source, target=target, unsure=unsure)
        else:
            result = apertium.translate(original, source=source, target=target)
            unsure += result.unsure_words
            text = result.text
        max_length = model._meta.get_field(f"{name}_{target}").max_length
        values[name] = text[:max_length] if max_length else text
    return values, unsure


def save_machine_translation(item, *, source, target, values, user=None):
    """Write machine text into ``item`` and save it the normal way, marked for checking.

    A published item gets it in its draft: the public never sees unchecked machine text
    before someone who may publish publishes it.
    """
    from norec_site.drafts import change_into_draft, goes_into_draft

    def write(obj):
        for name, text in values.items():
            setattr(obj, f"{name}_{target}", text)
        if user is not None:
            obj.updated_by = user
        obj.full_clean()
        obj.save()
        return obj

    if goes_into_draft(item):
        comment = _("Machine translation to %(language)s") % {"language": target}
        item = change_into_draft(item, user, write, comment)
    else:
        item = write(item)
    record_machine_translation(item, source=source, target=target, fields=list(values), user=user)
    return item


def machine_translate(item, *, source, target, user=None):
    """Fill ``item``'s empty ``target`` fields from ``source`` with Apertium, and save.

    A published item with a draft is translated from its draft, whose fields the editor
    may already have written.
    """
    from norec_site.drafts import goes_into_draft, showing_draft

    if not apertium.is_available(source, target):
        raise MachineTranslationError(apertium.unavailable_reason(source, target))
    if goes_into_draft(item):
        with showing_draft(item, user) as shown:
            values, unsure = translated_fields(shown, source=source, target=target)
    else:
        values, unsure = translated_fields(item, source=source, target=target)
    if values:
        save_machine_translation(item, source=source, target=target, values=values, user=user)
    return MachineTranslation(fields=list(values), unsure_words=sorted(set(unsure)))
