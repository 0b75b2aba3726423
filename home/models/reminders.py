"""Offer review reminders already emailed, so the daily `send_offer_review_reminders` never repeats one.

The review date is part of the key: a new review date gets its own two reminders."""

from django.db import models


class OfferReminderSent(models.Model):
    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "Review due within a month"
        OVERDUE = "overdue", "Review date passed"

    offer = models.ForeignKey("home.OfferPage", on_delete=models.CASCADE, related_name="+")
    review_date = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    recipients = models.TextField(help_text="The addresses it went to, one a line.")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["offer", "review_date", "kind"], name="one_offer_reminder_per_date")
        ]
