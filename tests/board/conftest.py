"""A partnership with something in every tool, for the overview's tests.

north: `school` (offer published, pledges signed, all met; an audit started), `other_school` (offer
published but past its review date; not signed); south: `agency` (a draft offer; signed, one review overdue).
Two case-file audits of the current quarter (one in each locality), two signed-off maturity rounds, and a
performance book with a red and a green indicator this year.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from audits import services as audit_services
from board.models import Meeting
from caseaudits.choices import Finding
from caseaudits.models import Framework as PrincipleSet
from maturity.rules import Status as RoundStatus
from performance import periods
from pledges.models import PledgeSet, PledgeStatus, Signature, Status
from portal.judgements import Judgement
from portal.periods import academic_year, financial_quarter
from testdata.caseaudits import make_case_audit
from testdata.maturity import make_round
from testdata.offers import make_offer
from testdata.performance import indicator, make_return, make_target


@pytest.fixture
def today():
    return timezone.localdate()


def _sign(organisation, pledge_set, signed_on):
    return Signature.objects.create(
        organisation=organisation,
        pledge_set=pledge_set,
        signatory_name="Pat Signer",
        signatory_role="Chief Executive",
        signed_on=signed_on,
    )


def _statuses(organisation, pledge_set, status, review_date):
    for pledge in pledge_set.pledges.all():
        PledgeStatus.objects.update_or_create(
            organisation=organisation, pledge=pledge, defaults={"status": status, "review_date": review_date}
        )


@pytest.fixture
def partnership(today, north, south, school, other_school, agency, school_lead, la_officer, board_member):
    make_offer(school, "published")
    make_offer(other_school, "published", review_date=today - timedelta(days=10))
    make_offer(agency, "draft")

    pledge_set = PledgeSet.objects.current()
    _sign(school, pledge_set, date(2024, 5, 1))
    _sign(agency, pledge_set, today)
    _statuses(school, pledge_set, Status.MET, today + timedelta(days=200))
    _statuses(agency, pledge_set, Status.IN_PROGRESS, today - timedelta(days=5))

    audit_services.start_audit(school, academic_year(today), school_lead)

    principles = PrincipleSet.objects.get(slug="leicester-eha-principles", version=1)
    quarter = financial_quarter(today)
    for number, (lead, locality, finding, judgement) in enumerate(
        [
            (agency, north, Finding.MET, Judgement.GOOD),
            (school, south, Finding.NOT_MET, Judgement.REQUIRES_IMPROVEMENT),
        ]
    ):
        make_case_audit(
            principles,
            case_reference=f"EHA-{number:04d}",
            lead_agency=lead,
            locality=locality,
            eha_start_date=quarter.first_day - timedelta(days=60),
            audit_date=quarter.first_day,
            auditor=la_officer,
            overall_judgement=judgement,
            findings=finding,
        )

    make_round(
        "Baseline 2023",
        officer=la_officer,
        status=RoundStatus.SIGNED_OFF,
        period_end=date(2023, 9, 30),
        signed_off_by=board_member,
        ratings={"leadership": "Developing", "strategy": "Maturing"},
    )
    make_round(
        "Second round 2025",
        officer=la_officer,
        status=RoundStatus.SIGNED_OFF,
        period_end=date(2025, 9, 30),
        signed_off_by=board_member,
        ratings={"leadership": "Maturing", "strategy": "Developing"},
    )
    quarter = periods.last_ended(periods.QUARTERLY, today)
    for reference, value, target in (("4", 50, 70), ("13", 90, 85)):  # higher is better: Red, then Green
        make_return(indicator(reference), quarter, value=value, user=la_officer)
        make_target(indicator(reference), quarter.year, target)
    return {"today": today}


@pytest.fixture
def meeting(db, la_officer, today):
    return Meeting.objects.create(
        title="Partnership board", date=today + timezone.timedelta(days=20), kind="business", created_by=la_officer
    )


@pytest.fixture
def last_meeting(db, la_officer, today):
    return Meeting.objects.create(
        title="Previous board", date=today - timezone.timedelta(days=60), kind="business", created_by=la_officer
    )
