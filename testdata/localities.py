"""Locality partnerships with a chair, members, a year's priorities and budget, and quarterly reports."""

from decimal import Decimal

from localities.models import Budget, Initiative, LocalityPartnership, Priority, QuarterlyReport


def make_partnership(locality, *, chair=None, organisations=(), people=()):
    partnership = LocalityPartnership.objects.create(locality=locality, chair=chair)
    partnership.member_organisations.set(organisations)
    partnership.member_people.set(people)
    return partnership


def make_priority(partnership, year, title="School readiness", target="More children ready for school."):
    return Priority.objects.create(partnership=partnership, year=year, title=title, target=target)


def make_budget(partnership, year, allocated="10000.00", initiatives=()):
    """`initiatives` is [(name, spent)]."""
    budget = Budget.objects.create(partnership=partnership, year=year, allocated=Decimal(allocated))
    for name, spent in initiatives:
        Initiative.objects.create(budget=budget, name=name, spent=Decimal(spent))
    return budget


def make_report(partnership, quarter, *, narrative="", status=QuarterlyReport.Status.DRAFT, figures=()):
    return QuarterlyReport.objects.create(
        partnership=partnership,
        year=quarter.start_year,
        quarter=quarter.quarter,
        narrative=narrative,
        status=status,
        figures=list(figures),
    )
