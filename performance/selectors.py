"""Reads of the performance book, each a fixed number of queries whatever the number of indicators or returns.

`indicators` is a queryset or an iterable of indicators or ids. The board's scorecard and an indicator's
page (part of the same feature) read returns through these, so a figure is read one way everywhere.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Max, OuterRef, Prefetch, Q, QuerySet, Subquery

from performance import periods
from performance.models import (
    ChaseEmail,
    Indicator,
    IndicatorOwner,
    IndicatorSet,
    LocalityValue,
    Return,
    ReturnRevision,
    Target,
)


def _ids(indicators):
    if isinstance(indicators, QuerySet):
        return indicators.values("pk")
    return [getattr(item, "pk", item) for item in indicators]


def indicators_of(indicator_set: IndicatorSet) -> QuerySet:
    """A set's indicators in order, with their owners (one query)."""
    return (
        Indicator.objects.filter(indicator_set=indicator_set)
        .select_related("parent", "owner__user", "owner__organisation")
        .order_by("order")
    )


def returns_for(
    indicators,
    *,
    submitted_only: bool = False,
    since: date | None = None,
    until: date | None = None,
    with_localities: bool = False,
) -> dict[int, list[Return]]:
    """{indicator id: [its returns, oldest period first]}: one query (two with the locality values).

    `submitted_only` for anyone who may not read drafts (the board, partners, the public); `since`/`until`
    bound the periods by their start.
    """
    returns = Return.objects.filter(indicator_id__in=_ids(indicators))
    if submitted_only:
        returns = returns.filter(status=Return.Status.SUBMITTED)
    if since is not None:
        returns = returns.filter(period_start__gte=since)
    if until is not None:
        returns = returns.filter(period_start__lte=until)
    if with_localities:
        returns = returns.prefetch_related(
            Prefetch("locality_values", queryset=LocalityValue.objects.select_related("locality"))
        )
    found = {}
    for return_record in returns.order_by("indicator_id", "period_start"):
        found.setdefault(return_record.indicator_id, []).append(return_record)
    return found


def latest_submitted(indicators) -> dict[int, Return]:
    """{indicator id: its submitted return for the latest period}: one query. Which periods a reader may
    see (closed ones for partners) is the scorecard's rule, performance.scorecard.is_visible, not this."""
    submitted = Q(status=Return.Status.SUBMITTED)
    latest_start = (
        Return.objects.filter(submitted, indicator_id=OuterRef("indicator_id"))
        .order_by("-period_start")
        .values("period_start")[:1]
    )
    returns = Return.objects.filter(submitted, indicator_id__in=_ids(indicators), period_start=Subquery(latest_start))
    return {r.indicator_id: r for r in returns}


def targets_for(indicators, year: str) -> dict[int, Target]:
    """{indicator id: its target for the financial year "2026-27"}: one query."""
    return {t.indicator_id: t for t in Target.objects.filter(indicator_id__in=_ids(indicators), year=year)}


def owners_of(indicators) -> dict[int, IndicatorOwner]:
    """{indicator id: its current owner, with user and organisation}: one query."""
    owners = IndicatorOwner.objects.filter(indicator_id__in=_ids(indicators)).select_related("user", "organisation")
    return {o.indicator_id: o for o in owners}


def revisions_of(return_record: Return) -> list[ReturnRevision]:
    """Every submission and correction of a return, first first, with who made it: one query."""
    return list(return_record.revisions.select_related("changed_by").order_by("number"))


@dataclass(frozen=True)
class Outstanding:
    """A period an owned indicator still owes a submitted return for."""

    indicator: Indicator
    period: periods.Period
    return_record: Return | None  # the draft, when one was started
    is_late: bool

    @property
    def status_text(self):
        if self.is_late:
            return "Late"
        return "Draft saved" if self.return_record is not None else "Due"


def outstanding_returns(
    today: date, *, owner=None, indicator_set: IndicatorSet | None = None, late_only: bool = False
) -> list[Outstanding]:
    """Every period an owned, typed (not computed) indicator still owes a return for (performance.periods.
    outstanding), late ones first then by due date: three queries whatever the size.

    `owner` keeps to one person's indicators (their dashboard); the LA's late list passes `late_only`.
    """
    indicators = (
        Indicator.objects.filter(owner__isnull=False, computed="")
        .select_related("indicator_set", "owner__user", "owner__organisation")
        .order_by("indicator_set__title", "order")
    )
    if owner is not None:
        indicators = indicators.filter(owner__user=owner)
    if indicator_set is not None:
        indicators = indicators.filter(indicator_set=indicator_set)
    indicators = list(indicators)
    latest = dict(
        Return.objects.filter(indicator__in=indicators, status=Return.Status.SUBMITTED)
        .values("indicator_id")
        .annotate(latest=Max("period_start"))
        .values_list("indicator_id", "latest")
    )
    owed = []
    for indicator in indicators:
        for period in periods.outstanding(indicator.frequency, latest.get(indicator.pk), today):
            owed.append((indicator, period))
    drafts = {}
    if owed:
        starts = {period.start for _, period in owed}
        for draft in Return.objects.filter(
            indicator__in=indicators, status=Return.Status.DRAFT, period_start__in=starts
        ):
            drafts[(draft.indicator_id, draft.period_start)] = draft
    found = [
        Outstanding(indicator, period, drafts.get((indicator.pk, period.start)), period.is_late(today))
        for indicator, period in owed
    ]
    if late_only:
        found = [item for item in found if item.is_late]
    return sorted(found, key=lambda item: (not item.is_late, item.period.due_on, item.indicator.order))


def owned_indicators(user) -> list[Indicator]:
    """The indicators a person owns, in their sets' order (one query)."""
    return list(
        Indicator.objects.filter(owner__user=user)
        .select_related("indicator_set", "owner__organisation")
        .order_by("indicator_set__title", "order")
    )


def last_chased(return_records) -> dict[int, ChaseEmail]:
    """{return id: its latest chase}: one query."""
    ids = [r.pk for r in return_records if r is not None]
    found = {}
    for chase in ChaseEmail.objects.filter(return_record_id__in=ids).order_by("return_record_id", "sent_at"):
        found[chase.return_record_id] = chase
    return found
