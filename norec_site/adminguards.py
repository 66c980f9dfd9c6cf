"""What the admin's pickers and shortcuts may show: nothing of drafts one may not see.

- The view-on-site shortcut (/admin/r/<type>/<id>/) redirects only staff who may view
  that model, and for an unpublished item only those who may change (preview) it.
- The image pickers (autocomplete, raw-id popup, the list) leave out pictures used by
  unpublished items the user may not preview: a report's cover says its title.
- Junk values in a picker's initial value (?cover=None) answer 400, not 500.
- A save that fails in the database or on disk after validation is a message.
"""

import logging

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import (
    BadRequest,
    FieldDoesNotExist,
    ObjectDoesNotExist,
    ValidationError,
)
from django.db import IntegrityError, models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from norec_site.models import Image
from norec_site.models.publishable import Publishable
from norec_site.transactions import atomic_with_files

logger = logging.getLogger(__name__)


def may_preview(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def may_view(user, model):
    opts = model._meta
    return may_preview(user, model) or user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def _owner(model):
    """(publishable model, path from ``model`` to it) or None."""
    if issubclass(model, Publishable):
        return model, ""
    for field in model._meta.get_fields():
        if field.many_to_one and field.concrete and issubclass(field.related_model, Publishable):
            return field.related_model, f"{field.name}__"
    return None


def image_uses():
    """(model, image field name, owning publishable, path to it) for each use of Image."""
    for model in apps.get_models():
        owner = _owner(model)
        if owner is None:
            continue
        for field in model._meta.get_fields():
            forward = (field.many_to_one or field.many_to_many) and not field.auto_created
            if forward and field.related_model is Image:
                yield model, field.name, *owner


def visible_images(queryset, user):
    """``queryset`` without pictures of unpublished items that ``user`` may not preview."""
    for model, field_name, owner, path in image_uses():
        if may_preview(user, owner):
            continue
        unpublished = owner.objects.exclude(pk__in=owner.objects.published().values("pk"))
        used = model._default_manager.filter(**{f"{path}pk__in": unpublished.values("pk")})
        queryset = queryset.exclude(pk__in=used.values(field_name))
    return queryset


def view_on_site(request, content_type_id, object_id):
    """Django's shortcut, for those who may see the item only; everyone else gets 404."""
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
        model = content_type.model_class()
        item = model._default_manager.get(pk=object_id) if model else None
    except (ObjectDoesNotExist, ValueError, ValidationError):
        item = None
    if item is None or not hasattr(item, "get_absolute_url"):
        raise Http404
    owner = _owner(type(item))
    if not may_view(request.user, type(item)):
        raise Http404
    if owner is not None:
        owner_model, path = owner
        owning = item if not path else getattr(item, path.removesuffix("__"))
        if not owning.is_published() and not may_preview(request.user, owner_model):
            raise Http404
    return redirect(item.get_absolute_url())


class PickerValuesMixin:
    """A foreign key's or many-to-many's initial value in the address must be valid."""

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        for name, value in initial.items():
            try:
                field = self.opts.get_field(name)
            except FieldDoesNotExist:  # not a model field: the form decides
                continue
            if not isinstance(field, (models.ForeignKey, models.ManyToManyField)):
                continue
            target = field.target_field if field.many_to_one else field.related_model._meta.pk
            values = value if isinstance(value, list) else [value]
            for one in values:
                try:
                    target.to_python(one)
                except ValidationError as error:
                    raise BadRequest(f"Bad value for {name}") from error
        return initial


class SaveErrorsAdminMixin:
    """A save that fails after the form was valid is a form error, not a 500.

    Two editors saving the same thing at the same moment (the same PDF, language
    file or slug) pass validation and then meet in the database's unique constraints;
    a full disk fails the write; the object store may be down or refuse the site.
    The whole save, inlines included, is one transaction whose files are deleted if it
    fails. The form then comes back with everything the editor typed and the reason
    at its top, and nothing is saved.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        try:
            with atomic_with_files():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:  # the object store's refusals among them
            message = " ".join(error.messages)
        except IntegrityError:
            message = _(
                "Someone else saved the same thing at the same moment (the same PDF, "
                "language file or address). Nothing was saved: check the item and save again."
            )
        except OSError:
            logger.exception("Could not store an upload")
            message = _(
                "The server could not store the file (its disk may be full). Nothing was "
                "saved: try again later, or tell the site's administrator."
            )
        # Validate the same input again, this time with the reason in the form.
        request.norec_save_error = message
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        message = getattr(request, "norec_save_error", None)
        if message is None:
            return form

        class FormWithSaveError(form):
            def clean(self):
                cleaned = super().clean()
                self.add_error(None, message)
                return cleaned

        return FormWithSaveError
