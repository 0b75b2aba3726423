"""Reads for the audit tool. Dashboards and the city-wide view count in the database, never row by row:
the city view for any number of schools is a fixed handful of queries (pinned by tests)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BooleanField, Count, ExpressionWrapper, F, FilteredRelation, Q, Subquery

from audits.models import Action, Audit, Commitment, OfferVisit, Outcome, OutcomeRecord
from audits.rules import (
    CommitmentFacts,
    action_facts,
    commitment_rag,
    is_overdue,
    named_lead_outcome_complete,
    offer_outcome_complete,
    outcome_facts,
    school_rag,
)
from home import selectors as offers
from pledges.selectors import designated_lead_of
from pledges.selectors import organisations_with_a_designated_lead as recorded_leads
from portal.memo import remembered
from portal.models import Membership, Organisation
from portal.permissions import commitments as can
from portal.permissions import member_organisation_ids
from portal.rag import Rag

# The counts of CommitmentFacts that the roll-up reads (rules.commitment_rag, and the overdue actions), in
# this order: what counts_by_audit counts. Outcomes answered and actions recorded are left out: no rule and
# no page of many audits reads them (an audit's own page works them out from its records, audit_detail).
ROLL_UP_COUNTS = ("outcomes", "outcomes_complete", "actions_red", "actions_overdue", "actions", "actions_started")
OVERDUE = ROLL_UP_COUNTS.index("actions_overdue")


def roll_up_facts(counts) -> CommitmentFacts:
    """The CommitmentFacts of a tuple of counts_by_audit (the counts the roll-up does not read left at 0)."""
    return CommitmentFacts(**dict(zip(ROLL_UP_COUNTS, counts, strict=True)))


def counts_by_audit(audits, today, schools) -> dict:
    """{audit id: {commitment id: the ROLL_UP_COUNTS, in their order}} for a queryset of audits, whose
    schools `schools` gives ({audit id: organisation id}, which every caller has read already), in two
    aggregates grouped by audit and commitment (plus the offers and designated leads that two outcomes
    follow): the rows of the plan and the outcome records are counted by the database, never read. Plain
    tuples, so 5,000 audits cost no object per commitment (roll_up_facts makes the facts of one).

    Grouped by the commitment's id, not its number, and not by school: either would join 100,000 actions
    to their commitment or the records to their audit only to be grouped again by the same thing."""
    action_rows = _counted_rows(
        Action.objects.filter(audit__in=audits)
        .order_by()
        .values_list("audit_id", "commitment_id")
        .annotate(
            n_red=Count("pk", filter=Q(rag=Rag.RED)),
            n_overdue=Count("pk", filter=Q(due_date__lt=today) & ~Q(rag=Rag.GREEN)),
            n_actions=Count("pk"),
            n_started=Count("pk", filter=~Q(rag=Rag.NOT_STARTED)),
        )
    )
    # (red, overdue, total, started): the order of the annotations above and of ROLL_UP_COUNTS
    actions = {(row[0], row[1]): row[2:] for row in action_rows}
    offer_outcome = Q(outcome__kind=Outcome.Kind.OFFER_PUBLISHED)
    # The named-lead outcome follows the designated-lead record (rules.named_lead_outcome_complete).
    lead_outcome = Q(outcome__kind=Outcome.Kind.NAMED_LEAD)
    outcome_rows = _counted_rows(
        OutcomeRecord.objects.filter(audit__in=audits)
        .order_by()
        .values_list("audit_id", "outcome__commitment_id")
        .annotate(
            n_total=Count("pk"),
            # The offer outcome follows the offer, not its typed answer (rules.offer_outcome_complete).
            n_complete=Count("pk", filter=Q(complete=True) & ~offer_outcome & ~lead_outcome),
            n_offer=Count("pk", filter=offer_outcome),
            n_lead=Count("pk", filter=lead_outcome),
        )
    )
    offer_complete = _offers_complete(audits) if any(row[4] for row in outcome_rows) else set()
    # The leads of the audits' schools, asked as a subquery (none when no outcome names a lead).
    with_lead = recorded_leads(audits.values("organisation_id")) if any(row[5] for row in outcome_rows) else set()
    counts, no_actions = defaultdict(dict), (0,) * 4
    for audit_id, commitment_id, total, complete, offer, lead in outcome_rows:
        if offer and schools[audit_id] in offer_complete:
            complete += offer
        if lead and named_lead_outcome_complete(schools[audit_id] in with_lead):
            complete += lead
        counts[audit_id][commitment_id] = (total, complete) + actions.pop((audit_id, commitment_id), no_actions)
    for (audit_id, commitment_id), action_counts in actions.items():  # a commitment with no outcomes
        counts[audit_id][commitment_id] = (0, 0) + action_counts
    return counts


def _counted_rows(queryset) -> list:
    """The rows of a grouped count straight from the cursor, as tuples: the ORM writes the SQL, but its
    converters are skipped, since ids and counts need none (a COUNT is never NULL); at 5,000 audits,
    converting 200,000 counts one by one cost as much as the queries themselves."""
    try:
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:  # nothing the person may read (queryset.none()): no query to run
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _offers_complete(audits) -> set:
    """The audits' schools whose offer makes the offer outcome complete (rules.offer_outcome_complete on the
    offers feature's own state). Only a school that has started an offer can have a published one, so only
    those are asked about: the offers feature's statuses cost a URL each."""
    states = offers.offer_statuses(_with_an_offer_page(audits))
    return {pk for pk, status in states.items() if offer_outcome_complete(status.state)}


def _with_an_offer_page(audits) -> list:
    """The ids of the audits' schools that have an offer page (published or not)."""
    started = Organisation.objects.filter(pk__in=audits.values("organisation_id"), offer_page__isnull=False)
    return list(started.values_list("pk", flat=True))


def facts_by_audit(audits, today) -> dict:
    """{audit id: {commitment id: CommitmentFacts}} for a list of audits (counts_by_audit: the facts the
    roll-up reads)."""
    schools = {audit.pk: audit.organisation_id for audit in audits}
    facts = defaultdict(lambda: defaultdict(CommitmentFacts))
    for audit_id, by_commitment in counts_by_audit(Audit.objects.filter(pk__in=list(schools)), today, schools).items():
        for commitment_id, counts in by_commitment.items():
            facts[audit_id][commitment_id] = roll_up_facts(counts)
    return facts


@dataclass
class CommitmentStatus:
    commitment: Commitment
    facts: CommitmentFacts
    rag: Rag


PHASE_LABELS = dict(Organisation.Phase.choices)
STATUS_LABELS = dict(Audit.Status.choices)


@dataclass
class SchoolRow:
    """One school of the city view, as plain values (5,000 of them cost no model instance)."""

    school_id: int
    name: str
    slug: str
    urn: str
    phase: str
    locality: str  # the locality's name, or ""
    audit_id: int | None = None  # the school's audit for the year, if it has one
    audit_status: str = ""
    submitted_at: object = None  # datetime or None
    rags: list = field(default_factory=list)  # [Rag] by commitment, or [] when the person may not see them
    overall: Rag = Rag.NOT_STARTED
    overdue: int = 0
    visible: bool = False  # the person may open this audit

    @property
    def phase_label(self):
        return PHASE_LABELS.get(self.phase, self.phase)

    @property
    def is_submitted(self):
        return self.audit_status == Audit.Status.SUBMITTED

    @property
    def status_label(self):
        return STATUS_LABELS.get(self.audit_status, self.audit_status) if self.audit_id else "Not started"

    @property
    def status_colour(self):
        if self.audit_id is None:
            return "grey"
        return "green" if self.is_submitted else "blue"


@dataclass
class CityView:
    academic_year: str
    commitments: list
    rows: list  # SchoolRow, after every filter
    population: int  # schools after the locality and phase filters
    engaged: int
    submitted: int
    all_green: int  # schools whose rated audit has every commitment green
    with_overdue: int
    visits: int
    rates_unsubmitted: bool = True  # False for the board: only submitted audits carry ratings

    @property
    def rated(self) -> str:
        """Which audits the RAG figures count, in words: the board's and the LA's differ, so the labels say so."""
        return "audits submitted or in progress" if self.rates_unsubmitted else "submitted audits"

    @property
    def all_green_label(self) -> str:
        return f"schools with every commitment green (of {self.rated})"

    @property
    def with_overdue_label(self) -> str:
        return f"schools with an action past its date (of {self.rated})"

    def rag_spread(self) -> list:
        """[(commitment, {Rag: number of schools})] over the rated rows shown, in the commitments' order:
        the spread the board reads per commitment (only audits the reader may see carry ratings)."""
        spread = [(c, dict.fromkeys(Rag, 0)) for c in self.commitments]
        for row in self.rows:
            for (_, counts), rag in zip(spread, row.rags, strict=False):
                counts[rag] += 1
        return spread


def year_commitments(academic_year) -> tuple:
    """The commitments that head the year's columns: those of the framework most of its audits used (the
    current framework when the year has no audits); and {commitment id: its column} for the commitments of
    every framework, matched by number, so an audit on another version of the framework fills the same
    columns. One query: the commitments of all the frameworks are a few rows."""
    most_used = (
        Audit.objects.for_year(academic_year)
        .order_by()
        .values("framework")
        .annotate(n=Count("pk"))
        .order_by("-n", "-framework")
        .values("framework")[:1]
    )
    every = list(
        Commitment.objects.annotate(
            heads=ExpressionWrapper(Q(framework=Subquery(most_used)), output_field=BooleanField()),
            current=F("framework__is_current"),
        ).order_by("number")
    )
    commitments = [c for c in every if c.heads] or [c for c in every if c.current]
    column = {c.number: index for index, c in enumerate(commitments)}
    return commitments, {c.pk: column[c.number] for c in every if c.number in column}


@remembered  # asked for the same year by the overview's sections and the scorecard (portal.memo)
def city_view(user, academic_year, today, *, locality=None, phase="", rag="", overdue=False, status=""):
    """All active schools x the commitments for one academic year, filtered, with counts.

    The board sees submitted audits' ratings; in-progress audits show as "In progress" without ratings.
    `user=None` reads everything, for the local authority's scheduled exports.

    A fixed number of queries whatever the number of schools: the schools with their year's audit as values
    (one query), the facts counted per audit and commitment by the database (counts_by_audit), and the
    totals. Python works on those aggregates only, and rates each distinct set of counts once (the rules
    are audits.rules, applied here exactly as on one audit's page).
    """
    schools = Organisation.objects.schools().active()
    if locality:
        schools = schools.filter(locality=locality)
    if phase:
        schools = schools.filter(phase=phase)
    year_audit = FilteredRelation("commitment_audits", condition=Q(commitment_audits__academic_year=academic_year))
    school_rows = (
        schools.annotate(year_audit=year_audit)
        .order_by("name")
        .values_list(
            "pk",
            "name",
            "slug",
            "urn",
            "phase",
            "locality__name",
            "year_audit__pk",
            "year_audit__status",
            "year_audit__submitted_at",
        )
    )
    visible = Audit.objects.for_year(academic_year).filter(organisation__in=schools.values("pk"))
    if user is not None:
        visible = can.visible_audits(user, visible)
    visible_ids = set(visible.values_list("pk", flat=True))
    school_rows = list(school_rows)
    schools_of = {row[6]: row[0] for row in school_rows if row[6] is not None}  # {audit id: school id}
    by_audit = counts_by_audit(visible, today, schools_of)
    commitments, column_of = year_commitments(academic_year)
    nothing = (0,) * len(ROLL_UP_COUNTS)
    no_counts = [nothing] * len(commitments)
    commitment_rags, school_rags = {}, {}  # the rules, asked once per distinct set of counts

    rows = []
    for school_id, name, slug, urn, school_phase, locality_name, audit_id, audit_status, submitted_at in school_rows:
        row = SchoolRow(school_id, name, slug, urn or "", school_phase, locality_name or "", audit_id)
        if audit_id is not None:
            row.audit_status, row.submitted_at = audit_status, submitted_at
            if audit_id in visible_ids:
                row.visible = True
                audit_counts = by_audit.get(audit_id, {})
                by_column = no_counts.copy()
                for commitment_id, counts in audit_counts.items():
                    if commitment_id in column_of:
                        by_column[column_of[commitment_id]] = counts
                rags = []
                for key in by_column:
                    rating = commitment_rags.get(key)
                    if rating is None:
                        rating = commitment_rags[key] = commitment_rag(roll_up_facts(key))
                    rags.append(rating)
                row.rags = rags
                key = tuple(rags)
                if key not in school_rags:
                    school_rags[key] = school_rag(rags)
                row.overall = school_rags[key]
                row.overdue = sum(c[OVERDUE] for c in audit_counts.values())
        rows.append(row)

    view = CityView(
        academic_year=academic_year,
        commitments=commitments,
        rows=rows,
        population=len(rows),
        engaged=sum(1 for r in rows if r.audit_id),
        submitted=sum(1 for r in rows if r.audit_id and r.is_submitted),
        all_green=sum(1 for r in rows if r.rags and r.overall == Rag.GREEN),
        with_overdue=sum(1 for r in rows if r.overdue),
        visits=OfferVisit.objects.filter(organisation__in=schools).count(),
        rates_unsubmitted=user is None or can.can_see_unsubmitted_detail(user),
    )
    if status == "not_started":
        view.rows = [r for r in view.rows if r.audit_id is None]
    elif status:
        view.rows = [r for r in view.rows if r.audit_id and r.audit_status == status]
    if rag:
        view.rows = [r for r in view.rows if r.rags and r.overall == rag]
    if overdue:
        view.rows = [r for r in view.rows if r.overdue]
    return view


@dataclass
class AuditDetail:
    """One audit with everything its pages show, loaded in a fixed number of queries."""

    audit: Audit
    sections: list  # [Section]
    overall: Rag
    offer_status: object
    comments: list
    rag_changes: list
    trained_staff: list
    overdue: int
    designated_lead: object = None  # pledges.DesignatedLead or None: commitment 1's named DSL


@dataclass
class Section:
    commitment: Commitment
    records: list
    actions: list
    rag: Rag
    facts: CommitmentFacts
    saved: object = None  # SectionProgress or None
    comments: list = field(default_factory=list)

    @property
    def has_trained_staff(self):
        return any(r.outcome.kind == Outcome.Kind.TRAINED_STAFF for r in self.records)


def audit_detail(audit, today) -> AuditDetail:
    commitments = list(audit.framework.commitments.prefetch_related("outcomes"))
    records = list(audit.outcome_records.select_related("outcome", "updated_by"))
    actions = list(
        audit.actions.select_related("outcome", "updated_by").order_by("outcome__position", "position", "pk")
    )
    changes = list(audit.rag_changes.select_related("changed_by"))
    history = defaultdict(list)
    for change in changes:
        history[change.action_id].append(change)
    for action in actions:
        action.history = history[action.pk]
        action.overdue = is_overdue(action.due_date, action.rag, today)
    progress = {p.commitment_id: p for p in audit.sections.select_related("saved_by")}
    comments = list(audit.comments.select_related("author", "commitment"))
    offer_status = offers.offer_statuses([audit.organisation_id])[audit.organisation_id]
    designated_lead = designated_lead_of(audit.organisation_id)
    lead_recorded = designated_lead is not None
    sections = []
    for commitment in commitments:
        c_records = [r for r in records if r.outcome.commitment_id == commitment.pk]
        c_actions = [a for a in actions if a.commitment_id == commitment.pk]
        facts = outcome_facts(c_records, offer_status.state, lead_recorded) + action_facts(c_actions, today)
        sections.append(
            Section(
                commitment=commitment,
                records=c_records,
                actions=c_actions,
                rag=commitment_rag(facts),
                facts=facts,
                saved=progress.get(commitment.pk),
                comments=[c for c in comments if c.commitment_id == commitment.pk],
            )
        )
    return AuditDetail(
        audit=audit,
        sections=sections,
        overall=school_rag([s.rag for s in sections]),
        offer_status=offer_status,
        designated_lead=designated_lead,
        comments=[c for c in comments if c.commitment_id is None],
        rag_changes=changes,
        trained_staff=list(audit.trained_staff.all()),
        overdue=sum(s.facts.actions_overdue for s in sections),
    )


def school_audits(user, school, today):
    """The school's audits the person may read, newest year first, each with its overall RAG."""
    audits = list(can.visible_audits(user, Audit.objects.filter(organisation=school)).order_by("-academic_year"))
    facts = facts_by_audit(audits, today)
    for audit in audits:
        audit.overall = school_rag([commitment_rag(f) for f in facts[audit.pk].values()] or [Rag.NOT_STARTED])
        audit.overdue = sum(f.actions_overdue for f in facts[audit.pk].values())
    return audits


def member_school_audits(user, academic_year, today):
    """For a school's people: each of their schools with its audit for the year (or None) and its RAG."""
    schools = list(Organisation.objects.schools().active().filter(pk__in=member_organisation_ids(user)))
    audits = {a.organisation_id: a for a in Audit.objects.for_year(academic_year).filter(organisation__in=schools)}
    facts = facts_by_audit(audits.values(), today)
    result = []
    for school in schools:
        audit = audits.get(school.pk)
        rag, overdue = Rag.NOT_STARTED, 0
        if audit:
            rag = school_rag([commitment_rag(f) for f in facts[audit.pk].values()] or [Rag.NOT_STARTED])
            overdue = sum(f.actions_overdue for f in facts[audit.pk].values())
        result.append((school, audit, rag, overdue))
    return result


def school_visits(user, school):
    return list(can.visible_visits(user, OfferVisit.objects.filter(organisation=school)).select_related("officer"))


def lead_names(audit):
    """Who can submit: the school's leads, for telling an editor who to ask."""
    leads = Membership.objects.filter(organisation=audit.organisation, role=Membership.Role.LEAD).select_related("user")
    return [m.user.get_full_name() or m.user.email for m in leads]
