"""The invited person's page: choose a password from the emailed link (portal/invitations.py)."""

from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from portal.services import invitations as invitation_service


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def accept_invitation(request, token):
    invitation = invitation_service.usable_invitation(token)
    if invitation is None:
        # Used, expired, replaced by a newer one, or never existed: the same answer, so a guess learns nothing.
        return render(request, "portal/invitation.html", {"valid": False}, status=410)
    form = SetPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation_service.accept(invitation, form.cleaned_data["new_password1"])
        messages.success(request, "Your password is set. Sign in with your email address and your new password.")
        return redirect("login")
    return render(request, "portal/invitation.html", {"valid": True, "form": form, "invited": invitation.user})
