"""Optional two-factor sign-in for the partnership-wide roles (LA officers, board members, administrators).

A person turns it on from their dashboard by scanning a QR code (or typing the key) into an
authenticator app and entering one code. From then on, after their password on either sign-in page
(the portal's or the Wagtail admin's), `RequireSecondFactor` holds every page until they enter a
current code. Devices and verification come from django-otp (TOTP, with its own attempt throttling).
"""

import base64
import io

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from portal import permissions

DEVICE_NAME = "Authenticator app"
# Set at sign-in, so that holding a person at the code page costs no query on every request.
SESSION_FLAG = "two_factor_required"


@receiver(user_logged_in)
def note_whether_a_code_is_needed(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_FLAG] = permissions.may_use_two_factor(user) and user_has_device(user)


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code, for example 123456.",
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError("Enter the 6-digit code shown in your authenticator app.")
        if self.device is None:
            raise forms.ValidationError("Two-factor sign-in is not set up for this account.")
        allowed, _ = self.device.verify_is_allowed()
        if not allowed:  # django-otp slows down guessing: each wrong code doubles the wait
            raise forms.ValidationError("Too many wrong codes. Wait a minute, then enter the code shown now.")
        if not self.device.verify_token(token):
            raise forms.ValidationError("That code is not right or has expired. Enter the code shown now.")
        return token


def _confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@login_required
def settings_page(request):
    permissions.require(permissions.may_use_two_factor(request.user))
    return render(request, "portal/two_factor/settings.html", {"device": _confirmed_device(request.user)})


@login_required
def setup(request):
    permissions.require(permissions.may_use_two_factor(request.user))
    if _confirmed_device(request.user):
        return redirect("two_factor")
    device, _ = TOTPDevice.objects.get_or_create(user=request.user, confirmed=False, defaults={"name": DEVICE_NAME})
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save()
        otp_login(request, device)
        request.session[SESSION_FLAG] = True
        messages.success(request, "Two-factor sign-in is on. You will be asked for a code each time you sign in.")
        return redirect("two_factor")
    qr = io.BytesIO()
    write_qrcode_image(device.config_url, qr)
    key = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "portal/two_factor/setup.html",
        {
            "form": form,
            "qr_data_uri": "data:image/svg+xml;base64," + base64.b64encode(qr.getvalue()).decode(),
            "key_groups": [key[i : i + 4] for i in range(0, len(key), 4)],
        },
    )


@login_required
@require_POST
def turn_off(request):
    device = _confirmed_device(request.user)
    form = TokenForm(request.POST, device=device)
    if device is None:
        return redirect("two_factor")
    if not form.is_valid():
        return render(request, "portal/two_factor/settings.html", {"device": device, "off_form": form})
    TOTPDevice.objects.filter(user=request.user).delete()
    request.session[SESSION_FLAG] = False
    messages.success(request, "Two-factor sign-in is off.")
    return redirect("two_factor")


@login_required
def verify(request):
    next_url = request.POST.get("next") or request.GET.get("next") or reverse("dashboard")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = reverse("dashboard")
    device = _confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(next_url)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(next_url)
    return render(request, "portal/two_factor/verify.html", {"form": form, "next": next_url})


class RequireSecondFactor:
    """Holds a signed-in person who has two-factor sign-in on at the code page until they enter a code."""

    ALLOWED_PREFIXES = ("/accounts/two-factor/verify/", "/accounts/logout/", "/admin/logout/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.session.get(SESSION_FLAG)
            and not user.is_verified()
            and not request.path.startswith(self.ALLOWED_PREFIXES)
        ):
            return redirect(f"{reverse('two_factor_verify')}?next={request.get_full_path()}")
        return self.get_response(request)
