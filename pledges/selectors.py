"""Reads for pledge pages, the board's compliance matrix, its exports and the reminders.

Every read here runs a fixed number of queries whatever the number of organisations: statuses and
signatures are fetched once for all the organisations shown and joined in Python.
"""

from collections import namedtuple
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from django.db.models import Prefetch, QuerySet

from home import rules as home_rules
from home.selectors import offer_statuses
from pledges import rules
from pledges.models import (
    AccessRoutes,
    DesignatedLead,
    ImpactMeasure,
    ImpactReturn,
    Pledge,
    PledgeSet,
    PledgeStatus,
    Signature,
    Status,
    TrainingRecord,
    TrainingSummary,
)
from portal.models import Locality, Organisation


def current_pledge_set():
    return PledgeSet.objects.current()


def latest_signature(organisation):
    return (
        Signature.objects.filter(organisation=organisation)
        .select_related("pledge_set")
        .order_by("-signed_on", "-pk")
        .first()
    )


def working_pledge_set(signature):
    """The version an organisation works to: the one it last signed, else the current one."""
    return signature.pledge_set if signature else current_pledge_set()


@dataclass(slots=True)  # slots: the matrix makes one for every organisation and pledge
class Cell:
    """One organisation's position on one pledge."""

    pledge: Pledge
    status: Status = Status.NOT_STARTED
    review_date: date | None = None
    reason: str = ""
    notes: str = ""
    overdue: bool = False
    due_soon: bool = False
    record: object = None  # the PledgeStatus on an organisation's page; its StatusValues in the matrix
    declared: Status = Status.NOT_STARTED  # what the lead recorded; `status` may follow evidence instead
    note: str = ""  # why `status` differs from what was typed, e.g. "offer: awaiting moderation"
    offer: rules.OfferPledge | None = None  # the offer pledge's position, when this is the offer pledge

    @property
    def label(self) -> str:
        return self.status.label

    @property
    def colour(self) -> str:
        return rules.STATUS_COLOURS[self.status]

    @property
    def text(self) -> str:
        """The status as plain text, with the overdue review when there is one (spreadsheets, screen readers)."""
        extras = [self.note] if self.note else []
        if self.overdue:
            extras.append(rules.OVERDUE_LABEL.lower())
        return f"{self.label} ({'; '.join(extras)})" if extras else self.label


# What a cell reads of a PledgeStatus: the matrix reads these as values, not model instances.
StatusValues = namedtuple("StatusValues", "status review_date not_applicable_reason notes")
OFFER_EVIDENCE = Pledge.Evidence.OFFER


def make_cell(pledge, record, today, offer=None, offer_state=None) -> Cell:
    """One pledge's cell. `offer` (a home.selectors.OfferStatus) makes the offer pledge follow the offer;
    `offer_state` is its state when the caller already has it (the matrix works it out once a row)."""
    if record is None:
        declared, review_date, reason, notes = Status.NOT_STARTED, None, "", ""
    else:
        declared = rules.effective_status(record.status)
        review_date, reason, notes = record.review_date, record.not_applicable_reason, record.notes
    cell = Cell(
        pledge=pledge,
        status=declared,
        declared=declared,
        review_date=review_date,
        reason=reason,
        notes=notes,
        overdue=rules.is_overdue(declared, review_date, today),
        due_soon=rules.is_due_soon(declared, review_date, today),
        record=record,
    )
    if offer is not None and pledge.evidence == OFFER_EVIDENCE:
        position = rules.offer_pledge(declared, offer_state or offer.state)
        cell.offer, cell.status, cell.note = position, position.status, position.note
        if position.overdue and not cell.overdue:
            # The offer's review has passed: the pledge's review is overdue from the offer's date.
            cell.overdue, cell.due_soon, cell.review_date = True, False, offer.review_date
    return cell


def organisation_cells(organisation, pledge_set, today) -> list[Cell]:
    """The organisation's position on every pledge of the set, in pledge order (three queries)."""
    records = {
        r.pledge_id: r for r in PledgeStatus.objects.filter(organisation=organisation, pledge__pledge_set=pledge_set)
    }
    offer = offer_statuses([organisation.pk])[organisation.pk]
    return [make_cell(pledge, records.get(pledge.pk), today, offer) for pledge in pledge_set.pledges.all()]


def evidence_for(organisation, evidence_kind) -> dict:
    """What the organisation has recorded for one kind of evidence, for its pledge page."""
    if evidence_kind == Pledge.Evidence.DESIGNATED_LEAD:
        return {"lead": DesignatedLead.objects.filter(organisation=organisation).first()}
    if evidence_kind == Pledge.Evidence.TRAINING:
        return {
            "summary": TrainingSummary.objects.filter(organisation=organisation).first(),
            "records": list(TrainingRecord.objects.filter(organisation=organisation)),
        }
    if evidence_kind == Pledge.Evidence.ACCESS:
        return {"access": AccessRoutes.objects.filter(organisation=organisation).first()}
    if evidence_kind == Pledge.Evidence.OFFER:
        return {"offer": offer_statuses([organisation.pk])[organisation.pk]}
    if evidence_kind == Pledge.Evidence.IMPACT:
        measures = ImpactMeasure.objects.filter(organisation=organisation).prefetch_related(
            Prefetch("returns", queryset=ImpactReturn.objects.order_by("-period_start"))
        )
        return {"measures": list(measures)}
    return {}


def evidence_summary(organisation) -> dict:
    """One line of evidence per kind, for the organisation's overview (a fixed handful of queries)."""
    lead = DesignatedLead.objects.filter(organisation=organisation).first()
    training = TrainingSummary.objects.filter(organisation=organisation).first()
    courses = TrainingRecord.objects.filter(organisation=organisation).count()
    access = AccessRoutes.objects.filter(organisation=organisation).exists()
    measures = ImpactMeasure.objects.filter(organisation=organisation).count()
    returns = ImpactReturn.objects.filter(measure__organisation=organisation).count()
    offer = offer_statuses([organisation.pk])[organisation.pk]
    return {
        Pledge.Evidence.DESIGNATED_LEAD: f"{lead.name}, {lead.role}" if lead else "No designated lead named yet",
        Pledge.Evidence.TRAINING: (
            f"{training.staff_trained} of {training.staff_in_roles} staff trained; {courses} course(s) recorded"
            if training
            else f"Staff numbers not recorded; {courses} course(s) recorded"
        ),
        Pledge.Evidence.ACCESS: "Access routes described" if access else "Access routes not described yet",
        Pledge.Evidence.OFFER: f"Offer page: {offer.label} (this pledge follows it)",
        Pledge.Evidence.IMPACT: f"{measures} measure(s), {returns} return(s)",
        Pledge.Evidence.NOTES: "",
    }


STATUS_VALUES = tuple(Status.values)  # read once: TextChoices.values rebuilds the list on every call


@dataclass
class MatrixRow:
    organisation: Organisation
    signature: Signature | None
    cells: list
    offer: object  # home.selectors.OfferStatus
    offer_state: object = None  # the offer's state (home.rules.State), worked out once for the row
    counts: rules.Counts = field(init=False)

    def __post_init__(self):
        tally = dict.fromkeys(STATUS_VALUES, 0)
        overdue = 0
        for cell in self.cells:
            tally[cell.status] += 1
            overdue += cell.overdue
        self.counts = rules.Counts(**tally, overdue=overdue)
        if self.offer_state is None and self.offer is not None:
            self.offer_state = self.offer.state

    @property
    def all_met(self) -> bool:
        return rules.all_met(self.counts)


@dataclass
class MatrixFilters:
    """What the board narrowed the matrix to. Empty values mean 'any'."""

    kind: str = ""
    sector: str = ""
    locality: object = None  # a Locality
    pledge: int | None = None  # status and review filters look at this pledge only, when given
    status: str = ""
    review: str = ""  # "overdue" or "due_soon"
    signed: str = ""  # "yes" or "no"

    @property
    def narrows_rows(self) -> bool:
        """Whether any filter applies to the assembled rows (kind, sector and locality narrow the query)."""
        return bool(self.status or self.review or self.signed)

    def keep(self, row: MatrixRow) -> bool:
        if self.signed and (row.signature is not None) != (self.signed == "yes"):
            return False
        cells = [c for c in row.cells if self.pledge is None or c.pledge.number == self.pledge]
        if self.status and not any(c.status == self.status for c in cells):
            return False
        if self.review == "overdue" and not any(c.overdue for c in cells):
            return False
        if self.review == "due_soon" and not any(c.due_soon for c in cells):
            return False
        return True


@dataclass
class Matrix:
    pledge_set: PledgeSet
    pledges: list
    rows: list
    pledge_counts: list  # rules.Counts per pledge, in pledge order
    total_organisations: int  # before the status / review / signed filters

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def signed_count(self) -> int:
        return sum(row.signature is not None for row in self.rows)

    def signed_by(self, day) -> int:
        """Organisations shown whose signature of this set is dated on or before `day` (a past term's count)."""
        return sum(row.signature is not None and row.signature.signed_on <= day for row in self.rows)

    @property
    def all_met_count(self) -> int:
        return sum(row.all_met for row in self.rows)

    @cached_property
    def overdue_reviews(self) -> list:
        """(row, cell) for every overdue review shown, oldest first."""
        found = [(row, cell) for row in self.rows for cell in row.cells if cell.overdue]
        return sorted(found, key=lambda pair: (pair[1].review_date, pair[0].organisation.name, pair[1].pledge.number))

    @cached_property
    def totals(self) -> rules.Counts:
        return rules.Counts(
            **{
                name: sum(getattr(c, name) for c in self.pledge_counts)
                for name in ("not_started", "in_progress", "met", "not_applicable", "overdue")
            }
        )


# What the export reads of an organisation (pledges.exports): the same attribute names as the model's.
MatrixOrganisation = namedtuple("MatrixOrganisation", "pk name kind sector locality_id locality")
MatrixSignature = namedtuple("MatrixSignature", "organisation_id signed_on")


def compliance_matrix(
    organisations, pledge_set, today, filters: MatrixFilters | None = None, *, for_export=False
) -> Matrix:
    """Organisations x pledges of one set, in a fixed number of queries.

    `organisations` is a queryset already narrowed by permissions; kind, sector and locality narrow it in
    the database; status, review and signed filters apply to the assembled rows. `for_export` gives each
    row's organisation as a MatrixOrganisation (only what the workbook writes) rather than a model
    instance: building thousands of Organisation instances was a fifth of the export. Every figure is
    worked out by the same code either way.
    """
    filters = filters or MatrixFilters()
    organisations = organisations.order_by("name")
    if filters.kind:
        organisations = organisations.filter(kind=filters.kind)
    if filters.sector:
        organisations = organisations.filter(sector=filters.sector)
    if filters.locality is not None:
        organisations = organisations.filter(locality=filters.locality)
    organisation_ids = organisations.order_by().values("pk")  # the same organisations, as a subquery
    # A handful of localities serve thousands of organisations: read them once and share the instances,
    # rather than one joined Locality per organisation.
    localities = {locality.pk: locality for locality in Locality.objects.all()}
    if for_export:
        organisations = [
            MatrixOrganisation(pk, name, kind, sector, locality_id, localities.get(locality_id))
            for pk, name, kind, sector, locality_id in organisations.values_list(
                "pk", "name", "kind", "sector", "locality_id"
            )
        ]
    else:
        organisations = list(organisations)
        set_locality = Organisation.locality.field.set_cached_value
        for organisation in organisations:
            set_locality(organisation, localities.get(organisation.locality_id))
    ids = [o.pk for o in organisations]
    pledges = list(pledge_set.pledges.all())
    # Statuses as values, not model instances: thousands of organisations have a row for most pledges.
    records = {
        (organisation_id, pledge_id): StatusValues(*values)
        for organisation_id, pledge_id, *values in PledgeStatus.objects.filter(
            pledge__pledge_set=pledge_set, organisation_id__in=organisation_ids
        )
        .order_by()
        .values_list("organisation_id", "pledge_id", "status", "review_date", "not_applicable_reason", "notes")
        .iterator(chunk_size=5000)
    }
    # One signature per organisation and pledge set (a constraint), so no order is needed: the model's
    # ordering by organisation name would join the organisations for nothing.
    signatures = Signature.objects.filter(pledge_set=pledge_set, organisation_id__in=organisation_ids).order_by()
    if for_export:
        signatures = {
            s.organisation_id: s for s in map(MatrixSignature._make, signatures.values_list(*MatrixSignature._fields))
        }
    else:
        signatures = {s.organisation_id: s for s in signatures}
    offers = offer_statuses(ids, published_at=False)  # the matrix never shows when an offer was published
    offers_on = home_rules.today()  # what OfferStatus.state reads, read once rather than once an organisation
    rows = []
    for o in organisations:
        offer = offers.get(o.pk)
        state = offer.state_on(offers_on) if offer is not None else None
        rows.append(
            MatrixRow(
                organisation=o,
                signature=signatures.get(o.pk),
                cells=[make_cell(p, records.get((o.pk, p.pk)), today, offer, state) for p in pledges],
                offer=offer,
                offer_state=state,
            )
        )
    shown = [row for row in rows if filters.keep(row)] if filters.narrows_rows else rows
    pledge_counts = [
        rules.count_statuses(((row.cells[i].status, row.cells[i].review_date) for row in shown), today)
        for i in range(len(pledges))
    ]
    return Matrix(pledge_set, pledges, shown, pledge_counts, total_organisations=len(rows))


def signatories():
    """The latest signature of every active organisation that has signed, for the public page (one query)."""
    latest = {}
    signatures = (
        Signature.objects.filter(organisation__status=Organisation.Status.ACTIVE)
        .select_related("organisation", "pledge_set")
        .order_by("organisation__name", "-signed_on", "-pk")
    )
    for signature in signatures:
        latest.setdefault(signature.organisation_id, signature)
    return list(latest.values())


def designated_leads():
    """Every active organisation's designated lead, for signed-in partners (one query)."""
    return list(
        DesignatedLead.objects.filter(organisation__status=Organisation.Status.ACTIVE)
        .select_related("organisation", "organisation__locality")
        .order_by("organisation__name")
    )


def designated_lead_of(organisation_id):
    """The organisation's recorded designated lead, or None (one query)."""
    return DesignatedLead.objects.filter(organisation_id=organisation_id).first()


def organisations_with_a_designated_lead(organisations) -> set:
    """Which of these organisations have their designated lead recorded (one query; none for no ids).

    `organisations`: their ids, or a queryset of them (`.values("organisation_id")`), which the query reads
    as a subquery: thousands of ids sent back as parameters cost more to prepare than the query to run.
    The one answer to "is the lead named?" for the offer's sign-off, pledge 1 and commitment 1."""
    if not isinstance(organisations, QuerySet):
        organisations = set(organisations)
        if not organisations:
            return set()
    recorded = DesignatedLead.objects.filter(organisation_id__in=organisations)
    return set(recorded.values_list("organisation_id", flat=True))


def reviews_calling_for_reminders(today, window_days=rules.REMINDER_WINDOW_DAYS):
    """Status rows of active organisations whose review is overdue or coming due, with their reminder kind."""
    candidates = (
        PledgeStatus.objects.filter(
            organisation__status=Organisation.Status.ACTIVE,
            review_date__isnull=False,
            review_date__lte=today + timedelta(days=window_days),
        )
        .exclude(status=Status.NOT_APPLICABLE)
        .select_related("organisation", "pledge")
        .order_by("organisation__name", "pledge__number")
    )
    for record in candidates:
        kind = rules.reminder_kind(record.status, record.review_date, today, window_days)
        if kind:
            yield record, kind
