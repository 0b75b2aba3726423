"""Shared by the abusive-input tests: hostile payloads, a small partnership with one record of every kind,
and `pollute()`, which writes a payload into every free-text field of every record of the portal's apps.

The fields are found with django.apps, so a text field added later is polluted (and so checked) without
touching these tests. Each field gets its own number inside the payload ("xss17z"), so a page or a cell
can be traced back to the field it came from.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone
from wagtail.fields import RichTextField

from testdata.caseaudits import make_case_audit

PORTAL_APPS = ["portal", "home", "audits", "caseaudits", "maturity", "pledges"]

# A leading =, +, -, @ (or tab / carriage return before one) makes spreadsheet software run the cell.
FORMULA_PREFIXES = ["=", "+", "-", "@", "\t=", "\r="]
PLAIN_PREFIX = ""

# What must never reach a page unescaped.
RAW_MARKERS = ("<script>alert(", "<img src=x onerror", "<q id=xss")
FIELD_NUMBER = re.compile(r"xss(\d+)z")

# Names that are keys or machinery rather than text people type and read.
SKIPPED_FIELDS = {"password", "path", "url_path", "academic_year", "step", "draft_title"}


def full_payload(number, prefix=PLAIN_PREFIX):
    return f'{prefix}<script>alert("xss{number}z")</script><img src=x onerror=alert({number})>'


def short_payload(number, prefix=PLAIN_PREFIX):
    return f"{prefix}<q id=xss{number}z>"


@dataclass(frozen=True)
class PollutedField:
    number: int
    model: type
    name: str
    payload: str

    @property
    def label(self):
        return f"{self.model._meta.label}.{self.name}"


def text_fields(model):
    """The free-text fields of `model`: CharField/TextField without choices, not slugs, emails or URLs.

    Rich text is HTML by design (Wagtail's editor keeps only the elements it allows); it is checked through
    the editor instead.
    """
    for field in model._meta.concrete_fields:
        if not isinstance(field, (models.CharField, models.TextField)):
            continue
        if isinstance(field, (models.SlugField, models.EmailField, models.URLField)) or field.choices:
            continue
        if field.name in SKIPPED_FIELDS or isinstance(field, RichTextField):
            continue
        yield field


def portal_models():
    for app in PORTAL_APPS:
        yield from apps.get_app_config(app).get_models()


def pollute(*, prefixes=(PLAIN_PREFIX, *FORMULA_PREFIXES)):
    """Overwrite every free-text field of every record with a payload; returns the PollutedFields.

    Prefixes rotate over the fields, so every formula prefix lands in several fields. Updates go straight to
    the database (no save hooks), as data imported or typed long ago would be.
    """
    polluted = []
    number = 0
    for model in portal_models():
        fields = list(text_fields(model))
        if not fields or not model.objects.exists():
            continue
        values = {}
        for field in fields:
            number += 1
            prefix = prefixes[number % len(prefixes)]
            payload = full_payload(number, prefix)
            # Room for the " #<pk>" that keeps unique fields unique.
            room = field.max_length - 8 if field.max_length is not None else None
            if room is not None and len(payload) > room:
                payload = short_payload(number, prefix)
                if len(payload) > room:
                    continue
            values[field.name] = payload
            polluted.append(PollutedField(number, model, field.name, payload))
        unique = {name for name in values if _is_unique(model, name)}
        # The base manager, not `objects`: markup is planted even in frameworks that responses use, whose
        # default manager refuses changes (the freeze, portal/frameworks.py).
        rows = model._base_manager
        if not unique:
            rows.update(**values)
            continue
        for pk in rows.values_list("pk", flat=True):
            rows.filter(pk=pk).update(
                **{name: f"{value} #{pk}" if name in unique else value for name, value in values.items()}
            )
    return polluted


def _is_unique(model, name):
    if model._meta.get_field(name).unique:
        return True
    together = [set(group) for group in model._meta.unique_together]
    together += [set(c.fields) for c in model._meta.constraints if getattr(c, "fields", None)]
    return any(name in group for group in together)


def assert_escaped(text, where):
    for marker in RAW_MARKERS:
        assert marker not in text, f"{where} shows {marker!r} unescaped"


def build_partnership(*, admin, la_officer, board_member, school, school_lead, agency, agency_lead, north):
    """One record of every kind the portal stores, through the services where they exist."""
    from audits import services as audit_services
    from audits.models import AuditComment, OfferVisit, RagChange, TrainedStaff
    from caseaudits.choices import Finding
    from caseaudits.models import AuditAction, Moderation
    from caseaudits.models import Framework as CaseFramework
    from maturity import services as maturity_services
    from maturity.models import ActionItem, ContributorRating
    from maturity.models import Framework as MaturityFramework
    from pledges.models import (
        AccessRoutes,
        DesignatedLead,
        ImpactMeasure,
        ImpactReturn,
        PledgeSet,
        PledgeStatus,
        ReminderSent,
        Signature,
        TrainingRecord,
        TrainingSummary,
    )
    from portal.judgements import Judgement
    from portal.periods import academic_year
    from testdata.offers import make_offer

    today = timezone.localdate()
    school.address, school.phone, agency.address = "1 Oak Road", "0116 000 0000", "2 Elm Street"
    school.save()
    agency.save()
    for user in (admin, la_officer, board_member, school_lead, agency_lead):
        user.job_title = "Officer"
        user.save()
    north.description = "The north of the city."
    north.save()

    make_offer(
        school,
        user=admin,
        opening_times_note="Term time",
        contact_name="Cat Contact",
        contact_role="DSL",
        address="1 Oak Road",
        social_care_referral="Call the front door.",
        early_help_assessment="We start an EHA.",
    )
    make_offer(agency, user=admin, contact_name="Ann Agency", contact_role="Manager")

    audit = audit_services.start_audit(school, academic_year(today), school_lead)
    audit.outcome_records.update(details="Our details.")
    action = audit.actions.first()
    action.owner, action.notes = "Head teacher", "Underway."
    action.save()
    RagChange.objects.create(
        audit=audit,
        action=action,
        action_description=action.description,
        from_rag="red",
        to_rag="amber",
        changed_at=timezone.now(),
        changed_by=school_lead,
    )
    TrainedStaff.objects.create(audit=audit, name="Tom Trained", part_a_on=today - timedelta(days=9))
    AuditComment.objects.create(audit=audit, author=la_officer, text="Well done.")
    OfferVisit.objects.create(
        organisation=school,
        visited_on=today - timedelta(days=3),
        officer=la_officer,
        judgement=OfferVisit.Judgement.GOOD,
        notes="Visited.",
        agreed_actions="Update offer.",
    )

    framework = CaseFramework.objects.get(slug="leicester-eha-principles", version=1)
    case = make_case_audit(
        framework,
        case_reference="EHA-100001",
        lead_agency=agency,
        locality=north,
        eha_start_date=date(2018, 1, 5),
        audit_date=date(2018, 5, 10),
        auditor=la_officer,
        findings=Finding.MET,
        strengths="Family's words.",
        areas_for_development="Timescales.",
    )
    AuditAction.objects.create(
        audit=case, description="Add timescales.", due_date=date(2018, 6, 30), progress_note="Started."
    )
    Moderation.objects.create(
        audit=case, moderator=admin, agrees=False, judgement=Judgement.OUTSTANDING, reason="Better than judged."
    )

    stmm = MaturityFramework.objects.get(slug="stmm", version=1)
    round_ = maturity_services.create_round(
        framework=stmm, title="Round", period_start=date(2024, 1, 1), period_end=date(2024, 1, 31), user=la_officer
    )
    round_.summary, round_.methods_other, round_.open_to_contributors = "Summary.", "Survey", True
    round_.save()
    round_.ratings.update(evidence="Evidence.", strengths="Strong.", areas_for_development="Grow.")
    ActionItem.objects.create(
        round=round_,
        number=1,
        recommendation="Recommend.",
        action="Act.",
        responsible_lead="EHSPB",
        progress_note="Going.",
    )
    ContributorRating.objects.create(
        round=round_, strand=stmm.strands.first(), contributor=agency_lead, comment="My view."
    )

    pledge_set = PledgeSet.objects.current()
    pledge = pledge_set.pledges.order_by("number").first()
    for organisation in (school, agency):
        Signature.objects.create(
            organisation=organisation,
            pledge_set=pledge_set,
            signatory_name="Pat Signer",
            signatory_role="Chief Executive",
            signed_on=date(2024, 5, 1),
            statement="We pledge.",
        )
        PledgeStatus.objects.create(
            organisation=organisation, pledge=pledge, notes="Notes.", review_date=today + timedelta(days=30)
        )
        # The offer made above recorded a lead already (its sign-off reads the record): complete it.
        DesignatedLead.objects.update_or_create(
            organisation=organisation,
            defaults={"name": "Dee Lead", "role": "DSL", "email": "dee@example.org", "phone": "0116 111 1111"},
        )
        TrainingSummary.objects.create(organisation=organisation, staff_in_roles=10, staff_trained=8)
        TrainingRecord.objects.create(
            organisation=organisation, course="Early Help basics", date=date(2024, 6, 1), attendees=8
        )
        AccessRoutes.objects.create(
            organisation=organisation, for_staff="Ask the DSL.", for_service_users="Ask at reception."
        )
        measure = ImpactMeasure.objects.create(
            organisation=organisation, name="Families helped", description="Count of families.", unit="families"
        )
        ImpactReturn.objects.create(measure=measure, period_start=date(2024, 4, 1), value=12, narrative="Good.")
    ReminderSent.objects.create(
        organisation=school, pledge=pledge, review_date=today, kind="due_soon", recipients="dsl@oak.example"
    )
    return {"audit": audit, "case": case, "round": round_}


@pytest.fixture
def polluted(admin_user, la_officer, board_member, school, school_lead, agency, agency_lead, north):
    """(records, PollutedFields): the small partnership with a payload in every free-text field."""
    from home.models import OfferPage

    records = build_partnership(
        admin=admin_user,
        la_officer=la_officer,
        board_member=board_member,
        school=school,
        school_lead=school_lead,
        agency=agency,
        agency_lead=agency_lead,
        north=north,
    )
    fields = pollute()
    # Wagtail's editor shows the latest revision: make that the polluted page too.
    for page in OfferPage.objects.all():
        page.save_revision(user=admin_user, clean=False).publish(user=admin_user)
    return records, fields
