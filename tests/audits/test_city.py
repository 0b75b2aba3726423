"""The city-wide view: all schools x the commitments, filters, counts, the board's view, query counts,
and the matrix export (from the page and from `manage.py export_commitments`)."""

from datetime import timedelta
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from audits import services
from audits.models import Action, Audit, OfferVisit, OutcomeRecord
from portal.models import Organisation
from portal.periods import academic_year_label
from portal.rag import RAG_XLSX_COLOURS, Rag
from testdata.audits import build_city
from testdata.offers import record_lead


@pytest.fixture
def city(
    school,
    other_school,
    south,
    school_lead,
    other_school_lead,
    la_officer,
    framework,
    this_year,
    today,
    offer_published,
):
    """Oak Tree (north, primary): in progress, an overdue action (red).
    Birch Academy (north, secondary): submitted, every outcome complete (green: its offer is published, which
    commitment 3 follows, and its designated lead is recorded, which commitment 1's named DSL follows).
    Elm Special School (south): no audit yet. One offer quality visit."""
    oak = services.start_audit(school, this_year, school_lead)
    Action.objects.filter(pk=oak.actions.first().pk).update(rag=Rag.AMBER, due_date=today - timedelta(days=1))
    birch = services.start_audit(other_school, this_year, other_school_lead)
    record_lead(other_school)
    OutcomeRecord.objects.filter(audit=birch).update(complete=True)
    Action.objects.filter(audit=birch).update(rag=Rag.GREEN)
    services.submit_audit(birch, other_school_lead, birch.version)
    elm = Organisation.objects.create(
        name="Elm Special School", kind="school", sector="education", phase="special", urn="111111", locality=south
    )
    OfferVisit.objects.create(organisation=school, visited_on=today, officer=la_officer, judgement="good")
    return oak, birch, elm


def rows(page):
    """School names in the matrix's body, in order."""
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    return [name for name in ("Birch Academy", "Elm Special School", "Oak Tree Primary School") if name in body]


def test_matrix_and_counts(client_for, la_officer, city):
    page = client_for(la_officer).get("/audits/city/").content.decode()
    assert rows(page) == ["Birch Academy", "Elm Special School", "Oak Tree Primary School"]
    counts = page[page.index('class="count-grid"') : page.index("</div>\n</div>", page.index('class="count-grid"'))]
    assert '<span class="figure">3</span> schools' in counts
    assert '<span class="figure">2</span> audits started <span class="hint">67% (2 of 3)</span>' in counts
    assert '<span class="figure">1</span> submitted' in counts
    assert '<span class="figure">1</span> schools with every commitment green (of audits submitted or in progress)' in (
        counts
    )
    assert (
        '<span class="figure">1</span> schools with an action past its date (of audits submitted or in progress)'
        in counts
    )
    assert '<span class="figure">1</span> offer quality visits' in counts
    assert "1. DSL responsible for Early Help" in page
    oak_row = page[page.index("Oak Tree Primary School") : page.index("</tr>", page.index("Oak Tree Primary School"))]
    assert "tag--rag-red" in oak_row and ">Red<" in oak_row and "In progress" in oak_row


@pytest.mark.parametrize(
    "query, expected",
    [
        ("locality=south", ["Elm Special School"]),
        ("locality=north", ["Birch Academy", "Oak Tree Primary School"]),
        ("phase=secondary", ["Birch Academy"]),
        ("status=not_started", ["Elm Special School"]),
        ("status=submitted", ["Birch Academy"]),
        ("status=in_progress", ["Oak Tree Primary School"]),
        ("rag=red", ["Oak Tree Primary School"]),
        ("rag=green", ["Birch Academy"]),
        ("rag=amber", []),
        ("overdue=on", ["Oak Tree Primary School"]),
        ("locality=north&rag=green", ["Birch Academy"]),
    ],
)
def test_filters(client_for, la_officer, city, query, expected):
    page = client_for(la_officer).get(f"/audits/city/?{query}").content.decode()
    assert rows(page) == expected
    assert f"Showing {len(expected)} of" in page
    assert f'href="/audits/city/export/?{query}"' in page.replace("&amp;", "&")


def test_bad_filter_is_reported_and_ignored(client_for, la_officer, city):
    response = client_for(la_officer).get("/audits/city/?rag=purple")
    page = response.content.decode()
    assert response.status_code == 200 and page.startswith("<!DOCTYPE html>")
    assert "<title>Error:" in page and "Select a valid choice. purple is not one of the available choices." in page
    assert len(rows(page)) == 3


def test_board_sees_ratings_of_submitted_audits_only(client_for, board_member, city):
    oak, birch, elm = city
    page = client_for(board_member).get("/audits/city/").content.decode()
    oak_row = page[page.index("Oak Tree Primary School") : page.index("</tr>", page.index("Oak Tree Primary School"))]
    assert "Not submitted" in oak_row and "tag--rag" not in oak_row
    assert f"/audits/{oak.pk}/" not in page and f"/audits/{birch.pk}/" in page
    assert rows(client_for(board_member).get("/audits/city/?rag=red").content.decode()) == []
    assert '<span class="figure">0</span> schools with an action past its date (of submitted audits)' in page


@pytest.mark.parametrize(
    "role, rated, green, overdue",
    [("la_officer", "audits submitted or in progress", 1, 1), ("board_member", "submitted audits", 1, 0)],
)
def test_dashboard_and_city_page_show_one_figure_under_one_label(
    request, client_for, city, role, rated, green, overdue
):
    """The board's and the LA's numbers differ (the board rates submitted audits only): each label says which
    audits it counts, and the dashboard and the city page show the same figure from city_view."""
    client = client_for(request.getfixturevalue(role))
    city_page = client.get("/audits/city/").content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()
    green_label = f"schools with every commitment green (of {rated})"
    overdue_label = f"schools with an action past its date (of {rated})"
    assert f'<span class="figure">{green}</span> {green_label}' in city_page
    assert f'<span class="figure">{overdue}</span> {overdue_label}' in city_page
    if role == "board_member":  # the board's dashboard leads to the overview instead of each tool's figures
        assert "The partnership at a glance" in dashboard and green_label not in dashboard
    else:
        assert f"{green} {green_label}" in dashboard and f"{overdue} {overdue_label}" in dashboard


def test_last_year(client_for, la_officer, city, this_year):
    last = academic_year_label(int(this_year[:4]) - 1)
    page = client_for(la_officer).get(f"/audits/city/?year={last}").content.decode()
    assert f"Schools Early Help commitments, {last}" in page
    assert '<span class="figure">0</span> audits started' in page


# The page and the export, after a first request has cached the offers feature's site roots and content
# type: the session and the person (2) and the request's savepoint (2); the board's memberships (1); the
# filter's localities (1); then the city view itself in 8 whatever the number of schools: the readable
# audits' ids, the counts by audit and commitment (2), the schools with an offer page, the designated leads,
# the year's commitments, the schools with their audits as values, the visits.
QUERIES_BY_ROLE = {"la_officer": 13, "board_member": 14}
EXPORT_QUERIES_BY_ROLE = {"la_officer": 13, "board_member": 14}


@pytest.mark.parametrize("size", [20, 120])
def test_city_view_runs_a_bounded_number_of_queries(
    size, client_for, la_officer, board_member, framework, this_year, today, django_assert_num_queries
):
    build_city(size, framework, this_year, today)
    for user in (la_officer, board_member):
        client = client_for(user)
        client.get("/audits/city/")  # the offers feature's site roots and content type, cached once
        # The same at 20 and 120 schools (QUERIES_BY_ROLE).
        with django_assert_num_queries(QUERIES_BY_ROLE[user.partnership_role]):
            response = client.get("/audits/city/?page=2" if size > 100 else "/audits/city/")
        assert response.status_code == 200
        with django_assert_num_queries(EXPORT_QUERIES_BY_ROLE[user.partnership_role]):
            assert client.get("/audits/city/export/").status_code == 200
    if size > 100:
        assert "page 2 of 2" in response.content.decode()


@pytest.mark.parametrize("size", [20, 120])
def test_dashboard_counts_in_bounded_queries(
    size, client_for, la_officer, framework, this_year, today, django_assert_max_num_queries
):
    """The commitments section alone; the dashboard page also carries every other feature's sections."""
    from audits.dashboard import commitments_audit

    build_city(size, framework, this_year, today)
    # 11: the roll-up also reads the schools' offers (commitment 3 follows them): the statuses and, once,
    # the site roots and content type; and which schools have a recorded lead (commitment 1's named DSL)
    # in one query; the same at both sizes.
    with django_assert_max_num_queries(11):
        commitments_audit(la_officer)
    page = client_for(la_officer).get(reverse("dashboard")).content.decode()
    assert f"of {size} schools have started their {this_year} audit" in page


def _sheet(content):
    return load_workbook(BytesIO(content)).worksheets[0]


def test_matrix_export_reads_back(client_for, la_officer, board_member, city, this_year):
    response = client_for(la_officer).get("/audits/city/export/?locality=north")
    filename = f"schools-commitments-{this_year.replace('/', '-')}.xlsx"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    sheet = _sheet(response.content)
    assert sheet.title == f"Commitments {this_year.replace('/', '-')}"
    assert sheet["A1"].value == f"Schools Early Help commitments, {this_year}"
    header = [c.value for c in sheet[4]]
    assert header[:7] == [
        "School",
        "URN",
        "Locality",
        "Phase",
        "Audit status",
        "Submitted on",
        "1. DSL responsible for Early Help",
    ]
    assert header[-2:] == ["Overall", "Overdue actions"]
    birch, oak = [c.value for c in sheet[5]], [c.value for c in sheet[6]]
    assert birch[:5] == ["Birch Academy", "654321", "North", "Secondary", "Submitted"]
    assert birch[6:11] == ["Green"] * 5 and birch[11] == 0
    assert oak[0] == "Oak Tree Primary School" and oak[10] == "Red" and oak[11] == 1
    assert sheet.cell(row=6, column=11).fill.fgColor.rgb.endswith(RAG_XLSX_COLOURS[Rag.RED][1].lstrip("#"))
    assert sheet.max_row == 6

    board = _sheet(client_for(board_member).get("/audits/city/export/").content)
    oak_row = [c.value for c in board[7]]
    assert oak_row[0] == "Oak Tree Primary School" and oak_row[6:11] == ["Not submitted"] * 5
    assert [c.value for c in board[6]][6] == "Not started"  # Elm: no audit


def test_export_command_defaults_to_this_year(city, tmp_path, this_year):
    out = tmp_path / "matrix.xlsx"
    stdout = StringIO()
    call_command("export_commitments", "--out", str(out), stdout=stdout)
    assert f"Wrote 3 schools for {this_year}" in stdout.getvalue()
    sheet = load_workbook(out).worksheets[0]
    assert sheet.title == f"Commitments {this_year.replace('/', '-')}"
    oak = [c.value for c in sheet[7]]
    assert oak[0] == "Oak Tree Primary School" and oak[10] == "Red"  # the LA's whole picture, in progress too


def test_export_command_for_another_year(city, tmp_path, this_year):
    last = academic_year_label(int(this_year[:4]) - 1)
    out = tmp_path / "last.xlsx"
    call_command("export_commitments", "--out", str(out), "--year", last, stdout=StringIO())
    sheet = load_workbook(out).worksheets[0]
    assert sheet["A1"].value == f"Schools Early Help commitments, {last}"
    assert [c.value for c in sheet[5]][4] == "Not started"
    with pytest.raises(CommandError, match="is not an academic year like 2025/26"):
        call_command("export_commitments", "--out", str(out), "--year", "2025-26")


def _edge_cases(audits, today):
    """Every edge of the roll-up on a few audits' first commitment (audits.rules): complete with an action not
    started (Amber), complete with a Red and an overdue action (Green), dates but nothing rated (Not
    started, even with dates), due today (not overdue), past its date but Green (not overdue)."""
    first = {a.pk: a.actions.order_by("commitment__number", "pk").first().commitment for a in audits[:5]}
    complete, amber, not_started, due_today, green_late = audits[:5]
    Audit.objects.filter(pk__in=first).update(status=Audit.Status.SUBMITTED)  # so the board rates them too
    for audit in (complete, amber):
        OutcomeRecord.objects.filter(audit=audit, outcome__commitment=first[audit.pk]).update(complete=True)
    Action.objects.filter(audit=complete, commitment=first[complete.pk]).update(rag=Rag.GREEN)
    some = Action.objects.filter(audit=complete, commitment=first[complete.pk]).order_by("pk")
    Action.objects.filter(pk=some[0].pk).update(rag=Rag.RED)
    Action.objects.filter(pk=some[1].pk).update(rag=Rag.AMBER, due_date=today - timedelta(days=3))
    Action.objects.filter(audit=amber, commitment=first[amber.pk]).update(rag=Rag.NOT_STARTED)
    OutcomeRecord.objects.filter(audit=not_started, outcome__commitment=first[not_started.pk]).update(
        complete=False, details="Planned", review_date=today
    )
    Action.objects.filter(audit=not_started, commitment=first[not_started.pk]).update(
        rag=Rag.NOT_STARTED, due_date=today + timedelta(days=10)
    )
    Action.objects.filter(audit=due_today).update(rag=Rag.AMBER, due_date=today)
    Action.objects.filter(audit=green_late).update(rag=Rag.GREEN, due_date=today - timedelta(days=30))


@pytest.mark.parametrize("role", ["la_officer", "board_member"])
def test_city_figures_are_each_audits_own_roll_up(request, role, framework, this_year, today):
    """The city view counts in the database (audits.selectors.counts_by_audit); every school's ratings and
    overdue count must be exactly what its audit's own page works out from its rows (audit_detail, which
    applies audits.rules to the records themselves), on a city with every kind of rating, designated leads
    for some schools and a real published offer for one."""
    from audits.selectors import audit_detail, city_view
    from home.bulk import create_published_offers
    from home.models import OfferPage

    schools, audits = build_city(60, framework, this_year, today, seed=19)
    _edge_cases(audits, today)
    for school in schools[::3]:
        record_lead(school)
    [page_id, _] = create_published_offers(2, label="Edge")
    OfferPage.objects.filter(pk=page_id).update(organisation=schools[1], review_date=today + timedelta(days=90))
    Organisation.objects.filter(name__startswith="Edge organisation").update(status=Organisation.Status.CLOSED)
    OutcomeRecord.objects.filter(audit=audits[1]).update(complete=True)  # Green only if the offer counts

    view = city_view(request.getfixturevalue(role), this_year, today)
    rated = [row for row in view.rows if row.rags]
    assert len(view.rows) == 60 and rated
    kinds = set()
    for row in rated:
        detail = audit_detail(Audit.objects.get(pk=row.audit_id), today)
        assert row.rags == [section.rag for section in detail.sections], row.name
        assert (row.overall, row.overdue) == (detail.overall, detail.overdue), row.name
        kinds.update(row.rags)
    assert kinds == set(Rag)
    assert view.all_green == sum(1 for row in rated if row.overall == Rag.GREEN)
    assert view.with_overdue == sum(1 for row in rated if row.overdue)
    offered = next(row for row in view.rows if row.school_id == schools[1].pk)
    assert offered.rags[2] == Rag.GREEN  # commitment 3 follows the real offer, published and in date
