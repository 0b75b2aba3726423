"""A member of the public's "Report a problem with this page" about an offer page.

Sent without signing in; read by the organisation's editors and the LA (portal/permissions/offers.py),
who mark it resolved. It never holds anything about a child or a family: the form refuses names,
addresses, phone numbers and birth dates (caseaudits/privacy.py)."""

from django.conf import settings
from django.db import models


class ProblemReport(models.Model):
    MAX_LENGTH = 1000

    offer = models.ForeignKey("home.OfferPage", on_delete=models.CASCADE, related_name="problem_reports")
    organisation = models.ForeignKey("portal.Organisation", on_delete=models.CASCADE, related_name="+")
    what_is_wrong = models.TextField(max_length=MAX_LENGTH)
    reply_email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "resolved_at"])]

    def __str__(self):
        return f"Problem with {self.organisation}'s offer page ({self.created_at:%d %b %Y})"

    @property
    def is_resolved(self):
        return self.resolved_at is not None
