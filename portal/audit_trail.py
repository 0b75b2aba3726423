"""The audit trail page: who changed what and when, for LA officers and administrators.

Changes are recorded by django-auditlog for the models listed in settings.AUDITLOG_INCLUDE_TRACKING_MODELS
(offer page content also keeps every revision in Wagtail's own history).

auditlog stores raw values: ids for related records, stored codes for choices, "None" for empty, and
entries for relations that are not columns at all ("wagtail_revisions"). A reader needs none of that, so
`describe()` turns each entry into a sentence in the fields' own labels, naming related records (fetched
once per kind of record for the whole page) and leaving out what is not a stored field.
"""

import datetime
from dataclasses import dataclass

from auditlog.models import LogEntry
from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from portal import permissions
from portal.dates import PastDayMonthYearField
from portal.models import Organisation, User

VERBS = {
    LogEntry.Action.CREATE: "created",
    LogEntry.Action.UPDATE: "changed",
    LogEntry.Action.DELETE: "deleted",
    LogEntry.Action.ACCESS: "opened",
}
LONGEST_VALUE = 120  # characters of a long text quoted in a sentence; the record itself has the rest


def tracked_models():
    from auditlog.registry import auditlog

    return auditlog.get_models()


def tracked_content_types():
    models = tracked_models()
    return ContentType.objects.get_for_models(*models).values() if models else []


def organisation_path(model):
    """The lookup from a tracked model to the organisation whose record it is, or None (a partnership-wide
    record such as a maturity round). Found from the model's own foreign keys, one step away at most."""
    if model is Organisation:
        return "pk"
    for field in model._meta.concrete_fields:
        if field.many_to_one and field.related_model is Organisation:
            return field.name
    for field in model._meta.concrete_fields:
        if field.many_to_one and field.related_model is not User:
            for parent_field in field.related_model._meta.concrete_fields:
                if parent_field.many_to_one and parent_field.related_model is Organisation:
                    return f"{field.name}__{parent_field.name}"
    return None


class AuditTrailFilter(forms.Form):
    person = forms.CharField(
        label="Changed by", help_text="Part of a name or email address", required=False, max_length=254
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="All",
        error_messages={"invalid_choice": "Choose an organisation from the list."},
    )
    record_type = forms.ChoiceField(
        label="Kind of record",
        required=False,
        error_messages={"invalid_choice": "Choose a kind of record from the list."},
    )
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

    def filter(self, entries):
        data = self.cleaned_data
        if data["record_type"]:
            entries = entries.filter(content_type_id=data["record_type"])
        if data["person"]:
            words = data["person"].split()
            for word in words:
                entries = entries.filter(
                    Q(actor__email__icontains=word)
                    | Q(actor__first_name__icontains=word)
                    | Q(actor__last_name__icontains=word)
                )
        if data["organisation"]:
            entries = entries.filter(_of_organisation(data["organisation"]))
        if data["date_from"]:
            entries = entries.filter(timestamp__date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(timestamp__date__lte=data["date_to"])
        return entries


def _of_organisation(organisation):
    """Entries about the organisation's own records, whatever their kind (one subquery per kind)."""
    condition = Q(pk__in=[])
    for model in tracked_models():
        path = organisation_path(model)
        if path is None:
            continue
        owned = model._default_manager.filter(**{path: organisation.pk}).values("pk")
        condition |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=owned)
    return condition


@dataclass
class Change:
    label: str
    before: str
    after: str

    @property
    def sentence(self):
        if self.before == "blank":
            return f"{self.label} set to {self.after}."
        if self.after == "blank":
            return f"{self.label} cleared (was {self.before})."
        return f"{self.label} changed from {self.before} to {self.after}."


@dataclass
class Entry:
    when: datetime.datetime
    who: str
    summary: str  # "Sam Patel changed the organisation “Oak Tree Primary School”"
    changes: list


def _actor(entry):
    if entry.actor is None:
        return "The portal"  # a scheduled job, an import run as a background job, a migration
    # The email as well as the name: two people may share a name, never an email address.
    name = entry.actor.get_full_name()
    return f"{name} ({entry.actor.email})" if name else entry.actor.email


def _fields(entry):
    """[(model field, before, after)] for the stored fields an entry records; relations that are not
    columns (another table's link back, a many-to-many) are left out."""
    model = entry.content_type.model_class()
    rows = []
    for name, values in (entry.changes_dict or {}).items():
        if model is None or not isinstance(values, list | tuple) or len(values) != 2:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not getattr(field, "concrete", False) or field.many_to_many or _bookkeeping(field):
            continue
        rows.append((field, values[0], values[1]))
    return rows


def _bookkeeping(field):
    """Fields the portal keeps for itself (the id, the edit counter, the saved-at stamps): no reader's news."""
    return (
        field.primary_key
        or field.name == "version"
        or getattr(field, "auto_now", False)
        or getattr(field, "auto_now_add", False)
    )


def _blank(value):
    return value is None or value == "" or value == "None"


def _related_names(rows_by_entry):
    """{(related model, pk as str): its name} for every related record the page's entries mention."""
    wanted = {}
    for rows in rows_by_entry:
        for field, before, after in rows:
            if field.many_to_one or field.one_to_one:
                for value in (before, after):
                    if not _blank(value):
                        wanted.setdefault(field.related_model, set()).add(str(value))
    names = {}
    for model, pks in wanted.items():
        valid = [pk for pk in pks if pk.isdigit()]
        for obj in model._default_manager.filter(pk__in=valid):
            names[(model, str(obj.pk))] = _record_name(obj)
    return names


def _record_name(obj):
    if isinstance(obj, User):
        return obj.get_full_name() or obj.email
    return str(obj)


def _value(field, value, names):
    if _blank(value):
        return "blank"
    if field.many_to_one or field.one_to_one:
        name = names.get((field.related_model, str(value)))
        return name or f"a {field.related_model._meta.verbose_name} since deleted"
    if field.choices:
        labels = {str(key): label for key, label in field.flatchoices}
        return str(labels.get(str(value), value))
    if field.get_internal_type() == "BooleanField":
        return "yes" if str(value).lower() in ("true", "1") else "no"
    kind = field.get_internal_type()
    if kind in ("DateField", "DateTimeField"):
        try:
            moment = datetime.datetime.fromisoformat(str(value))
        except ValueError:
            return str(value)
        return f"{moment:%-d %B %Y}" if kind == "DateField" else f"{moment:%-d %B %Y, %H:%M}"
    text = " ".join(str(value).split())
    if kind in ("CharField", "TextField", "EmailField", "URLField", "SlugField"):
        return f"“{text[:LONGEST_VALUE]}…”" if len(text) > LONGEST_VALUE else f"“{text}”"
    return text


def describe(entries):
    """The page's log entries as sentences, with a fixed number of queries whatever the page holds."""
    entries = list(entries)
    rows_by_entry = [_fields(entry) for entry in entries]
    names = _related_names(rows_by_entry)
    described = []
    for entry, rows in zip(entries, rows_by_entry, strict=True):
        kind = entry.content_type.name
        verb = VERBS.get(entry.action, "changed")
        # A record without a name of its own reads "a contributor rating", never "ContributorRating object (9)".
        unnamed = entry.object_repr.endswith(f"object ({entry.object_pk})")
        record = f"a {kind}" if unnamed else f"the {kind} “{entry.object_repr}”"
        summary = f"{_actor(entry)} {verb} {record}"
        changes = []
        for field, before, after in rows:
            change = Change(
                str(field.verbose_name).capitalize(), _value(field, before, names), _value(field, after, names)
            )
            if entry.action == LogEntry.Action.CREATE and change.after == "blank":
                continue  # a new record's empty fields say nothing
            if change.before == change.after:
                continue
            changes.append(change)
        described.append(Entry(entry.timestamp, _actor(entry), summary, changes))
    return described


@login_required
def audit_trail(request):
    permissions.require(permissions.can_read_audit_trail(request.user))
    form = AuditTrailFilter(request.GET or None)
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    if form.is_valid():
        entries = form.filter(entries)
    elif form.is_bound:
        entries = entries.none()
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "portal/audit_trail.html",
        {"form": form, "page": page, "entries": describe(page.object_list), "query": query.urlencode()},
    )
