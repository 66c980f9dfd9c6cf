"""Which rows a revision of each content item holds (django-reversion).

Content models, their inline rows and the media library declare it with
``@revisions.register(follow=...)``. Derived columns stay out of revisions: the
generated search vectors, and the fields a model names in ``revision_exclude`` (a
report's extracted PDF text, up to 500 kB a revision, and the edit-conflict version).

The models are registered in ``NorecSiteConfig.ready()``, not when their classes are
defined: only then has django-modeltranslation added the per-language fields
(``title_nn``...) that a revision must hold, and the admin (whose ``VersionAdmin``
would register a model it finds unregistered) has not been loaded yet.
"""

import reversion
from django.db import models
from modeltranslation.translator import translator

_declared = []


def register(follow=()):
    """Class decorator: keep revisions of this model and of the rows in ``follow``."""

    def declare(model):
        _declared.append((model, tuple(follow)))
        return model

    return declare


def derived_fields(model):
    """Fields a revision leaves out: generated columns, a translated field's
    language-less original (``title``, which ``title_nn``... hold for it), and the
    fields a model names in ``revision_exclude``."""
    generated = [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.GeneratedField)
    ]
    translated = (
        translator.get_options_for_model(model).all_fields
        if model in translator.get_registered_models()
        else {}
    )
    return (*generated, *translated, *getattr(model, "revision_exclude", ()))


def register_declared():
    for model, follow in _declared:
        if not reversion.is_registered(model):
            reversion.register(model, follow=follow, exclude=derived_fields(model))


def declared_models():
    return [model for model, _follow in _declared]
