"""Demo data for the commitments audit: audits in varied states this academic year and last, RAG histories,
comments, and the seed's 27 offer quality visits.

- Rushey Mead Primary School (school.lead@example.org, school.editor@example.org) has an in-progress audit
  with commitment 1 saved and both people's wizard position at commitment 2, so resuming can be tried.
- English Martyrs' Catholic School (secondary.lead@example.org) has submitted its audit.
- Every other school with an audit has a lead account `dsl.<URN>@example.org` (who started, rated and
  submitted it), and a second officer, coordinator@example.org, shares the visits with qa.officer@example.org.
- Four schools have not started this year's audit; thirty schools have a submitted audit for last year.

Idempotent: audits are keyed by (school, year), visits by (school, date), accounts by email; an audit's
contents are written when the audit is first created, so running it again changes nothing.
"""

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from audits import services
from audits.models import (
    Action,
    Audit,
    AuditComment,
    OfferVisit,
    Outcome,
    OutcomeRecord,
    RagChange,
    SectionProgress,
    TrainedStaff,
    WizardPosition,
)
from audits.rules import previous_academic_year
from home import selectors as offers
from portal.demo import DEMO_PASSWORD
from portal.models import Membership, Organisation, User
from portal.periods import academic_year, academic_year_start
from portal.rag import Rag
from portal.seeding import demo_seeder

DEMO_SCHOOL = "Rushey Mead Primary School"
NOT_STARTED = {"Braunstone Nursery School", "Highfields Nursery School", "Millgate Special School", "Gateway College"}
# How far each school has got this year, by its position in the list: (sections saved, submitted, trouble)
PROFILES = [
    (4, True, "none"),
    (4, True, "overdue"),
    (4, True, "none"),
    (3, False, "none"),
    (4, True, "red"),
    (2, False, "overdue"),
    (4, True, "none"),
    (1, False, "none"),
    (4, True, "overdue"),
    (4, False, "none"),
]
STAFF_NAMES = ["Aisha Begum", "Daniel Hughes", "Priya Mistry", "Joanne Walsh", "Mohammed Ali", "Kerry Smith"]
OWNERS = ["DSL", "Deputy DSL", "Family support worker", "SENCo", "Pastoral lead", "Head teacher"]
VISIT_NOTES = [
    "Offer covers all seven areas; access routes for parents are clear. Staff briefing slides seen.",
    "Provision listed for attendance and SEMH only; the other areas are not yet described.",
    "Offer signed off by the head and governors; published on the website but hard to find from the home page.",
    "Clear pathway from first response to EHA described; measurable outcomes given for each area.",
    "Offer is a list of services without outcomes; discussed how to evidence impact.",
]
VISIT_ACTIONS = [
    "Add the offer to the portal directory and link it from the school website's home page.",
    "Describe provision for transition, staying safe and the local community; review with the LA in a term.",
    "Add measurable outcomes for each area, using the Early Help in Schools list.",
    "Include Early Help as a standing item in staff briefings.",
    "",
]
JUDGEMENTS = ["good", "good", "requires_improvement", "outstanding", "requires_improvement", "good", "inadequate"]
COMMENTS = [
    "Thank you for a thorough audit. The EHA training dates for your DSLs are now published on the training site.",
    "Please check the review date for the published offer: it has passed.",
    "Good progress on awareness for parents; consider adding the offer to the newsletter each term.",
]


def _aware(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


@demo_seeder(order=30)
def seed(stdout=None):
    today = timezone.localdate()
    this_year = academic_year(today)
    last_year = previous_academic_year(this_year)
    password_hash = make_password(DEMO_PASSWORD)  # one hash for every demo lead: hashing is slow on purpose
    officers = [
        User.objects.get(email="qa.officer@example.org"),
        _account(
            "coordinator@example.org",
            "Chris",
            "Morgan",
            "Early Help Coordinator",
            password_hash,
            partnership_role=User.PartnershipRole.LA_OFFICER,
        ),
    ]
    schools = list(Organisation.objects.schools().active().order_by("urn"))
    published = {pk for pk, status in offers.offer_statuses([s.pk for s in schools]).items() if status.published}

    created = 0
    for index, school in enumerate(schools):
        lead = _school_lead(school, password_hash)
        if index % 3 != 2 and school.name not in NOT_STARTED | {DEMO_SCHOOL}:
            created += _seed_audit(school, last_year, lead, (4, True, "none"), today, published)
        if school.name in NOT_STARTED:
            continue
        profile = PROFILES[index % len(PROFILES)]
        if school.name == DEMO_SCHOOL:
            profile = (1, False, "none")
        elif school.name == "English Martyrs' Catholic School":
            profile = (4, True, "none")
        created += _seed_audit(school, this_year, lead, profile, today, published)

    _seed_demo_school_positions(this_year)
    visits = _seed_visits(schools, officers, today)
    if stdout:
        stdout.write(
            f"Commitments audits: {Audit.objects.filter(academic_year=this_year).count()} for {this_year}, "
            f"{Audit.objects.filter(academic_year=last_year).count()} for {last_year} ({created} new); "
            f"{visits} offer quality visits."
        )


def _account(email, first, last, job, password_hash, **extra):
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last, "job_title": job, "password": password_hash}
    )
    changed = {k: v for k, v in extra.items() if getattr(user, k) != v}
    if changed:
        for name, value in changed.items():
            setattr(user, name, value)
        user.save()
    return user


def _school_lead(school, password_hash):
    """The school's existing lead (a demo account) or a demo DSL made for it."""
    membership = (
        Membership.objects.filter(organisation=school, role=Membership.Role.LEAD).select_related("user").first()
    )
    if membership:
        return membership.user
    rng = random.Random(school.urn)
    first = rng.choice(["Sarah", "James", "Nadia", "Ravi", "Helen", "Tom", "Leah", "Imran", "Claire", "Owen"])
    last = rng.choice(["Taylor", "Khan", "Evans", "Lal", "Brown", "Wood", "Chauhan", "Green", "Moss", "Reid"])
    user = _account(f"dsl.{school.urn}@example.org", first, last, "Designated Safeguarding Lead", password_hash)
    Membership.objects.get_or_create(user=user, organisation=school, defaults={"role": Membership.Role.LEAD})
    return user


def _seed_audit(school, year, lead, profile, today, published):
    """Create one audit and fill it in as far as the profile says. Returns 1 if created, 0 if it existed."""
    if Audit.objects.filter(organisation=school, academic_year=year).exists():
        return 0
    sections_saved, submitted, trouble = profile
    rng = random.Random(f"{school.urn}-{year}")
    year_start = academic_year_start(today) if year == academic_year(today) else academic_year_start(today) - 1
    start_day = date(year_start, 9, 1) + timedelta(days=rng.randint(5, 40))
    end_day = min(today, date(year_start + 1, 7, 15))
    previous = services.previous_audit(school, year)
    audit = services.start_audit(school, year, lead, carry_forward=previous is not None)
    Audit.objects.filter(pk=audit.pk).update(started_at=_aware(start_day))

    commitments = list(audit.framework.commitments.order_by("number"))
    records = list(audit.outcome_records.select_related("outcome"))
    actions = list(audit.actions.all())
    span = max((end_day - start_day).days, 1)
    last_saved, history, progress = start_day, [], []
    for commitment in commitments[:sections_saved]:
        saved_day = start_day + timedelta(days=rng.randint(1, span))
        last_saved = max(last_saved, saved_day)
        _fill_outcomes(
            [r for r in records if r.outcome.commitment_id == commitment.pk],
            commitment,
            rng,
            saved_day,
            school.pk in published,
            trouble,
            lead,
        )
        if commitment.number == 2:
            _fill_staff(audit, rng, start_day, saved_day)
        history += _fill_actions(
            [a for a in actions if a.commitment_id == commitment.pk], rng, lead, start_day, saved_day, today, trouble
        )
        progress.append(SectionProgress(audit=audit, commitment=commitment, saved_by=lead, saved_at=_aware(saved_day)))
    OutcomeRecord.objects.bulk_update(records, ["complete", "details", "achieved_on", "review_date", "updated_by"])
    Action.objects.bulk_update(actions, ["rag", "due_date", "owner", "updated_by"])
    RagChange.objects.bulk_create(history)
    SectionProgress.objects.bulk_create(progress)
    services.update_trained_staff_outcome(audit, lead)
    if submitted:
        Audit.objects.filter(pk=audit.pk).update(
            status=Audit.Status.SUBMITTED,
            submitted_by=lead,
            submitted_at=_aware(min(last_saved + timedelta(days=rng.randint(1, 10)), today), 15),
        )
        if rng.random() < 0.3:
            officer = User.objects.filter(partnership_role=User.PartnershipRole.LA_OFFICER).order_by("email").first()
            AuditComment.objects.create(audit=audit, author=officer, text=rng.choice(COMMENTS))
    return 1


def _fill_outcomes(records, commitment, rng, saved_day, offer_published, trouble, lead):
    for record in records:
        outcome = record.outcome
        if outcome.kind == Outcome.Kind.TRAINED_STAFF:
            continue
        complete = rng.random() < (0.5 if trouble != "none" else 0.85)
        if outcome.kind == Outcome.Kind.OFFER_PUBLISHED:
            complete = offer_published
        record.complete, record.updated_by = complete, lead
        if outcome.details_label and (complete or commitment.number == 1):
            record.details = {
                1: f"{lead.get_full_name()} (DSL)",
                3: "School website and the portal directory; reception notice board",
                4: "Assemblies, the termly newsletter and staff briefings",
            }.get(commitment.number, "Recorded in the safeguarding file")
        if complete and outcome.date_label:
            record.achieved_on = saved_day - timedelta(days=rng.randint(0, 20))
        if complete and outcome.asks_review_date:
            record.review_date = saved_day + timedelta(days=rng.choice([180, 270, 365]))


def _fill_staff(audit, rng, start_day, saved_day):
    if audit.trained_staff.exists():  # carried forward from last year
        return
    for name in rng.sample(STAFF_NAMES, rng.randint(1, 3)):
        part_a = start_day + timedelta(days=rng.randint(0, 10))
        finished = rng.random() < 0.7
        TrainedStaff.objects.create(
            audit=audit,
            name=name,
            part_a_on=part_a,
            part_b_on=min(part_a + timedelta(days=14), saved_day) if finished else None,
            login_received=finished,
        )


def _fill_actions(actions, rng, lead, start_day, saved_day, today, trouble):
    """Rate and date the actions; returns their RAG history to store."""
    history = []
    for action in actions:
        roll = rng.random()
        if roll < 0.5:
            rag = Rag.GREEN
        elif roll < 0.85:
            rag = Rag.AMBER
        else:
            rag = Rag.NOT_STARTED
        if rag == Rag.GREEN:
            due = min(saved_day + timedelta(days=rng.randint(0, 60)), today)
        else:
            due = today + timedelta(days=rng.randint(14, 150))
        if trouble == "overdue" and rag == Rag.AMBER and rng.random() < 0.5:
            due = min(today, saved_day) - timedelta(days=rng.randint(3, 30))
        if trouble == "red" and rag == Rag.AMBER and rng.random() < 0.4:
            rag = Rag.RED
        action.rag, action.due_date, action.owner = rag, due if rag != Rag.NOT_STARTED else None, rng.choice(OWNERS)
        action.updated_by = lead
        history += _history(action, lead, start_day, saved_day, rng)
    return history


def _history(action, lead, start_day, saved_day, rng):
    """Not started -> Amber when work started, then -> Green or Red when it finished or slipped."""
    if action.rag == Rag.NOT_STARTED:
        return []
    first = _aware(start_day + timedelta(days=rng.randint(0, max((saved_day - start_day).days // 2, 0))))
    changes = [
        RagChange(
            audit=action.audit,
            action=action,
            action_description=action.description,
            from_rag=Rag.NOT_STARTED,
            to_rag=Rag.AMBER,
            changed_by=lead,
            changed_at=first,
        )
    ]
    if action.rag != Rag.AMBER:
        changes.append(
            RagChange(
                audit=action.audit,
                action=action,
                action_description=action.description,
                from_rag=Rag.AMBER,
                to_rag=action.rag,
                changed_by=lead,
                changed_at=_aware(saved_day, 14),
            )
        )
    return changes


def _seed_demo_school_positions(year):
    """Both Rushey Mead accounts left the wizard at commitment 2: signing in again resumes there."""
    audit = Audit.objects.filter(organisation__name=DEMO_SCHOOL, academic_year=year).first()
    if audit is None:
        return
    for email in ("school.lead@example.org", "school.editor@example.org"):
        user = User.objects.filter(email=email).first()
        if user:
            WizardPosition.objects.update_or_create(audit=audit, user=user, defaults={"step": "commitment-2"})


def _seed_visits(schools, officers, today, count=27):
    """The seed's 27 visits to audit the quality and content of school offers, through last academic year
    (dates fixed for the whole of this academic year, so a second run finds the same visits)."""
    rng = random.Random("offer-visits")
    visited = rng.sample(schools, min(count, len(schools)))
    last_year_start = date(academic_year_start(today) - 1, 9, 8)
    for n, school in enumerate(visited):
        visited_on = last_year_start + timedelta(days=(n * 320) // count + rng.randint(0, 6))
        OfferVisit.objects.update_or_create(
            organisation=school,
            visited_on=visited_on,
            defaults={
                "officer": officers[n % len(officers)],
                "judgement": JUDGEMENTS[n % len(JUDGEMENTS)],
                "notes": VISIT_NOTES[n % len(VISIT_NOTES)],
                "agreed_actions": VISIT_ACTIONS[n % len(VISIT_ACTIONS)],
                "recorded_by": officers[n % len(officers)],
            },
        )
    return OfferVisit.objects.count()
