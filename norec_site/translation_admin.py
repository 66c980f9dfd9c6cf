"""Languages in the content admin: machine drafts, checks, flags and save warnings.

``TranslationAdminMixin`` goes before modeltranslation's admin in a content
admin's bases. It adds a "Translation" section to the change page (what is
machine translated or may be out of date, a box to confirm each language, and
the Apertium buttons), the matching list actions and filter, a confirmation
before machine text is published, and a warning when a language is incomplete.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from norec_site import apertium
from norec_site.languages import language_codes, language_name
from norec_site.machine_translation import MachineTranslationError, machine_translate
from norec_site.models import Status, TranslationStatus
from norec_site.translation_status import (
    confirm_translation,
    statuses_for,
    unconfirmed_machine_fields,
)

DIRECTIONS = (("nn", "nb"), ("nb", "nn"))
TRANSLATION_FIELDS = ("translation_state", "confirm_languages", "publish_machine_text")


def direction_label(source, target):
    if (source, target) == ("nn", "nb"):
        return _("Make a Bokmål draft from Nynorsk")
    return _("Make a Nynorsk draft from Bokmål")


def field_labels(model, names):
    return get_text_list(
        [str(model._meta.get_field(name).verbose_name) for name in names], _("and")
    )


class TranslationFormMixin(forms.Form):
    confirm_languages = forms.MultipleChoiceField(
        label=gettext_lazy("Checked"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Tick a language when you have read its text against the text it was "
            "translated from: its marks are removed."
        ),
    )
    publish_machine_text = forms.BooleanField(
        label=gettext_lazy("Publish unchecked machine translation"),
        required=False,
        help_text=gettext_lazy(
            "Machine translation needs a person's check. Tick this only to publish it unchecked."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.machine_fields = unconfirmed_machine_fields(self.instance)
        statuses = statuses_for(self.instance) if self.instance.pk else {}
        choices = [
            (code, language_name(code).capitalize())
            for code, row in statuses.items()
            if row.machine_fields or row.out_of_date
        ]
        self.fields["confirm_languages"].choices = choices
        # Nothing to check: the boxes would only be noise on the page.
        if not choices:
            self.fields["confirm_languages"].widget = forms.MultipleHiddenInput()
        if not self.machine_fields:
            self.fields["publish_machine_text"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        confirmed = set(cleaned.get("confirm_languages") or ())
        unchecked = {code: f for code, f in self.machine_fields.items() if code not in confirmed}
        if (
            cleaned.get("status") == Status.PUBLISHED
            and unchecked
            and not cleaned.get("publish_machine_text")
        ):
            model = type(self.instance)
            details = "; ".join(
                f"{language_name(code)}: {field_labels(model, names)}"
                for code, names in unchecked.items()
            )
            self.add_error(
                "publish_machine_text",
                ValidationError(
                    _(
                        "This item has machine-translated text that nobody has checked "
                        "(%(details)s). Check it and tick the language under Checked, or tick "
                        "this box to publish it unchecked."
                    )
                    % {"details": details},
                    code="unchecked_machine_text",
                ),
            )
        return cleaned


class TranslationStateFilter(admin.SimpleListFilter):
    title = gettext_lazy("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = []
        for code in language_codes():
            name = language_name(code)
            choices.append(
                (
                    f"outdated-{code}",
                    _("%(language)s may be out of date") % {"language": name.capitalize()},
                )
            )
        for code in ("nn", "nb"):
            name = language_name(code)
            choices.append(
                (
                    f"machine-{code}",
                    _("%(language)s machine translated, unchecked")
                    % {"language": name.capitalize()},
                )
            )
        return choices

    def queryset(self, request, queryset):
        kind, _sep, code = (self.value() or "").partition("-")
        if code not in language_codes() or kind not in {"outdated", "machine"}:
            return queryset
        rows = TranslationStatus.objects.filter(
            content_type=ContentType.objects.get_for_model(queryset.model), language=code
        )
        rows = (
            rows.filter(out_of_date=True)
            if kind == "outdated"
            else rows.exclude(machine_fields={})
        )
        return queryset.filter(pk__in=rows.values("object_id"))


class TranslationAdminMixin:
    def get_form(self, request, obj=None, **kwargs):
        base = kwargs.get("form", self.form)
        if not issubclass(base, TranslationFormMixin):
            kwargs["form"] = type(base.__name__, (TranslationFormMixin, base), {})
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and obj.pk:
            fieldsets.append((gettext_lazy("Translation"), {"fields": TRANSLATION_FIELDS}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "translation_state")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), TranslationStateFilter)

    @admin.display(description=gettext_lazy("translation status"))
    def translation_state(self, obj):
        if not obj or not obj.pk:
            return "–"
        model = type(obj)
        lines = []
        for code, row in statuses_for(obj).items():
            name = language_name(code).capitalize()
            if row.machine_fields:
                lines.append(
                    _("%(language)s: machine translated, check before publishing (%(fields)s).")
                    % {"language": name, "fields": field_labels(model, sorted(row.machine_fields))}
                )
            if row.out_of_date:
                lines.append(
                    _("%(language)s may be out of date: the %(source)s text changed after it.")
                    % {"language": name, "source": language_name(row.source_language)}
                )
        if not lines:
            lines.append(_("Nothing to check."))
        buttons = []
        for source, target in DIRECTIONS:
            available = apertium.is_available(source, target)
            buttons.append(
                format_html(
                    '<button type="button" class="button machine-translate" '
                    'data-direction="{}-{}"{}>{}</button>{}',
                    source,
                    target,
                    "" if available else " disabled",
                    direction_label(source, target),
                    ""
                    if available
                    else format_html(
                        ' <span class="help">{}</span>',
                        apertium.unavailable_reason(source, target),
                    ),
                )
            )
        return format_html(
            '{}<p>{}</p><p class="help">{}</p>',
            format_html_join("", "<p>{}</p>", ((line,) for line in lines)),
            format_html_join(" ", "{}", ((button,) for button in buttons)),
            _(
                "The buttons save your changes, then fill the other form's empty fields "
                "with Apertium's translation."
            ),
        )

    # Saving --------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for code in form.cleaned_data.get("confirm_languages") or ():
            confirm_translation(obj, code, request.user)
        self.warn_incomplete_languages(request, obj)

    def warn_incomplete_languages(self, request, obj):
        """A title in a language without its other required texts: say it will not show."""
        model = type(obj)
        for code in language_codes():
            if not getattr(obj, f"title_{code}", ""):
                continue
            missing = [
                name for name in model.language_fields if not getattr(obj, f"{name}_{code}", "")
            ]
            if missing:
                self.message_user(
                    request,
                    _(
                        "“%(item)s” has a title in %(language)s but no %(fields)s: it will not "
                        "appear in %(language)s until they are written."
                    )
                    % {
                        "item": getattr(obj, f"title_{code}"),
                        "language": language_name(code),
                        "fields": field_labels(model, missing),
                    },
                    messages.WARNING,
                )

    def _machine_translate_and_report(self, request, obj, source, target):
        try:
            result = machine_translate(obj, source=source, target=target, user=request.user)
        except (MachineTranslationError, ValidationError) as error:
            message = error.messages[0] if isinstance(error, ValidationError) else str(error)
            self.message_user(request, message, messages.ERROR)
            return
        if not result.fields:
            self.message_user(
                request,
                _("“%(item)s”: no empty %(target)s field has %(source)s text to translate.")
                % {"item": obj, "target": language_name(target), "source": language_name(source)},
                messages.WARNING,
            )
            return
        self.message_user(
            request,
            _(
                "“%(item)s”: %(fields)s machine translated to %(target)s. Check the text "
                "before publishing."
            )
            % {
                "item": obj,
                "fields": field_labels(type(obj), result.fields),
                "target": language_name(target),
            },
            messages.SUCCESS,
        )
        if result.unsure_words:
            self.message_user(
                request,
                _("Apertium was unsure of these words: %(words)s.")
                % {"words": ", ".join(result.unsure_words)},
                messages.WARNING,
            )

    def _requested_direction(self, request):
        value = request.POST.get("_machine_translate", "")
        source, _sep, target = value.partition("-")
        return (source, target) if (source, target) in DIRECTIONS else None

    def response_change(self, request, obj):
        direction = self._requested_direction(request)
        if direction:
            self._machine_translate_and_report(request, obj, *direction)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    # Actions -------------------------------------------------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "publish" in actions:
            func, name, description = actions["publish"]
            actions["publish"] = (self._confirm_machine_text(func), name, description)
        if self.has_change_permission(request):
            for source, target in DIRECTIONS:
                name = f"machine_translate_{source}_{target}"
                actions[name] = (
                    self._translate_action(source, target),
                    name,
                    direction_label(source, target),
                )
        return actions

    def _translate_action(self, source, target):
        def action(modeladmin, request, queryset):
            if not apertium.is_available(source, target):
                self.message_user(
                    request, apertium.unavailable_reason(source, target), messages.ERROR
                )
                return
            for obj in queryset:
                self._machine_translate_and_report(request, obj, source, target)

        return action

    def _confirm_machine_text(self, publish):
        """Publishing items with unchecked machine text first asks for a confirmation."""

        def action(modeladmin, request, queryset):
            drafts = list(queryset.filter(status=Status.DRAFT))
            unchecked = [(item, unconfirmed_machine_fields(item)) for item in drafts]
            unchecked = [(item, fields) for item, fields in unchecked if fields]
            if not unchecked or request.POST.get("confirm_machine_text") == "yes":
                return publish(modeladmin, request, queryset)
            opts = self.model._meta
            context = {
                **self.admin_site.each_context(request),
                "title": _("Publish unchecked machine translation?"),
                "opts": opts,
                "queryset": queryset,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "items": [
                    (
                        item,
                        "; ".join(
                            f"{language_name(code)}: {field_labels(self.model, names)}"
                            for code, names in fields.items()
                        ),
                    )
                    for item, fields in unchecked
                ],
            }
            return TemplateResponse(
                request, "admin/norec_site/confirm_machine_publish.html", context
            )

        return action
