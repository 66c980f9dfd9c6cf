"""Fields that several models declare alike: one declaration for each idea."""

from django.conf import settings
from django.db import models
from django_prose_editor.fields import ProseEditorField

from norec_site.richtext import EDITOR_EXTENSIONS, sanitize_html


def optional_link(to, verbose_name, *, related_name="+", **options):
    """A reference that may stay empty and is emptied when what it names is deleted.

    Unless ``related_name`` says otherwise, the other side does not read it back."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )


def library_image(verbose_name, **options):
    """An optional picture from the media library (a logo, a photo, a cover)."""
    return optional_link("norec_site.Image", verbose_name, **options)


def acting_user(verbose_name, **options):
    """The account that did something; what it did stays on record when the account goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


def recorded_user(verbose_name):
    """The account that did something, filled in by the site and never typed."""
    return acting_user(verbose_name, blank=True, editable=False)


def rich_text(verbose_name, **options):
    """Text written in the site's editor, sanitized to what the editor can make."""
    return ProseEditorField(
        verbose_name,
        blank=True,
        extensions=EDITOR_EXTENSIONS,
        sanitize=sanitize_html,
        **options,
    )
