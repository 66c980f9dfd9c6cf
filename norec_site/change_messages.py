"""Field names in the admin's history in the reader's language.

Django stores a change's field labels in English ("Publication time",
"Title [en]") and translates them with gettext when the history is shown; but a
capitalised label, or modeltranslation's "[en]" suffix, is not a message id, so
they stayed English. We map each stored label back to its model field and show
that field's label in the active language.
"""

import json
from functools import cache

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.utils.text import capfirst
from django.utils.translation import override


@cache
def _fields_by_english_label():
    labels = {}
    with override(None):
        for model in apps.get_models():
            for field in model._meta.get_fields():
                verbose_name = getattr(field, "verbose_name", None)
                if verbose_name:
                    labels.setdefault(str(capfirst(verbose_name)), verbose_name)
    return labels


def translated_change_message(message):
    """The stored JSON change message with its field labels in the active language."""
    if not message or message[0] != "[":
        return message
    try:
        parts = json.loads(message)
    except json.JSONDecodeError:
        return message
    labels = _fields_by_english_label()
    for part in parts:
        changed = part.get("changed") if isinstance(part, dict) else None
        if changed and isinstance(changed.get("fields"), list):
            changed["fields"] = [
                str(capfirst(labels[name])) if name in labels else name
                for name in changed["fields"]
            ]
    return json.dumps(parts)


def translate_field_names_in_change_messages():
    original = LogEntry.get_change_message
    if getattr(original, "translates_field_names", False):
        return

    def get_change_message(self):
        stored = self.change_message
        self.change_message = translated_change_message(stored)
        try:
            return original(self)
        finally:
            self.change_message = stored

    get_change_message.translates_field_names = True
    LogEntry.get_change_message = get_change_message
