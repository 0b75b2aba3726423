"""Writes for the locality partnerships: each in a transaction, checked, and leaving a trail (a report's
revisions say who submitted or corrected it, when and why)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from portal.concurrency import StaleEditError

from . import selectors
from .models import Budget, QuarterlyReport, ReportRevision


def report_for(partnership, quarter):
    """The partnership's report of a quarter, started as an empty draft the first time it is opened."""
    report, _ = QuarterlyReport.objects.get_or_create(
        partnership=partnership, year=quarter.start_year, quarter=quarter.quarter
    )
    return report


def budget_for(partnership, year):
    return Budget.objects.filter(partnership=partnership, year=year).first() or Budget(
        partnership=partnership, year=year, allocated=0
    )


def _claim(report, expected_version):
    """Refuse a write from a stale copy of the report (someone saved or submitted it meanwhile)."""
    if expected_version is not None:
        report._expected_version = expected_version


@transaction.atomic
def submit_report(report, *, narrative, by, today, expected_version=None):
    """Submit a draft: the narrative as written and the locality's figures as they stand, frozen."""
    if report.is_submitted:
        raise ValidationError("This report has already been submitted; correct it instead.")
    if not narrative.strip():
        raise ValidationError({"narrative": "Write the chair's narrative before submitting the report."})
    report.narrative = narrative
    report.figures = selectors.live_sections(report.partnership, report.period, today)
    report.status = QuarterlyReport.Status.SUBMITTED
    report.submitted_at = timezone.now()
    report.submitted_by = by
    _claim(report, expected_version)
    report.save()
    ReportRevision.objects.create(report=report, number=1, narrative=narrative, made_by=by, made_at=report.submitted_at)
    return report


@transaction.atomic
def correct_report(report, *, narrative, reason, by, expected_version=None):
    """A correction to a submitted report is a new revision (who, when, why); the frozen figures stay."""
    if not report.is_submitted:
        raise ValidationError("Only a submitted report is corrected; a draft is simply edited.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the report is being corrected."})
    _claim(report, expected_version)
    report.narrative = narrative
    report.save()
    number = (report.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return ReportRevision.objects.create(
        report=report, number=number, narrative=narrative, made_by=by, made_at=timezone.now(), reason=reason
    )


__all__ = ["StaleEditError", "budget_for", "correct_report", "report_for", "submit_report"]
