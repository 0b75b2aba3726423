"""Writes for invitations (portal/invitations.py): send or resend one, and accept it by setting a password."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal.invitations import Invitation, token_digest


def invite(user, *, sent_by=None):
    """Email the person a new link to set their password; any earlier link stops working. Returns the invitation.

    Someone who has not yet accepted keeps no usable password, so nobody but them can ever sign in as them.
    """
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    expires_at = now + timedelta(days=settings.INVITATION_VALID_DAYS)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(user=user).first()
        if invitation is None:
            invitation = Invitation(user=user, times_sent=0)
        invitation.token_digest = token_digest(token)
        invitation.sent_at, invitation.expires_at = now, expires_at
        invitation.times_sent += 1
        invitation.sent_by = sent_by
        invitation.accepted_at = None
        invitation.save()
        if not user.password:  # added without one (WAGTAILUSERS_PASSWORD_ENABLED is off)
            user.set_unusable_password()
            user.save(update_fields=["password"])
    link = settings.SITE_BASE_URL.rstrip("/") + reverse("invitation", args=[token])
    context = {"user": user, "link": link, "expires_at": expires_at, "sent_by": sent_by,
               "partnership": settings.PARTNERSHIP_NAME}  # fmt: skip
    send_mail(
        f"You have been invited to the {settings.PARTNERSHIP_NAME} portal",
        render_to_string("portal/email/invitation.txt", context),
        None,
        [user.email],
    )
    return invitation


def usable_invitation(token):
    """The invitation this link is for, if it may still be used (not used, not expired, not replaced)."""
    if not token or len(token) > 100:
        return None
    invitation = Invitation.objects.select_related("user").filter(token_digest=token_digest(token)).first()
    if invitation is None or invitation.status(timezone.now()) != Invitation.Status.INVITED:
        return None
    if not invitation.user.is_active:
        return None
    return invitation


def accept(invitation, password):
    """Set the person's password; the link then never works again."""
    with transaction.atomic():
        user = invitation.user
        user.set_password(password)
        user.save(update_fields=["password"])
        invitation.accepted_at = timezone.now()
        invitation.token_digest = ""
        invitation.save(update_fields=["accepted_at", "token_digest"])
    return user
