"""The quarterly report: figures, the page with its chart, the xlsx and the export command; bounded queries."""

import io
from datetime import date, timedelta

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from caseaudits.choices import Finding as F
from caseaudits.selectors import current_quarter, quarterly_report

MET7 = [F.MET] * 7


def with_plan(plan, *, tafs=F.MET):
    """Seven findings: the action plan (3rd) and the TAF (5th) as given, the rest met."""
    return [F.MET, F.MET, plan, F.MET, tafs, F.MET, F.MET]


@pytest.fixture
def year_of_audits(make_audit, agency, school, north, south):
    """Q1: 5 audits, 3 with a plan. 29 and 30 Sep (Q2): plan met (TAF not applicable), plan partly met;
    1 and 2 Oct (Q3): no plan."""
    for n, plan in enumerate([F.MET, F.MET, F.MET, F.NOT_MET, F.PARTLY_MET]):
        make_audit(
            agency if n < 3 else school,
            audit_date=date(2018, 4, 1 + n),
            findings=with_plan(plan),
            locality=north,
            judgement="good" if plan == F.MET else "requires_improvement",
        )
    for n, plan in enumerate([F.MET, F.PARTLY_MET, F.NOT_MET, F.NOT_MET]):
        make_audit(
            school,
            audit_date=date(2018, 9, 29) + timedelta(days=n),
            findings=with_plan(plan, tafs=F.NOT_APPLICABLE if n == 0 else F.MET),
            locality=south,
            judgement="outstanding" if n == 0 else "inadequate",
        )


def test_the_share_meeting_each_principle_leaves_out_not_applicable(year_of_audits):
    report = quarterly_report(2018)
    rows = {row.code: row for row in report.principles}
    assert [(s.met, s.total) for s in rows["action-plan"].quarters] == [(3, 5), (1, 2), (0, 2), (0, 0)]
    # 30 Sep is Q2, 1 and 2 Oct are Q3 (the fixture's dates straddle the quarter boundary).
    assert report.audits == [5, 2, 2, 0]
    assert (rows["action-plan"].year.met, rows["action-plan"].year.total) == (4, 9)
    assert [(s.met, s.total) for s in rows["team-around-the-family"].quarters] == [(5, 5), (1, 1), (2, 2), (0, 0)]
    assert (report.all_principles[0].met, report.all_principles[0].total) == (33, 35)
    assert [(s.met, s.total) for s in report.good_or_better] == [(3, 5), (1, 2), (0, 2), (0, 0)]


def test_audits_on_31_march_and_1_april_fall_in_different_years(make_audit, agency):
    make_audit(agency, audit_date=date(2019, 3, 31), findings=with_plan(F.NOT_MET))
    make_audit(agency, audit_date=date(2019, 4, 1), findings=with_plan(F.MET))
    plan_2018 = next(r for r in quarterly_report(2018).principles if r.code == "action-plan")
    plan_2019 = next(r for r in quarterly_report(2019).principles if r.code == "action-plan")
    assert [(s.met, s.total) for s in plan_2018.quarters] == [(0, 0), (0, 0), (0, 0), (0, 1)]
    assert [(s.met, s.total) for s in plan_2019.quarters] == [(1, 1), (0, 0), (0, 0), (0, 0)]


def test_breakdowns_by_lead_agency_and_locality(year_of_audits, agency, school):
    report = quarterly_report(2018)
    by_agency = {row.name: row for row in report.by_agency}
    assert set(by_agency) == {agency.name, school.name}
    plan = 2  # the action plan's position among the principles
    assert (by_agency[agency.name].audits, by_agency[agency.name].principles[plan].met) == (3, 3)
    assert (by_agency[school.name].principles[plan].met, by_agency[school.name].principles[plan].total) == (1, 6)
    assert (by_agency[school.name].good_or_better.met, by_agency[school.name].good_or_better.total) == (1, 6)
    by_locality = {row.name: row for row in report.by_locality}
    assert (by_locality["North"].audits, by_locality["South"].audits) == (5, 4)


def test_the_trend_spans_last_year_from_its_first_audit(make_audit, agency):
    make_audit(agency, audit_date=date(2017, 10, 5), findings=with_plan(F.NOT_MET))
    make_audit(agency, audit_date=date(2018, 5, 5))
    report = quarterly_report(2018, trend_principle="action-plan")
    assert [q.label for q in report.trend_quarters] == ["Q3 2017-18", "Q4 2017-18", "Q1 2018-19"]
    assert [s.name for s in report.trend] == ["All principles met", "Audits good or better", "Action plan"]
    assert [s.percent for s in report.trend[2].shares] == [0, None, 100]


def build(make_audit, agencies, localities, count):
    for n in range(count):
        make_audit(
            agencies[n % len(agencies)],
            audit_date=date(2018, 4 + n % 12, 1) if n % 12 < 9 else date(2019, n % 12 - 8, 1),
            locality=localities[n % len(localities)],
            findings=with_plan(F.MET if n % 3 else F.NOT_MET),
        )


@pytest.mark.parametrize("count", [4, 40])
def test_the_report_takes_a_fixed_number_of_queries(
    count, make_audit, agency, school, other_school, north, south, second_officer, django_assert_max_num_queries
):
    from caseaudits import services
    from caseaudits.models import CaseAudit

    build(make_audit, [agency, school, other_school], [north, south], count)
    for audit in CaseAudit.objects.all()[: count // 4]:
        services.moderate(audit, moderator=second_officer, agrees=False, judgement="inadequate", reason="Late.")
    with django_assert_max_num_queries(7):
        report = quarterly_report(2018, trend_principle="action-plan")
    assert report.audits_in_year == count


@pytest.mark.parametrize("count", [4, 40])
def test_the_report_page_and_xlsx_take_a_fixed_number_of_queries(
    count, make_audit, agency, school, north, south, board_member, client_for, django_assert_max_num_queries
):
    build(make_audit, [agency, school], [north, south], count)
    client = client_for(board_member)
    with django_assert_max_num_queries(17):  # 7 for the report, the rest session, user, form choices, layout
        assert client.get(reverse("caseaudits:report") + "?year=2018-19").status_code == 200
    with django_assert_max_num_queries(12):  # one more: the count that decides whether it runs as a job
        assert client.get(reverse("caseaudits:report_xlsx", args=["2018-19"])).status_code == 200


@pytest.mark.parametrize("count", [4, 40])
# The agency's count includes looking up the person's memberships.
# The board has no section of its own: it reads the quarter's figures on the partnership overview.
@pytest.mark.parametrize("role, limit", [("board_member", 0), ("la_officer", 3), ("agency_lead", 4)])
def test_dashboard_sections_take_a_fixed_number_of_queries(
    count, role, limit, everyone, make_audit, agency, school, north, south, django_assert_max_num_queries
):
    from caseaudits.dashboard import case_audits

    build(make_audit, [agency, school], [north, south], count)
    user = everyone[role]
    user._portal_memberships = None
    with django_assert_max_num_queries(limit):
        section = case_audits(user)
    assert section is None if role == "board_member" else section.items


def test_the_board_reads_the_report_page_with_its_chart_and_table(year_of_audits, board_member, client_for):
    page = (
        client_for(board_member)
        .get(reverse("caseaudits:report") + "?year=2018-19&principle=action-plan")
        .content.decode()
    )
    assert "EHA principles, 2018-19" in page
    assert "60% (3 of 5)" in page and "50% (1 of 2)" in page and "— (0 of 0)" in page
    assert '<svg class="chart"' in page and 'role="img"' in page
    assert "Action plan: 60% in Q1 2018-19, 50% in Q2 2018-19, 0% in Q3 2018-19." in page  # the chart's description
    assert "Trend figures" in page and "Audits good or better" in page
    assert "By lead agency, 2018-19" in page and "By locality, 2018-19" in page
    assert "EHA-" not in page  # never a case-level record
    assert reverse("caseaudits:report_xlsx", args=["2018-19"]) in page


def test_a_year_without_audits_says_so(board_member, client_for, framework):
    this_year = current_quarter().year_label
    page = client_for(board_member).get(reverse("caseaudits:report") + f"?year={this_year}").content.decode()
    assert f"No audits have been recorded against Leicester Early Help Assessment principles in {this_year}." in page
    page = client_for(board_member).get(reverse("caseaudits:report") + "?year=rubbish").content.decode()
    assert f"EHA principles, {this_year}" in page


def read_principles_sheet(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content))["Principles"]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=5) if r[0].value}
    return sheet, rows


def test_the_xlsx_holds_numbers_and_percentages(year_of_audits, board_member, client_for):
    response = client_for(board_member).get(reverse("caseaudits:report_xlsx", args=["2018-19"]))
    assert response["Content-Disposition"] == 'attachment; filename="eha-principles-2018-19.xlsx"'
    sheet, rows = read_principles_sheet(response.content)
    assert [c.value for c in sheet[4]][:4] == ["Principle", "Q1 2018-19 met", "Q1 2018-19 of", "Q1 2018-19 %"]
    plan = rows["Action plan"]
    assert [c.value for c in plan[1:7]] == [3, 5, 0.6, 1, 2, 0.5]
    assert plan[3].number_format == "0%"
    assert plan[12].value is None  # Q4: nothing to divide
    assert [c.value for c in plan[13:16]] == [4, 9, 0.44]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Summary",
        "Principles",
        "Judgements and moderation",
        "By lead agency",
        "By locality",
    ]
    # The board reads the headline first: cases audited, then how many were good or better.
    summary = workbook["Summary"]
    assert [summary.cell(4, 1).value, summary.cell(4, 2).value] == ["Cases audited", 9]
    assert summary.cell(5, 1).value == "Judged good or better"


def test_the_export_command_writes_the_report(year_of_audits, tmp_path):
    out = io.StringIO()
    call_command("export_case_audits", "--out", str(tmp_path / "r.xlsx"), "--year", "2018-19", stdout=out)
    assert "Wrote the 2018-19 report (9 audits" in out.getvalue()
    _, rows = read_principles_sheet((tmp_path / "r.xlsx").read_bytes())
    assert rows["Action plan"][3].value == 0.6


def test_the_export_command_defaults_to_the_current_financial_year(framework, tmp_path):
    out = io.StringIO()
    call_command("export_case_audits", "--out", str(tmp_path / "now.xlsx"), stdout=out)
    assert f"Wrote the {current_quarter().year_label} report (0 audits" in out.getvalue()
    sheet = openpyxl.load_workbook(tmp_path / "now.xlsx")["Principles"]
    assert sheet["B4"].value == f"Q1 {current_quarter().year_label} met"


def test_the_export_command_refuses_bad_options(framework, tmp_path):
    with pytest.raises(CommandError, match="is not a financial year like 2018-19"):
        call_command("export_case_audits", "--out", str(tmp_path / "x.xlsx"), "--year", "2018")
    with pytest.raises(CommandError, match="no principle set with the slug 'nope'"):
        call_command("export_case_audits", "--out", str(tmp_path / "x.xlsx"), "--framework", "nope")


def test_each_principle_set_is_reported_on_its_own(
    make_audit, agency, framework, framework_files, board_member, client_for
):
    from portal import frameworks

    kind = frameworks.kind("principles")
    doncaster = frameworks.load(kind, kind.read(framework_files / "doncaster-prevention-principles.json")).framework
    make_audit(agency, audit_date=date(2018, 5, 1), revision=doncaster)
    make_audit(agency, audit_date=date(2018, 5, 2))
    assert quarterly_report(2018, doncaster.slug).audits == [1, 0, 0, 0]
    assert len(quarterly_report(2018, doncaster.slug).principles) == 9
    assert quarterly_report(2018).audits == [1, 0, 0, 0]  # the current (Leicester) set by default
    page = (
        client_for(board_member)
        .get(reverse("caseaudits:report") + f"?year=2018-19&framework={doncaster.slug}")
        .content.decode()
    )
    assert "Voice of the child" in page and "Principle set" in page


def test_the_grouped_figures_match_a_count_of_every_audit_and_finding(
    framework, agency, school, other_school, north, south, la_officer, second_officer
):
    """Two years of bulk audits, some moderated to another judgement: every figure of the report (summed from
    GROUP BY queries) equals the same figure counted audit by audit and finding by finding with the rules."""
    from collections import Counter, defaultdict

    from caseaudits.models import CaseAudit, Moderation, PrincipleFinding
    from caseaudits.rules import Share, final_judgement, principle_share
    from portal.judgements import GOOD_OR_BETTER
    from portal.periods import FinancialQuarter
    from testdata.caseaudits import build_case_audits

    build_case_audits(
        300, localities=[north, south], lead_agencies=[agency, school, other_school], auditor=la_officer,
        first_day=date(2017, 4, 1), days=730, seed=7,
    )  # fmt: skip
    Moderation.objects.bulk_create(
        Moderation(audit=a, moderator=second_officer, agrees=n % 3 > 0, judgement="inadequate", reason="Thin.")
        for n, a in enumerate(CaseAudit.objects.order_by("pk")[::4])
    )
    report = quarterly_report(2018, trend_principle="action-plan")

    audits = list(CaseAudit.objects.select_related("moderation", "lead_agency", "locality"))
    final = {
        a.pk: final_judgement(a.overall_judgement, getattr(a, "moderation", None) and a.moderation.judgement)
        for a in audits
    }
    period = {a.pk: FinancialQuarter(a.financial_year, a.quarter) for a in audits}
    counts = defaultdict(Counter)  # (code, quarter) or (agency name, code) or (locality name, code)
    for f in PrincipleFinding.objects.select_related("principle", "audit__lead_agency", "audit__locality"):
        keys = [(f.principle.code, period[f.audit_id])]
        if f.audit.financial_year == 2018:
            keys += [(f.audit.lead_agency.name, f.principle.code), (f.audit.locality.name, f.principle.code)]
        for key in keys:
            counts[key][f.finding] += 1

    def share(key):
        c = counts[key]
        return principle_share(c[F.MET], c[F.PARTLY_MET], c[F.NOT_MET])

    quarters = report.quarters
    for row in report.principles:
        assert row.quarters == [share((row.code, q)) for q in quarters]
    assert report.audits == [sum(period[a.pk] == q for a in audits) for q in quarters]
    assert report.good_or_better == [
        Share(sum(period[a.pk] == q and final[a.pk] in GOOD_OR_BETTER for a in audits), report.audits[i])
        for i, q in enumerate(quarters)
    ]
    assert report.all_principles == [sum((share((r.code, q)) for r in report.principles), Share()) for q in quarters]
    for value, (_label, by_quarter, year) in zip(["outstanding", "good", "requires_improvement", "inadequate"],
                                                  report.judgements):  # fmt: skip
        assert by_quarter == [sum(period[a.pk] == q and final[a.pk] == value for a in audits) for q in quarters]
        assert year == sum(by_quarter)
    moderated = [a for a in audits if hasattr(a, "moderation") and a.financial_year == 2018]
    assert report.moderation == [
        Share(sum(a.moderation.agrees for a in moderated if a.quarter == q.quarter),
              sum(a.quarter == q.quarter for a in moderated))
        for q in quarters
    ]  # fmt: skip
    codes = [row.code for row in report.principles]
    for rows, name_of in (
        (report.by_agency, lambda a: a.lead_agency.name),
        (report.by_locality, lambda a: a.locality.name),
    ):
        in_year = [a for a in audits if a.financial_year == 2018]
        assert [row.name for row in rows] == sorted({name_of(a) for a in in_year})
        for row in rows:
            mine = [a for a in in_year if name_of(a) == row.name]
            assert row.audits == len(mine)
            assert row.good_or_better == Share(sum(final[a.pk] in GOOD_OR_BETTER for a in mine), len(mine))
            assert row.principles == [share((row.name, code)) for code in codes]
    assert report.trend_quarters[0] == FinancialQuarter(2017, 1)
    assert report.trend[2].shares == [share(("action-plan", q)) for q in report.trend_quarters]
