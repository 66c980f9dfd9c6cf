"""Revisions as editors read them: per language, rich text as text, related items by name.

A ``Snapshot`` is one revision of one item; ``compare`` sets two side by side with the
changed words marked. Written with difflib rather than django-reversion-compare: that
compares model fields one by one (``title`` beside ``title_nn``, ``title_nb``...), while
editors compare per language, and inline rows and chosen items by name.
"""

import datetime
import html
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from reversion.models import Version
from reversion.revisions import _get_options

from norec_site.history import file_fields
from norec_site.history_restore import version_tree

# Bookkeeping that every save changes; an editor never typed it.
HIDDEN_FIELDS = {"created_at", "updated_at", "updated_by", "version", "uploaded_by"}
BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|pre)>|<br\s*/?>", re.IGNORECASE)
TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def html_to_text(value):
    """Rich text as an editor reads it: one line per paragraph, no tags."""
    text = BLOCK_END.sub("\n", value or "")
    text = re.sub(r"<li[^>]*>", "• ", text, flags=re.IGNORECASE)
    text = html.unescape(strip_tags(text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


@dataclass
class Snapshot:
    version: Version
    languages: list = field(default_factory=list)  # (code, name, [(label, text)])
    common: list = field(default_factory=list)  # (label, text)
    rows: list = field(default_factory=list)  # (label, [text]): inline rows by name

    @property
    def revision(self):
        return self.version.revision


def _name_of(model, pk, names):
    """The related row's name; ``names`` remembers them across the snapshots of a page."""
    key = (model, str(pk))
    if key not in names:
        obj = model._base_manager.filter(pk=pk).first()
        names[key] = (
            str(obj)
            if obj is not None
            else _("%(what)s #%(pk)s (deleted)") % {"what": model._meta.verbose_name, "pk": pk}
        )
    return names[key]


def _display(model_field, value, rich, names):
    if value is None or value == "" or value == []:
        return ""
    if isinstance(model_field, models.ManyToManyField):
        return "\n".join(_name_of(model_field.related_model, pk, names) for pk in sorted(value))
    if model_field.is_relation:
        return _name_of(model_field.related_model, value, names)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.FileField):
        return str(getattr(value, "name", value)).rsplit("/", 1)[-1]
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return date_format(localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return html_to_text(value) if rich else str(value)


def _shown_fields(model):
    fields = []
    for name in _get_options(model).fields:
        model_field = model._meta.get_field(name)
        through = getattr(model_field.remote_field, "through", None)
        if through is not None and not through._meta.auto_created:
            continue  # its rows are inline rows, shown by name
        if model_field.editable and name not in HIDDEN_FIELDS and not model_field.primary_key:
            fields.append(model_field)
    return fields


def _row_text(item):
    names = [
        str(item.field_dict.get(f.attname) or "").rsplit("/", 1)[-1]
        for f in file_fields(item._model)
    ]
    return " · ".join([item.object_repr, *filter(None, names)])


def snapshot(version, names=None):
    """What one revision of an item holds, ready to show."""
    names = {} if names is None else names
    model = version._model
    rich_names = set(getattr(model, "rich_text_fields", ()))
    data = version.field_dict
    by_language = {code: [] for code, _name in settings.LANGUAGES}
    shot = Snapshot(version=version)
    for model_field in _shown_fields(model):
        original = getattr(model_field, "translated_field", None)
        rich = (original.name if original else model_field.name) in rich_names
        value = _display(model_field, data.get(model_field.attname), rich, names)
        if original is not None and model_field.language in by_language:
            by_language[model_field.language].append((capfirst(original.verbose_name), value))
        else:
            shot.common.append((capfirst(model_field.verbose_name), value))
    shot.languages = [
        (code, name, by_language[code]) for code, name in settings.LANGUAGES if by_language[code]
    ]
    children = {}
    for item in version_tree(version)[1:]:
        parent = _parent_field(item._model, model)
        if parent and str(item.field_dict.get(parent.attname)) == str(version.object_id):
            label = capfirst(item._model._meta.verbose_name_plural)
            children.setdefault(label, []).append(_row_text(item))
    for name in _get_options(model).follow:
        relation = model._meta.get_field(name)
        if not relation.concrete:
            children.setdefault(capfirst(relation.related_model._meta.verbose_name_plural), [])
    shot.rows = sorted(children.items())
    return shot


def _parent_field(child_model, parent_model):
    for model_field in child_model._meta.concrete_fields:
        if model_field.many_to_one and model_field.related_model is parent_model:
            return model_field
    return None


# Comparing ---------------------------------------------------------------------------


def highlight(old, new):
    """Both texts, escaped, with the words that differ in ``<del>`` and ``<ins>``."""
    before, after = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    left, right = [], []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = escape("".join(before[i1:i2])), escape("".join(after[j1:j2]))
        if operation == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    # Every piece was escaped above; only our <del> and <ins> are markup.
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308


@dataclass
class Line:
    label: str
    old: str
    new: str
    changed: bool


def _lines(old_pairs, new_pairs):
    old, new = dict(old_pairs), dict(new_pairs)
    labels = list(dict.fromkeys([*old, *new]))
    lines = []
    for label in labels:
        before, after = old.get(label, ""), new.get(label, "")
        if isinstance(before, list):
            before, after = "\n".join(before), "\n".join(after or [])
        changed = before != after
        left, right = highlight(before, after) if changed else (escape(before), escape(after))
        lines.append(Line(label, left, right, changed))
    return lines


def compare(old, new):
    """Two snapshots side by side: per language, then fields in common, then rows."""
    old_languages = {code: pairs for code, _name, pairs in old.languages}
    new_languages = {code: pairs for code, _name, pairs in new.languages}
    sections = []
    for code, name in settings.LANGUAGES:
        if code in old_languages or code in new_languages:
            lines = _lines(old_languages.get(code, []), new_languages.get(code, []))
            sections.append((name, code, lines))
    sections.append((_("In every language"), "", _lines(old.common, new.common)))
    sections.append((_("Related rows"), "", _lines(old.rows, new.rows)))
    return sections


def changed_labels(old, new):
    """What changed from one revision to the next, in a few words."""
    labels = []
    for _section, code, lines in compare(old, new):
        labels += [
            f"{line.label} ({code})" if code else line.label for line in lines if line.changed
        ]
    return labels
