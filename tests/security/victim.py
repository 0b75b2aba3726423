"""A "victim" school with work in every feature, each piece carrying a marker, for the URL sweep.

Every marker is a made-up word that appears nowhere else (`VQ7...Z`: letters only, so HTML escaping, JSON,
CSV and spreadsheets all keep it as it is), followed by the field it was written into, so a leak names
both the work and the field. `MARKERS` says who may read each one, straight from portal/permissions/:

  victim_lead, victim_editor   the victim school's own people (editor and lead)
  la_officer, admin            partnership-wide reading of everything
  board_member                 submitted work across the partnership, never drafts or case-level records
  the attackers                other_school_lead (same locality), far_school_lead / far_school_editor (a
                               school in the other locality; the editor also edits the other school's
                               offer, so the CMS lets them explore the whole offers directory),
                               agency_lead / agency_editor, no_role, anonymous

The victim's offers carry markers in their CMS titles too (the draft title of a revision in moderation,
a never-published title), and its lead, who submits, a marker in their name.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, Site, WorkflowState

from audits import services as audit_services
from audits.models import Action, AuditComment, OfferVisit, OutcomeRecord, TrainedStaff
from caseaudits.choices import Finding
from caseaudits.models import AuditAction, Moderation
from caseaudits.models import Framework as CaseFramework
from home import services as offer_services
from home.models import OfferIndexPage
from home.openreferral import ids as openreferral_ids
from maturity import services as maturity_services
from maturity.models import ActionItem, ContributorRating, StrandRating
from maturity.models import Framework as MaturityFramework
from maturity.rules import Status as RoundStatus
from maturity.rules import parse_rating
from pledges.models import (
    AccessRoutes,
    DesignatedLead,
    ImpactMeasure,
    ImpactReturn,
    PledgeSet,
    PledgeStatus,
    Signature,
    TrainingRecord,
    TrainingSummary,
)
from pledges.models import Status as PledgeStatusChoice
from portal.judgements import Judgement
from portal.models import Membership, Organisation, User
from portal.periods import academic_year
from testdata.caseaudits import make_case_audit
from testdata.offers import make_offer
from testdata.people import make_user

VICTIM_MEMBERS = frozenset({"victim_lead", "victim_editor"})
LA = frozenset({"la_officer", "admin"})
BOARD = frozenset({"board_member"})
ATTACKING_PARTNERS = frozenset(
    {"other_school_lead", "far_school_lead", "far_school_editor", "agency_lead", "agency_editor"}
)
SIGNED_IN_NO_ROLE = frozenset({"no_role"})
ANONYMOUS = frozenset({"anonymous"})
ROLES = VICTIM_MEMBERS | LA | BOARD | ATTACKING_PARTNERS | SIGNED_IN_NO_ROLE | ANONYMOUS


@dataclass(frozen=True)
class Marker:
    token: str
    may_see: frozenset
    why: str

    def text(self, where):
        return f"{self.token} {where}"


# Who may read what, from portal/permissions/ (the module that decides it is named in `why`).
MARKERS = {
    m.token: m
    for m in [
        Marker("VQ7OFFERPUBLICZ", ROLES, "offers: a published offer is public (directory, page, Open Referral feed)"),
        Marker(
            "VQ7OFFERPENDINGZ",
            VICTIM_MEMBERS | LA,
            "offers: a revision in moderation is the organisation's and the LA's",
        ),
        Marker(
            "VQ7OFFERDRAFTZ", VICTIM_MEMBERS | LA, "offers: a never-published draft is the organisation's and the LA's"
        ),
        Marker("VQ7AUDITZ", VICTIM_MEMBERS | LA, "commitments: an audit in progress (board: submitted only)"),
        Marker("VQ7AUDITSUBMITTEDZ", VICTIM_MEMBERS | LA | BOARD, "commitments: a submitted audit, the board reads it"),
        Marker("VQ7VISITZ", VICTIM_MEMBERS | LA, "commitments: offer quality visits, the school's and the LA's"),
        Marker(
            "VQ7CASEZ",
            VICTIM_MEMBERS | LA,
            "caseaudits: case-level records, the lead agency's and the LA's; never the board",
        ),
        Marker("VQ7ROUNDDRAFTZ", LA, "maturity: a draft not open to contributors is the LA's only"),
        Marker("VQ7ROUNDSUBMITTEDZ", LA | BOARD, "maturity: a round with the board, not yet signed off"),
        Marker(
            "VQ7ROUNDVIEWZ",
            LA | {"victim_lead"},
            "maturity: a contributor's own view, read by the LA (board once submitted)",
        ),
        Marker("VQ7PLEDGEZ", VICTIM_MEMBERS | LA | BOARD, "pledges: evidence, read by the organisation, LA and board"),
        Marker("VQ7SIGNATUREZ", ROLES, "pledges: signatories and their statements are public"),
        Marker(
            "VQ7DESIGNATEDLEADZ",
            ROLES - ANONYMOUS - SIGNED_IN_NO_ROLE,
            "pledges: the designated leads' contact details, for every signed-in partner (the name is public: it "
            "signs the published offer)",
        ),
        Marker("VQ7CONTACTZ", VICTIM_MEMBERS | LA, "portal: the organisation's private record (can_view_organisation)"),
        Marker("VQ7PERSONZ", VICTIM_MEMBERS | LA, "portal: the organisation's people (can_view_organisation)"),
        Marker(
            "VQ7LEADNAMEZ",
            VICTIM_MEMBERS | LA | BOARD,
            "offers: the lead who submits, named on submitted work the board reads; in the CMS, cms_people",
        ),
        Marker(
            "VQ7JOBZ", LA | {"victim_lead"}, "portal.jobs: a background job and its result, its owner's and the LA's"
        ),
        Marker(
            "VQ7PROBLEMZ",
            VICTIM_MEMBERS | LA,
            "offers: a report of a problem with the offer page, its editors' and the LA's (can_handle_problem_reports)",
        ),
        Marker(
            "VQ7STRATEGYZ",
            LA | BOARD | {"victim_lead"},
            "strategy: the action plan, the LA's, the board's and each action's lead's (can_read_plans)",
        ),
        Marker(
            "VQ7LOCALITYDRAFTZ", LA, "localities: a draft quarterly report, its chair's and the LA's (can_read_report)"
        ),
        Marker("VQ7MEETINGZ", LA, "board: a pack in preparation is the LA's draft until issued (can_view_pack)"),
    ]
}


def marker(name):
    return MARKERS[f"VQ7{name}Z"]


@dataclass
class World:
    victim: Organisation
    sister: Organisation  # a second organisation of the victim's people, with a never-published offer
    users: dict
    offer: object
    draft_offer: object
    audit: object
    submitted_audit: object
    action: object
    visit: object
    case_audit: object
    case_action: object
    rounds: dict
    round_item: object
    pledge: dict = field(default_factory=dict)
    wagtail: dict = field(default_factory=dict)
    password_reset: tuple = ()
    job: object = None
    board_side: dict = field(default_factory=dict)


def _job(owner, job_marker):
    """A finished job of the victim's lead: its problems and its result file carry the marker."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from portal.jobs import Job

    job = Job.objects.create(
        owner=owner,
        kind="case-audits-import",
        label="Import case-file audits",
        runner="portal.jobs.run_job",
        status=Job.Status.FAILED,
        done=1,
        total=1,
        message="Nothing was saved: 1 problem(s) found.",
        errors=[{"row": 2, "column": "Evidence", "message": job_marker.text("job error")}],
    )
    job.result_file = default_storage.save(f"jobs/{job.pk}/result.csv", ContentFile(job_marker.text("result")))
    job.save()
    return job


def _board_side(victim, lead, officer, offer):
    """The board's side of the victim's world: a problem reported on its offer page, a strategy action its lead
    leads, its locality's partnership (the victim a member) with a draft report, and a board meeting."""
    from board.models import FollowUp, Meeting
    from board.services import add_section
    from home.models import ProblemReport
    from localities import rules as locality_rules
    from testdata import localities, strategy

    m = marker
    problem = ProblemReport.objects.create(
        offer=offer,
        organisation=victim,
        what_is_wrong=m("PROBLEM").text("the phone number is wrong"),
        reply_email="parent@example.net",
    )
    plan = strategy.make_plan("2026-27", by=officer)
    action = strategy.make_action(
        plan,
        lead_user=lead,
        lead_organisation=victim,
        due_date=date(2027, 3, 31),
        description=m("STRATEGY").text("publish every school's offer"),
    )
    partnership = localities.make_partnership(victim.locality, organisations=[victim])
    priority = localities.make_priority(partnership, 2026)
    budget = localities.make_budget(partnership, 2026, initiatives=[("Get Up and Go", "1200.00")])
    quarter = locality_rules.parse_quarter("2026-q2")
    localities.make_report(partnership, quarter, narrative=m("LOCALITYDRAFT").text("the chair's draft narrative"))
    meeting = Meeting.objects.create(
        title="Partnership board", date=date(2027, 1, 20), kind="business", created_by=officer
    )
    section = add_section(meeting, "paper", title="Paper", text=m("MEETING").text("a paper for the board"))
    follow_up = FollowUp.objects.create(
        meeting=meeting, text="Chase the offers", owner="QA officer", due_date=date(2027, 2, 1)
    )
    return {
        "problem": problem,
        "plan": plan,
        "action": action,
        "partnership": partnership,
        "priority": priority,
        "initiative": budget.initiatives.get(),
        "quarter": locality_rules.quarter_slug(quarter),
        "meeting": meeting,
        "section": section,
        "follow_up": follow_up,
    }


def _school(name, urn, locality, phase="primary"):
    return Organisation.objects.create(
        name=name, kind="school", sector="education", phase=phase, urn=urn, locality=locality
    )


def attackers_and_partners(north, south, other_school, agency):
    """The organisations and people that surround the victim, each organisation with its own published offer
    (so their people reach the Wagtail admin, as in real life), and the partnership's maturity rounds.
    Returns (users by role, rounds by name)."""
    far_school = _school("Far Meadow Primary School", "777001", south)
    users = {
        "anonymous": None,
        "admin": make_user("admin@sweep.example", superuser=True),
        "la_officer": make_user("officer@sweep.example", role=User.PartnershipRole.LA_OFFICER),
        "board_member": make_user("board@sweep.example", role=User.PartnershipRole.BOARD_MEMBER),
        "other_school_lead": make_user("dsl@birch.example", memberships=[(other_school, Membership.Role.LEAD)]),
        "far_school_lead": make_user("dsl@farmeadow.example", memberships=[(far_school, Membership.Role.LEAD)]),
        # edits two schools' offers, so the CMS explorer's root is the offers directory, above both
        "far_school_editor": make_user(
            "office@farmeadow.example",
            memberships=[(far_school, Membership.Role.EDITOR), (other_school, Membership.Role.EDITOR)],
        ),
        "agency_lead": make_user("lead@fag.example", memberships=[(agency, Membership.Role.LEAD)]),
        "agency_editor": make_user("editor@fag.example", memberships=[(agency, Membership.Role.EDITOR)]),
        "no_role": make_user("nobody@sweep.example"),
    }
    for organisation in (other_school, far_school, agency):
        make_offer(organisation, user=users["admin"])
    # Maturity rounds are the partnership's: a draft only the LA sees, one open to contributors, one with the board.
    stmm = MaturityFramework.objects.get(slug="stmm", version=1)
    rounds = {}
    for key, title, status, is_open in (
        ("draft", marker("ROUNDDRAFT").text("title"), RoundStatus.DRAFT, False),
        ("open", "Open for views 2026", RoundStatus.DRAFT, True),
        ("submitted", "With the board 2025", RoundStatus.SUBMITTED, False),
    ):
        round_ = maturity_services.create_round(
            framework=stmm,
            title=title,
            period_start=date(2025, 1, 1),
            period_end=date(2025, 1, 31),
            user=users["la_officer"],
        )
        round_.status, round_.open_to_contributors = status, is_open
        if status == RoundStatus.SUBMITTED:
            round_.summary = marker("ROUNDSUBMITTED").text("summary")
            round_.submitted_by, round_.submitted_at = users["la_officer"], timezone.now()
        elif not is_open:
            round_.summary = marker("ROUNDDRAFT").text("summary")
        round_.save()
        rounds[key] = round_
    StrandRating.objects.filter(round=rounds["draft"]).update(evidence=marker("ROUNDDRAFT").text("evidence"))
    return users, rounds


def build(victim, users, rounds):
    """Give `victim` work in every feature; returns the World (and adds victim_lead / victim_editor to users)."""
    m = marker
    admin, officer = users["admin"], users["la_officer"]
    lead = make_user("dsl@victim.example", memberships=[(victim, Membership.Role.LEAD)])
    editor = make_user("office@victim.example", memberships=[(victim, Membership.Role.EDITOR)])
    editor.last_name = m("PERSON").text("last name")
    editor.save()
    lead.last_name = m("LEADNAME").text("last name")  # submits the offer: "requested by", "edited by" in the CMS
    lead.save()
    users["victim_lead"], users["victim_editor"] = lead, editor
    sister = _school("Victim Sister Nursery", "777002", victim.locality, phase="early_years")
    for person, role in ((lead, Membership.Role.LEAD), (editor, Membership.Role.EDITOR)):
        Membership.objects.create(user=person, organisation=sister, role=role)

    # Offers: published, then a new version in moderation; the sister's offer never published.
    offer = make_offer(victim, user=admin, summary=m("OFFERPUBLIC").text("published summary"))
    offer.title = m("OFFERPENDING").text("title awaiting moderation")  # the CMS shows it as the draft title
    offer.summary = m("OFFERPENDING").text("summary awaiting moderation")
    offer.how_to_get_help = m("OFFERPENDING").text("how to get help awaiting moderation")
    offer_services.submit_for_moderation(offer, lead)
    draft_offer = make_offer(
        sister,
        "draft",
        user=lead,
        title=m("OFFERDRAFT").text("draft title"),
        summary=m("OFFERDRAFT").text("draft summary"),
    )
    # The organisation's own record, changed after the offer copied its contact details.
    victim.address = m("CONTACT").text("address")
    victim.phone = "0116 000 0000"
    victim.save()

    # Commitments: last year's audit submitted, this year's in progress; a quality visit.
    this_year = academic_year(timezone.localdate())
    last_year = academic_year(timezone.localdate() - timedelta(days=366))
    submitted = audit_services.start_audit(victim, last_year, lead)
    Action.objects.filter(audit=submitted).update(notes=m("AUDITSUBMITTED").text("action notes"))
    audit_services.submit_audit(submitted, lead, submitted.version)
    audit = audit_services.start_audit(victim, this_year, lead)
    OutcomeRecord.objects.filter(audit=audit).update(details=m("AUDIT").text("outcome details"))
    action = Action.objects.filter(audit=audit).order_by("pk").first()
    action.description, action.notes, action.owner = (
        m("AUDIT").text("action description"),
        m("AUDIT").text("action notes"),
        m("AUDIT").text("owner"),
    )
    action.save()
    TrainedStaff.objects.create(audit=audit, name=m("AUDIT").text("trained staff"), updated_by=lead)
    AuditComment.objects.create(audit=audit, author=officer, text=m("AUDIT").text("officer comment"))
    visit = OfferVisit.objects.create(
        organisation=victim,
        visited_on=date.today() - timedelta(days=10),
        officer=officer,
        judgement="good",
        notes=m("VISIT").text("notes"),
        agreed_actions=m("VISIT").text("agreed actions"),
        recorded_by=officer,
    )

    # Case-file audits of a case the victim leads, moderated by a second officer.
    framework = CaseFramework.objects.get(slug="leicester-eha-principles", version=1)
    case_audit = make_case_audit(
        framework,
        case_reference="EHA-977001",
        lead_agency=victim,
        locality=victim.locality,
        eha_start_date=date(2017, 12, 1),
        audit_date=date(2018, 5, 10),
        auditor=officer,
        findings=Finding.MET,
        evidence=m("CASE").text("evidence"),
        strengths=m("CASE").text("strengths"),
        areas_for_development=m("CASE").text("areas for development"),
    )
    case_action = AuditAction.objects.create(
        audit=case_audit,
        description=m("CASE").text("action"),
        due_date=date(2018, 6, 30),
        progress_note=m("CASE").text("progress note"),
    )
    Moderation.objects.create(
        audit=case_audit, moderator=admin, agrees=True, judgement=Judgement.GOOD, reason=m("CASE").text("reason")
    )

    # Maturity: the victim lead's own view on the round open to contributors.
    stmm = rounds["open"].framework
    round_item = ActionItem.objects.create(
        round=rounds["draft"], number=1, recommendation=m("ROUNDDRAFT").text("recommendation"), responsible_lead="LA"
    )
    ContributorRating.objects.create(
        round=rounds["open"],
        strand=stmm.strands.order_by("pk").first(),
        contributor=lead,
        rating=parse_rating("Maturing", stmm.level_names),
        comment=m("ROUNDVIEW").text("comment"),
    )

    # Pledges: signed with a public statement, evidence on every pledge.
    pledge_set = PledgeSet.objects.current()
    Signature.objects.create(
        organisation=victim,
        pledge_set=pledge_set,
        signatory_name=m("SIGNATURE").text("signatory"),
        signatory_role="Head teacher",
        signed_on=date(2024, 5, 1),
        statement=m("SIGNATURE").text("statement"),
        recorded_by=lead,
    )
    for pledge in pledge_set.pledges.all():
        PledgeStatus.objects.create(
            organisation=victim,
            pledge=pledge,
            status=PledgeStatusChoice.IN_PROGRESS,
            review_date=date.today() + timedelta(days=90),
            notes=m("PLEDGE").text(f"pledge {pledge.number} notes"),
            updated_by=lead,
        )
    # The lead's name signs the published offer (its sign-off reads this record), so it is public; the
    # contact details are for signed-in partners only, and carry the marker.
    DesignatedLead.objects.update_or_create(
        organisation=victim,
        defaults={
            "name": "Dana Lead",
            "role": m("DESIGNATEDLEAD").text("role"),
            "email": "VQ7DESIGNATEDLEADZ@victim.example",
            "phone": "0116 496 0777",
            "updated_by": lead,
        },
    )
    TrainingSummary.objects.create(organisation=victim, staff_in_roles=7, staff_trained=3, updated_by=lead)
    training = TrainingRecord.objects.create(
        organisation=victim, course=m("PLEDGE").text("course"), date=date(2025, 3, 3), attendees=4, recorded_by=lead
    )
    AccessRoutes.objects.create(
        organisation=victim,
        for_staff=m("PLEDGE").text("access for staff"),
        for_service_users=m("PLEDGE").text("access for families"),
        updated_by=lead,
    )
    measure = ImpactMeasure.objects.create(
        organisation=victim, name=m("PLEDGE").text("measure"), description=m("PLEDGE").text("measure description")
    )
    impact_return = ImpactReturn.objects.create(
        measure=measure,
        period_start=date(2025, 4, 1),
        value=12,
        narrative=m("PLEDGE").text("narrative"),
        submitted_by=lead,
    )

    # Wagtail's own records about the victim's pages.
    workflow_state = WorkflowState.objects.active().for_instance(offer).first()
    editing_session = EditingSession.objects.create(
        user=lead,
        content_type=ContentType.objects.get_for_model(offer),
        object_id=str(offer.pk),
        last_seen_at=timezone.now(),
        is_editing=True,
    )
    redirect = Redirect.objects.create(old_path="/victim-old-offer", redirect_page=offer)
    wagtail = {
        "workflow": workflow_state.workflow,
        "workflow_state": workflow_state,
        "task_state": workflow_state.current_task_state,
        "task": workflow_state.current_task_state.task,
        "redirect": redirect,
        "editing_session": editing_session,
        "site": Site.objects.get(is_default_site=True),
        "collection": Collection.get_first_root_node(),
        "editor_group": Group.objects.filter(user=lead).exclude(name__in=["Moderators"]).order_by("pk").first(),
        "index": OfferIndexPage.objects.get(),
        "sal_id": openreferral_ids.service_at_location_id(str(offer.translation_key)),
        "service_ids": [openreferral_ids.service_id(offer), openreferral_ids.service_id(draft_offer)],
    }
    job = _job(lead, m("JOB"))
    return World(
        job=job,
        board_side=_board_side(victim, lead, officer, offer),
        victim=victim,
        sister=sister,
        users=users,
        offer=offer,
        draft_offer=draft_offer,
        audit=audit,
        submitted_audit=submitted,
        action=action,
        visit=visit,
        case_audit=case_audit,
        case_action=case_action,
        rounds=rounds,
        round_item=round_item,
        pledge={"training": training, "measure": measure, "return": impact_return},
        wagtail=wagtail,
        password_reset=(urlsafe_base64_encode(force_bytes(lead.pk)), "set-password"),
    )
