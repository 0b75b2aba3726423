"""Fixtures for case-file audits: the default principle set, a second LA officer and audit factories.

audit         an audit of a case led by `agency` (conftest's agency), audited by `la_officer`
school_audit  an audit of a case led by `school`
"""

from datetime import date
from pathlib import Path

import pytest

from caseaudits.choices import Finding
from caseaudits.models import AuditAction, Framework
from portal.judgements import Judgement
from portal.models import User
from testdata.caseaudits import make_case_audit
from testdata.people import make_user


@pytest.fixture
def framework_files():
    """The example principle sets shipped in caseaudits/frameworks/."""
    return Path(__file__).resolve().parents[2] / "caseaudits" / "frameworks"


@pytest.fixture
def framework(db):
    """Leicester's seven, as the data migration left them."""
    return Framework.objects.get(slug="leicester-eha-principles", version=1)


@pytest.fixture
def principles(framework):
    return list(framework.principles.order_by("number"))


@pytest.fixture
def second_officer(db):
    return make_user("officer2@test.example", role=User.PartnershipRole.LA_OFFICER)


@pytest.fixture
def make_audit(framework, principles, la_officer, north):
    """make_audit(lead_agency, reference=..., audit_date=..., findings=[one per principle], judgement=...).

    revision: another Framework revision to judge against (default: Leicester's revision 1).
    """
    counter = iter(range(10_000, 99_999))

    def make(
        lead_agency,
        *,
        reference=None,
        audit_date=date(2018, 5, 10),
        findings=None,
        judgement=Judgement.GOOD,
        auditor=None,
        locality=None,
        eha_start_date=None,
        actions=(),
        revision=None,
    ):
        audit = make_case_audit(
            revision or framework,
            case_reference=reference or f"EHA-{next(counter)}",
            lead_agency=lead_agency,
            locality=locality or north,
            eha_start_date=eha_start_date or date(audit_date.year - 1, 12, 1),
            audit_date=audit_date,
            auditor=auditor or la_officer,
            overall_judgement=judgement,
            findings=findings or Finding.MET,
            strengths="Good use of the family's own words.",
        )
        for description, due in actions:
            AuditAction.objects.create(audit=audit, description=description, due_date=due)
        return audit

    return make


@pytest.fixture
def audit(make_audit, agency):
    return make_audit(agency, reference="EHA-104233", actions=[("Add timescales to the plan.", date(2018, 6, 30))])


@pytest.fixture
def school_audit(make_audit, school):
    return make_audit(school, reference="EHA-200001", actions=[("Record the TAF review.", date(2018, 7, 31))])
