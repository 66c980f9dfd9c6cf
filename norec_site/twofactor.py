"""Two-factor log-in for the admin (TOTP with django-otp): staff may, superusers must.

- Whoever has a confirmed authenticator (a TOTP device) gives its 6-digit code on the
  log-in page, besides the password.
- A superuser without one is sent to the set-up page after the password, and sees
  nothing else of the admin until a code from the new authenticator is confirmed.
- Any staff member turns it on from the same page (link in the admin's user tools).
"""

import base64

import segno
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

SETUP_URL_NAME = "two_factor_setup"
DEVICE_NAME = "authenticator"
CODE_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
)


def confirmed_devices(user):
    return list(TOTPDevice.objects.devices_for_user(user, confirmed=True))


class TwoFactorAuthenticationForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        required=False,
        max_length=8,
        widget=CODE_WIDGET,
        help_text=gettext_lazy("Only if you have turned on two-factor log-in."),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        devices = confirmed_devices(user) if user else []
        if not devices:
            return cleaned
        token = (cleaned.get("otp_token") or "").strip()
        if not token:
            raise ValidationError(
                _("Enter the 6-digit code that your authenticator app shows."), code="otp_missing"
            )
        device = next((d for d in devices if d.verify_token(token)), None)
        if device is None:
            raise ValidationError(
                _("That code is wrong or has expired. Enter the code your app shows now."),
                code="otp_wrong",
            )
        user.otp_device = device  # django-otp marks the session verified at log-in
        return cleaned


class ConfirmForm(forms.Form):
    otp_token = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"), max_length=8, widget=CODE_WIDGET
    )


def setup(request):
    """Add an authenticator: scan the QR code, then confirm with one code from it."""
    user = request.user
    if confirmed_devices(user) and not request.user.is_verified():
        return redirect("admin:logout")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
            otp_login(request, device)
            messages.success(request, _("Two-factor log-in is on for your account."))
            return redirect("admin:index")
        form.add_error("otp_token", _("That code is wrong or has expired. Try the next one."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title="")
    context = {
        **admin.site.each_context(request),
        "title": _("Two-factor log-in"),
        "form": form,
        "qr_svg": mark_safe(qr_svg),  # noqa: S308 - segno's own SVG of our otpauth URL
        # Base32, as authenticator apps take a key typed by hand (and the QR code holds).
        "secret": base64.b32encode(device.bin_key).decode().rstrip("="),
        "required": user.is_superuser,
        "already_on": bool(confirmed_devices(user)),
    }
    return TemplateResponse(request, "admin/two_factor_setup.html", context)


class RequireTwoFactorMiddleware:
    """Superusers must have a confirmed authenticator before they use the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The path first: reading the user loads the session, and a public page that
        # did so would vary on the cookie and never come from the page cache.
        if not request.path_info.startswith("/admin/"):
            return self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.is_superuser
            and not getattr(user, "otp_device", None)
            and request.path_info not in self.open_paths()
        ):
            return redirect(SETUP_URL_NAME)
        return self.get_response(request)

    @staticmethod
    def open_paths():
        return {reverse(SETUP_URL_NAME), reverse("admin:logout"), reverse("admin:jsi18n")}
