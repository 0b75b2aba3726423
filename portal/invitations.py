"""Invitations: a new person sets their own password from a link that expires; nobody else ever types it.

An administrator adds a person in the CMS (people administration); the portal emails them a link
(portal.services.invitations). One invitation per person: sending it again replaces the link, so only the
latest works. The link holds a random token; only its SHA-256 is stored, so the table cannot be used to
sign in as anyone. The link works once, for INVITATION_VALID_DAYS days (setting, default 7).
"""

import hashlib

from django.conf import settings
from django.db import models


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    class Status(models.TextChoices):
        INVITED = "invited", "Invited"
        ACCEPTED = "accepted", "Accepted"
        EXPIRED = "expired", "Expired"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitation")
    token_digest = models.CharField(max_length=64, blank=True, db_index=True)  # blank once used
    sent_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    times_sent = models.PositiveSmallIntegerField(default=1)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Invitation for {self.user}"

    def status(self, now) -> "Invitation.Status":
        if self.accepted_at is not None:
            return self.Status.ACCEPTED
        if now >= self.expires_at:
            return self.Status.EXPIRED
        return self.Status.INVITED

    def describe(self, now) -> str:
        """The status in a sentence, for the person's page in people administration."""
        status = self.status(now)
        if status == self.Status.ACCEPTED:
            return f"Accepted on {self.accepted_at:%-d %B %Y}: they have set their password."
        if status == self.Status.EXPIRED:
            return f"Expired on {self.expires_at:%-d %B %Y} without being used. Send it again for a new link."
        return f"Invited on {self.sent_at:%-d %B %Y}; the link works until {self.expires_at:%-d %B %Y}."
