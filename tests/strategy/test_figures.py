"""One number, one source: the plan's RAG counts and overdue actions come from selectors.plan_figures, and the
plan page, the export, the overview section and the board pack show the same numbers. The previous period's
figures are worked out from the updates' history as at the end of the last quarter."""

import re
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from portal import board_pack, overview
from strategy import selectors
from testdata.strategy import add_update, make_plan

TODAY = date(2026, 12, 2)  # the last quarter ended on 30 September 2026


@pytest.fixture
def busy_plan(plan, agency_lead, school_lead, add_action):
    """Red, amber, green, not started and an overdue one, with history either side of 30 September."""
    objectives = list(plan.objective_set.objectives.order_by("order"))
    amber_then_red = add_action(
        plan,
        "agency",
        due_date=date(2027, 3, 31),
        description="Workforce plan",
        objective=objectives[0],
    )
    add_update(amber_then_red, by=agency_lead, rag="amber", on=date(2026, 5, 1))
    add_update(amber_then_red, by=agency_lead, rag="red", on=date(2026, 11, 1))
    green = add_action(
        plan,
        "school",
        due_date=date(2026, 9, 1),
        description="Briefings",
        objective=objectives[2],
    )
    add_update(green, by=school_lead, rag="green", on=date(2026, 8, 20))
    overdue = add_action(
        plan,
        "agency",
        due_date=date(2026, 10, 31),
        description="Rickter Scale",
        objective=objectives[4],
    )
    add_update(overdue, by=agency_lead, rag="amber", on=date(2026, 6, 2))
    add_action(
        plan,
        "school",
        due_date=date(2027, 2, 1),
        description="Feedback system",
        objective=objectives[3],
    )
    # Added after the quarter ended: not in the previous period's figures.
    add_action(
        plan,
        "school",
        due_date=date(2027, 2, 1),
        description="Added late",
        objective=objectives[3],
        created=timezone.make_aware(timezone.datetime(2026, 10, 15, 9, 0)),
    )
    return plan


def test_the_figures_now_and_at_the_end_of_last_quarter(busy_plan):
    figures = selectors.plan_figures(busy_plan, TODAY)
    assert figures.counts == {"red": 1, "amber": 1, "green": 1, "not_started": 2}
    assert [a.description for a in figures.overdue] == ["Rickter Scale"]
    assert figures.previous_period == "End of Q2 2026-27 (30 September 2026)"
    # On 30 September: the workforce plan was Amber, Rickter Scale Amber and not yet due, "Added late" absent.
    assert figures.previous_counts == {"red": 0, "amber": 2, "green": 1, "not_started": 1}
    assert figures.previous_overdue == 0
    rows = {row.label: (row.value, row.previous) for row in figures.rows()}
    assert rows["Actions rated Red"] == (1, 0)
    assert rows["Actions overdue"] == (1, 0)
    assert rows["Actions in the plan"] == (5, 4)


def test_a_plan_started_after_the_quarter_says_its_previous_period_is_not_known(db):
    plan = make_plan("2026-27", created=timezone.make_aware(timezone.datetime(2026, 11, 1, 9, 0)))
    figures = selectors.plan_figures(plan, TODAY)
    assert figures.previous_counts is None
    assert "not known" in figures.previous_period


def _page_figures(html):
    """{label: now} from the plan page's progress table."""
    table = re.search(r'<table class="table table--cards" id="plan-figures">(.*?)</table>', html, re.S).group(1)
    found = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
        label = re.search(
            r'<strong class="tag[^"]*"[^>]*>([^<]+)</strong>|<th scope="row" data-label="What">([^<]+)', row
        )
        now = re.search(r'data-label="Now">(\d+)<', row).group(1)
        found[(label.group(1) or label.group(2)).strip()] = int(now)
    return found


def test_the_page_the_export_the_overview_and_the_board_pack_agree(busy_plan, client_for, board_member):
    today = timezone.localdate()
    figures = selectors.plan_figures(busy_plan, today)
    expected = {row.label: row.value for row in figures.rows()}

    html = client_for(board_member).get(f"/strategy/{busy_plan.year}/").content.decode()
    assert _page_figures(html) == expected

    response = client_for(board_member).get(f"/strategy/{busy_plan.year}/export.xlsx")
    sheet = load_workbook(BytesIO(response.content))["Summary"]
    exported = {row[0]: row[1] for row in sheet.iter_rows(min_row=4, max_col=2, values_only=True) if row[0]}
    assert {label: exported[label] for label in expected} == expected

    section = next(s for s in overview.sections_for(overview.OverviewScope(today=today)) if s.key == "strategy")
    assert {f.label: f.value for f in section.figures} == expected
    assert {label: count for label, count in section.chart["series"][0]["counts"].items()} == figures.by_objective[0][3]
    assert len(section.exceptions) == len(figures.overdue) == 1
    assert section.exceptions[0][0].startswith("Overdue since 31 October 2026: Rickter Scale")

    blocks = board_pack.get_kind("action_plan").build(board_pack.PackContext(today=today, meeting_date=today))
    pack = next(b for b in blocks if b["type"] == "figures")
    assert {r["label"]: int(r["text"]) for r in pack["rows"]} == expected


def test_the_board_pack_shows_actions_by_objective_with_rag_cells(busy_plan):
    today = TODAY + timedelta(days=0)
    blocks = board_pack.get_kind("action_plan").build(board_pack.PackContext(today=today, meeting_date=today))
    tables = [b for b in blocks if b["type"] == "table"]
    first = tables[0]
    assert first["columns"] == ["Action", "Lead", "Due", "RAG", "Latest update"]
    assert first["rows"][0][3] == {"text": "Red", "rag": "red"}
    overdue = tables[-1]
    assert overdue["caption"].startswith("Overdue actions") and "Rickter Scale" in overdue["rows"][0][1]


def test_a_localitys_figures_are_its_organisations_actions_everywhere(busy_plan, north, client_for, board_member):
    """The school (North) leads three actions, the agency (South) two: the page, the export, the overview
    and the board pack filtered to North agree."""
    today = timezone.localdate()
    figures = selectors.plan_figures(busy_plan, today, north)
    expected = {row.label: row.value for row in figures.rows()}
    assert expected["Actions in the plan"] == 3

    client = client_for(board_member)
    html = client.get(f"/strategy/{busy_plan.year}/?locality=north").content.decode()
    assert _page_figures(html) == expected and "actions led by organisations in North" in html
    sheet = load_workbook(BytesIO(client.get(f"/strategy/{busy_plan.year}/export.xlsx?locality=north").content))[
        "Summary"
    ]
    exported = {row[0]: row[1] for row in sheet.iter_rows(min_row=4, max_col=2, values_only=True) if row[0]}
    assert {label: exported[label] for label in expected} == expected
    scope = overview.OverviewScope(today=today, locality=north)
    section = next(s for s in overview.sections_for(scope) if s.key == "strategy")
    assert {f.label: f.value for f in section.figures} == expected
    assert section.url.endswith("?locality=north")
    context = board_pack.PackContext(today=today, meeting_date=today, locality=north)
    pack = next(b for b in board_pack.get_kind("action_plan").build(context) if b["type"] == "figures")
    assert {r["label"]: int(r["text"]) for r in pack["rows"]} == expected


def test_an_unknown_locality_is_a_problem_beside_the_filter_not_a_500(busy_plan, client_for, board_member):
    response = client_for(board_member).get(f"/strategy/{busy_plan.year}/?locality=atlantis")
    html = response.content.decode()
    assert response.status_code == 200 and "Choose a locality from the list." in html
    assert _page_figures(html)["Actions in the plan"] == 5
