"""Reports of a problem with an offer page: the form, the spam guards and the writes.

Spam guards, both invisible to a person:
- a honeypot field ("website") hidden from people and screen readers; a bot that fills it in is thanked
  as if its report were sent, and nothing is stored;
- a rate limit: at most RATE_LIMIT reports from one IP address per RATE_WINDOW seconds, counted in
  Django's cache (shared by the app servers in production).
"""

from django import forms
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from caseaudits.privacy import personal_data_in
from home.models import ProblemReport

RATE_LIMIT = 5
RATE_WINDOW = 60 * 60  # an hour
RATE_LIMIT_MESSAGE = (
    f"You have sent {RATE_LIMIT} reports in the last hour, the most we accept from one connection. "
    "Please try again later, or contact the organisation directly."
)
PERSONAL_DATA_MESSAGE = (
    "Remove {what}: this form is read by the organisation and the council, and must never say anything about "
    "a child or a family. Describe only what is wrong with the page (for example, 'the phone number is out of "
    "date'). If you are worried about a child, use the urgent help numbers on this page."
)


class ProblemReportForm(forms.Form):
    what_is_wrong = forms.CharField(
        label="What is wrong with this page?",
        max_length=ProblemReport.MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "class": "textarea"}),
        help_text="For example, the phone number or the opening times are out of date. "
        f"Up to {ProblemReport.MAX_LENGTH} characters. Do not write about a child or a family.",
        error_messages={
            "required": "Enter what is wrong with this page",
            "max_length": f"What is wrong must be {ProblemReport.MAX_LENGTH} characters or fewer",
        },
    )
    reply_email = forms.EmailField(
        label="Your email address (optional)",
        required=False,
        help_text="Only if you would like a reply.",
        widget=forms.EmailInput(attrs={"class": "input", "autocomplete": "email", "spellcheck": "false"}),
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    # The honeypot: hidden from people (CSS and aria-hidden) and skipped by the keyboard (tabindex=-1).
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_what_is_wrong(self):
        text = self.cleaned_data["what_is_wrong"].strip()
        if findings := personal_data_in(text):
            words = [f"'{f.words}' ({f.kind})" for f in findings]
            what = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
            raise forms.ValidationError(PERSONAL_DATA_MESSAGE.format(what=what), code="personal_data")
        return text

    @property
    def is_from_a_bot(self):
        return bool(self.cleaned_data.get("website"))


def client_ip(request):
    # REMOTE_ADDR is the proxy's address behind one; the deployment sets it from X-Forwarded-For.
    return request.META.get("REMOTE_ADDR", "unknown")


def over_rate_limit(request) -> bool:
    """Count this attempt against the sender's IP address; True when it is over the limit."""
    key = f"problem-reports:{client_ip(request)}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW)
        count = 1
    return count > RATE_LIMIT


@transaction.atomic
def record_report(offer, what_is_wrong, reply_email=""):
    return ProblemReport.objects.create(
        offer=offer, organisation_id=offer.organisation_id, what_is_wrong=what_is_wrong, reply_email=reply_email
    )


@transaction.atomic
def resolve_report(report, user):
    """Mark the report resolved, recording who and when (resolving twice keeps the first)."""
    report = ProblemReport.objects.select_for_update().get(pk=report.pk)
    if report.resolved_at is None:
        report.resolved_at, report.resolved_by = timezone.now(), user
        report.save(update_fields=["resolved_at", "resolved_by"])
    return report
