"""The demo reproduces the evaluation's 2018-19 figures, adds the current year, and can be loaded twice."""

import io

import openpyxl
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse

from caseaudits import demo as caseaudits_demo
from caseaudits.models import AuditAction, CaseAudit, Moderation, PrincipleFinding
from caseaudits.privacy import case_reference_problem
from portal import demo as portal_demo
from portal.models import User


def counts():
    return tuple(model.objects.count() for model in (CaseAudit, PrincipleFinding, AuditAction, Moderation, User))


def test_the_demo_export_for_2018_19_shows_60_79_and_63_percent(db, tmp_path, client_for):
    portal_demo.seed()
    caseaudits_demo.seed()
    loaded = counts()

    call_command("export_case_audits", "--out", str(tmp_path / "demo.xlsx"), "--year", "2018-19", stdout=io.StringIO())
    sheet = openpyxl.load_workbook(tmp_path / "demo.xlsx")["Principles"]
    plan = next(row for row in sheet.iter_rows(min_row=5) if row[0].value == "Action plan")
    # Each quarter is three cells: met, of, %.
    assert [(plan[1 + 3 * q].value, plan[2 + 3 * q].value, plan[3 + 3 * q].value) for q in range(3)] == [
        (18, 30, 0.6),
        (42, 53, 0.79),
        (24, 38, 0.63),
    ]
    assert plan[10].value is not None  # Q4 has audits too
    assert plan[3].number_format == "0%"

    board = User.objects.get(email="board.member@example.org")
    page = client_for(board).get(reverse("caseaudits:report") + "?year=2018-19").content.decode()
    assert "60% (18 of 30)" in page and "79% (42 of 53)" in page and "63% (24 of 38)" in page

    # Running the demo again changes nothing.
    portal_demo.seed()
    caseaudits_demo.seed()
    assert counts() == loaded


def test_the_demo_has_the_current_year_two_officers_and_work_for_each_role(db, client_for):
    portal_demo.seed()
    caseaudits_demo.seed()
    second = User.objects.get(email="qa.officer2@example.org")
    assert second.partnership_role == "la_officer" and second.check_password(portal_demo.DEMO_PASSWORD)
    assert set(CaseAudit.objects.filter(financial_year=2026).values_list("quarter", flat=True)) == {1, 2, 3}
    assert all(
        case_reference_problem(ref) is None for ref in CaseAudit.objects.values_list("case_reference", flat=True)
    )
    # Moderation: always by the other officer; the current quarter's sample still waits for some of it.
    assert Moderation.objects.exists() and not Moderation.objects.filter(moderator=F("audit__auditor")).exists()
    waiting = CaseAudit.objects.filter(
        financial_year=2026, quarter=3, sampled_at__isnull=False, moderation__isnull=True
    )
    assert waiting.exclude(auditor=second).exists() and waiting.filter(auditor=second).exists()
    # Demo agency and school people see the audits of the cases they lead, with actions still open.
    for email in ("agency.lead@example.org", "school.lead@example.org"):
        page = client_for(User.objects.get(email=email)).get(reverse("caseaudits:actions")).content.decode()
        assert "Record progress" in page
