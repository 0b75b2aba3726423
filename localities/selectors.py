"""Reads for the locality partnership pages, the dashboard and the board pack: each a fixed number of
queries whatever the number of partnerships, initiatives or reports."""

from django.db.models import Q, Sum

from portal import permissions
from portal.overview import OverviewScope, sections_for
from portal.permissions import localities as can

from . import rules
from .models import Budget, Initiative, LocalityPartnership, QuarterlyReport


def partnership_ids_for(user):
    """The partnerships a person chairs or sits on (in person or through an organisation): one query, kept on
    the user for the request, since the header asks on every page."""
    if not (user and user.is_authenticated):
        return set()
    cached = getattr(user, "_locality_partnership_ids", None)
    if cached is None:
        condition = Q(chair=user) | Q(member_people=user)
        organisations = permissions.member_organisation_ids(user)
        if organisations:
            condition |= Q(member_organisations__in=organisations)
        cached = set(LocalityPartnership.objects.filter(condition).values_list("pk", flat=True))
        user._locality_partnership_ids = cached
    return cached


def chaired_partnerships(user):
    if not (user and user.is_authenticated):
        return []
    return list(LocalityPartnership.objects.filter(chair=user).select_related("locality"))


def partnerships_for(user):
    return can.visible_partnerships(user, LocalityPartnership.objects.select_related("locality", "chair"))


def spent_by_budget(budget_ids):
    """{budget id: total spent}: one query."""
    rows = Initiative.objects.filter(budget_id__in=budget_ids).values("budget_id").annotate(total=Sum("spent"))
    return {row["budget_id"]: row["total"] for row in rows}


def budget_totals(budget):
    """Allocated, spent and remaining for one budget: from the same sum as the list's."""
    if budget is None:
        return None
    return rules.budget_totals(budget.allocated, [spent_by_budget([budget.pk]).get(budget.pk)])


def partnership_rows(user, today):
    """The list page: each visible partnership with this year's budget totals and this quarter's report."""
    quarter = rules.current_quarter(today)
    partnerships = list(partnerships_for(user))
    ids = [p.pk for p in partnerships]
    budgets = {b.partnership_id: b for b in Budget.objects.filter(partnership_id__in=ids, year=quarter.start_year)}
    spent = spent_by_budget([b.pk for b in budgets.values()])
    reports = {
        r.partnership_id: r
        for r in QuarterlyReport.objects.filter(
            partnership_id__in=ids, year=quarter.start_year, quarter=quarter.quarter
        )
    }
    rows = []
    for partnership in partnerships:
        budget = budgets.get(partnership.pk)
        report = reports.get(partnership.pk)
        state = rules.report_state(quarter, bool(report and report.is_submitted), today)
        rows.append(
            {
                "partnership": partnership,
                "totals": rules.budget_totals(budget.allocated, [spent.get(budget.pk)]) if budget else None,
                "report_state": state,
                "state_text": rules.STATE_TEXT[state],
                "state_colour": rules.STATE_COLOUR[state],
            }
        )
    return rows, quarter


def budget_of(partnership, year):
    return Budget.objects.filter(partnership=partnership, year=year).prefetch_related("initiatives").first()


def priorities_of(partnership, year):
    return list(partnership.priorities.filter(year=year))


def reports_readable(user, partnership):
    return list(
        can.visible_reports(user, QuarterlyReport.objects.filter(partnership=partnership)).select_related(
            "submitted_by"
        )
    )


def live_sections(partnership, quarter, today):
    """The locality's figures from every tool, computed now from the overview registry (as JSON-ready dicts,
    the same shape a submitted report keeps)."""
    scope = OverviewScope(today=rules.figures_as_at(quarter, today), locality=partnership.locality)
    return [section.as_dict() for section in sections_for(scope)]


def report_sections(report, today):
    """A submitted report's frozen figures; a draft's, worked out live."""
    if report.is_submitted:
        return report.figures
    return live_sections(report.partnership, report.period, today)


def latest_submitted_reports(partnerships, today):
    """{partnership id: its latest submitted report of a quarter begun by `today`}: one query."""
    quarter = rules.current_quarter(today)
    reports = (
        QuarterlyReport.objects.filter(partnership__in=partnerships, status=QuarterlyReport.Status.SUBMITTED)
        .filter(Q(year__lt=quarter.start_year) | Q(year=quarter.start_year, quarter__lte=quarter.quarter))
        .order_by("partnership_id", "-year", "-quarter")
    )
    latest = {}
    for report in reports:
        latest.setdefault(report.partnership_id, report)
    return latest
