"""Stored files against the rows that name them, for each media storage.

Every file field of every model counts, so a new model with files needs nothing here.
Files that no current row names but that must stay (those of revisions, or of deleted
items that can still be restored) are declared with ``keep_names_from``.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.functional import LazyObject, empty

_keepers = []


def keep_names_from(provider):
    """Register ``provider(alias)``: names in that storage that are never orphans.

    ``alias`` is a key of STORAGES (``"default"`` or ``"private"``); the provider
    returns an iterable of stored names. Usable as a decorator.
    """
    _keepers.append(provider)
    return provider


def kept_names(alias):
    return {name for provider in _keepers for name in provider(alias)}


def media_aliases():
    """The STORAGES that hold uploads (every one but the static files)."""
    return [alias for alias in settings.STORAGES if alias != "staticfiles"]


def _resolve(storage):
    if isinstance(storage, LazyObject):
        if storage._wrapped is empty:
            storage._setup()
        return storage._wrapped
    return storage


def storage_alias(storage):
    """The STORAGES alias of a field's storage, or None for one configured elsewhere."""
    target = _resolve(storage)
    return next((alias for alias in media_aliases() if storages[alias] is target), None)


def file_fields():
    """(model, field) for every file field of every concrete model."""
    return [
        (model, model_field)
        for model in apps.get_models()
        if not model._meta.proxy
        for model_field in model._meta.concrete_fields
        if isinstance(model_field, models.FileField)
    ]


def named_files(alias):
    """{name: "app.Model #pk"} for every file that a row names in ``alias``."""
    named = {}
    for model, model_field in file_fields():
        if storage_alias(model_field.storage) != alias:
            continue
        rows = model._default_manager.exclude(**{model_field.attname: ""}).values_list(
            "pk", model_field.attname
        )
        for pk, name in rows.iterator():
            named[name] = f"{model._meta.label} #{pk}"
    return named


def listed_files(storage):
    """(name, modified time or None) for every file in ``storage``.

    Object stores list everything in one paged request; other storages are walked.
    """
    if hasattr(storage, "list_all"):
        yield from storage.list_all()
        return
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = storage.listdir(folder)
        except FileNotFoundError:
            continue
        prefix = f"{folder}/" if folder else ""
        folders += [f"{prefix}{name}" for name in subfolders]
        for name in files:
            yield f"{prefix}{name}", None


@dataclass
class Comparison:
    alias: str
    stored: int = 0
    named: int = 0
    orphans: list = field(default_factory=list)  # [(name, modified or None)]
    missing: list = field(default_factory=list)  # [(row label, name)]


def compare(alias):
    """What ``alias`` holds that no row names, and what rows name that it lacks."""
    named = named_files(alias)
    kept = kept_names(alias)
    listing = dict(listed_files(storages[alias]))
    result = Comparison(alias=alias, stored=len(listing), named=len(named))
    result.orphans = sorted(
        (name, modified)
        for name, modified in listing.items()
        if name not in named and name not in kept
    )
    result.missing = sorted((label, name) for name, label in named.items() if name not in listing)
    return result
