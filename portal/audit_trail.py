"""The audit trail page: who changed what and when, for LA officers and administrators.

Changes are recorded by django-auditlog for the models listed in settings.AUDITLOG_INCLUDE_TRACKING_MODELS
(offer page content also keeps every revision in Wagtail's own history).
"""

from auditlog.models import LogEntry
from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import render

from portal import permissions
from portal.dates import PastDayMonthYearField


def tracked_content_types():
    from auditlog.registry import auditlog

    models = auditlog.get_models()
    return ContentType.objects.get_for_models(*models).values() if models else []


class AuditTrailFilter(forms.Form):
    record_type = forms.ChoiceField(label="Kind of record", required=False)
    person = forms.CharField(label="Changed by (email contains)", required=False, max_length=254)
    date_from = PastDayMonthYearField(label="From", required=False, error_messages={"invalid": "Enter a valid date."})
    date_to = PastDayMonthYearField(label="To", required=False, error_messages={"invalid": "Enter a valid date."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = sorted(tracked_content_types(), key=lambda ct: str(ct.name))
        self.fields["record_type"].choices = [("", "All")] + [(str(ct.pk), ct.name.capitalize()) for ct in types]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", "The end date must be on or after the start date.")
        return cleaned


@login_required
def audit_trail(request):
    permissions.require(permissions.can_read_audit_trail(request.user))
    form = AuditTrailFilter(request.GET or None)
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    if form.is_valid():
        data = form.cleaned_data
        if data["record_type"]:
            entries = entries.filter(content_type_id=data["record_type"])
        if data["person"]:
            entries = entries.filter(actor__email__icontains=data["person"])
        if data["date_from"]:
            entries = entries.filter(timestamp__date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(timestamp__date__lte=data["date_to"])
    elif form.is_bound:
        entries = entries.none()
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "portal/audit_trail.html", {"form": form, "page": page, "query": query.urlencode()})
