"""The board's compliance matrix: content, filters, counts, bounded queries and the xlsx export."""

import io
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from home.selectors import OfferStatus
from pledges import selectors
from pledges.models import PledgeStatus, Signature
from portal.models import Organisation

from .conftest import IN_PROGRESS, MET, NOT_APPLICABLE


@pytest.fixture
def partnership(school, other_school, agency, set_status, sign, south, offers):
    """school: signed, pledges 1-3 met, pledge 4 overdue (its offer in draft, so pledge 4 is in progress);
    other_school: nothing; agency: a commissioner-like mix."""
    offers[school.pk] = OfferStatus(organisation_id=school.pk, exists=True)
    sign(school)
    set_status(school, 1, MET, 100)
    set_status(school, 2, MET, 100)
    set_status(school, 3, MET, 10)  # due soon
    set_status(school, 4, IN_PROGRESS, -7)  # overdue
    set_status(agency, 2, NOT_APPLICABLE, reason="We commission")
    set_status(agency, 1, IN_PROGRESS, 20)
    return school, other_school, agency


def get(client, **params):
    return client.get(reverse("pledges:matrix"), params)


def org_names_in(response, *organisations):
    content = response.content.decode()
    return {o.name for o in organisations if o.name in content}


def test_matrix_shows_every_organisation_and_status_as_text(client_for, board_member, partnership):
    school, other_school, agency = partnership
    content = get(client_for(board_member)).content.decode()
    for organisation in partnership:
        assert f'href="{reverse("pledges:organisation", args=[organisation.slug])}"' in content  # drill-down
    assert '<strong class="tag tag--green">Met</strong>' in content
    assert '<strong class="tag tag--amber">In progress</strong>' in content
    assert '<strong class="tag tag--blue">Not applicable</strong>' in content
    assert '<strong class="tag tag--red">Review overdue</strong>' in content
    assert '<strong class="tag tag--grey">Not started</strong>' in content
    assert "<caption" in content and 'scope="col"' in content and 'scope="row"' in content


def test_summary_counts(client_for, la_officer, partnership):
    content = get(client_for(la_officer)).content.decode()
    assert "33% (1 of 3)" in content  # signed
    assert "<dt>Reviews overdue</dt><dd>1</dd>" in content


def test_counts_by_pledge(partnership, today):
    school, other_school, agency = partnership
    matrix = selectors.compliance_matrix(Organisation.objects.all(), selectors.current_pledge_set(), today)
    pledge1, pledge2, _, pledge4, pledge5 = matrix.pledge_counts
    assert (pledge1.met, pledge1.in_progress, pledge1.not_started) == (1, 1, 1)
    assert (pledge2.met, pledge2.not_applicable, pledge2.not_started, pledge2.applicable) == (1, 1, 1, 2)
    assert (pledge4.in_progress, pledge4.overdue) == (1, 1)
    assert pledge5.not_started == 3
    assert matrix.totals.overdue == 1
    assert [(row.organisation, cell.pledge.number) for row, cell in matrix.overdue_reviews] == [(school, 4)]
    rows = {row.organisation: row for row in matrix.rows}
    assert (rows[school].counts.met, rows[school].counts.applicable) == (3, 5)
    assert (rows[agency].counts.applicable, rows[other_school].signature) == (4, None)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {"school", "other_school", "agency"}),
        ({"kind": "school"}, {"school", "other_school"}),
        ({"sector": "voluntary"}, {"agency"}),
        ({"locality": "south"}, {"agency"}),
        ({"status": "not_applicable"}, {"agency"}),
        ({"status": "met"}, {"school"}),
        ({"status": "in_progress", "pledge": "1"}, {"agency"}),
        ({"status": "in_progress", "pledge": "4"}, {"school"}),
        ({"status": "not_started", "pledge": "1"}, {"other_school"}),
        ({"review": "overdue"}, {"school"}),
        ({"review": "overdue", "pledge": "1"}, set()),
        ({"review": "due_soon"}, {"school", "agency"}),
        ({"signed": "yes"}, {"school"}),
        ({"signed": "no"}, {"other_school", "agency"}),
        ({"kind": "school", "signed": "no"}, {"other_school"}),
    ],
)
def test_filters(client_for, board_member, partnership, params, expected):
    school, other_school, agency = partnership
    names = {"school": school, "other_school": other_school, "agency": agency}
    matrix = get(client_for(board_member), **params).context["matrix"]
    assert {row.organisation for row in matrix.rows} == {names[key] for key in expected}
    assert matrix.total_organisations == (
        2 if params.get("kind") == "school" else 1 if "sector" in params or "locality" in params else 3
    )


def test_filtered_page_says_so_and_links_to_a_filtered_export(client_for, board_member, partnership):
    content = get(client_for(board_member), kind="school").content.decode()
    assert "2 of 2 (filtered)" in content or "of 2 (filtered)" in content
    assert f"{reverse('pledges:matrix_export')}?kind=school" in content
    assert "Clear filters" in content


def test_no_match_says_so(client_for, board_member, partnership):
    content = get(client_for(board_member), review="overdue", pledge="5").content.decode()
    assert "No organisation matches these filters." in content


def test_invalid_filters_are_ignored_not_an_error(client_for, board_member, partnership):
    response = get(client_for(board_member), kind="spaceship", pledge="x")
    assert response.status_code == 200
    assert len(response.context["matrix"].rows) == 3


def test_closed_organisations_are_left_out(client_for, board_member, partnership):
    partnership[1].status = "closed"
    partnership[1].save()
    assert partnership[1] not in {row.organisation for row in get(client_for(board_member)).context["matrix"].rows}


def test_offer_status_column_uses_the_offers_contract(client_for, board_member, partnership, offers):
    offers[partnership[0].pk] = OfferStatus(organisation_id=partnership[0].pk, exists=True, published=True)
    offers[partnership[1].pk] = OfferStatus(
        organisation_id=partnership[1].pk, exists=True, workflow_status="in_progress"
    )
    content = get(client_for(board_member)).content.decode()
    assert 'tag--green">Published</strong>' in content and 'tag--grey">Not started</strong>' in content
    assert 'tag--blue">Awaiting moderation</strong>' in content  # the register's words, not "Draft"


def test_pledge_4_follows_the_offer_not_the_status_typed_in(
    client_for, board_member, partnership, offers, set_status, pledge_set
):
    school, other_school, agency = partnership
    set_status(other_school, 4, MET, 100)  # typed in as Met, but no offer page exists
    set_status(agency, 4, MET, 100)
    offers[agency.pk] = OfferStatus(organisation_id=agency.pk, exists=True, workflow_status="needs_changes")
    offers[school.pk] = OfferStatus(organisation_id=school.pk, exists=True, published=True)
    matrix = get(client_for(board_member)).context["matrix"]
    pledge_4 = {row.organisation: row.cells[3] for row in matrix.rows}

    assert pledge_4[other_school].status == "not_started" and pledge_4[other_school].declared == MET
    assert pledge_4[other_school].text == "Not started"
    assert pledge_4[agency].status == "in_progress" and pledge_4[agency].note == "offer: changes requested"
    assert pledge_4[school].status == MET
    # The counts follow too: nobody's Met pledge 4 rests on an offer that is not published.
    assert matrix.pledge_counts[3].met == 1 and matrix.pledge_counts[3].in_progress == 1


def test_export_matrix_has_the_page_matrix_figures(partnership, south, today):
    """for_export reads organisations and signatures as plain rows; every figure is the same as the page's
    matrix."""
    school, other_school, agency = partnership
    Organisation.objects.filter(pk=agency.pk).update(locality=south)
    pledge_set = selectors.current_pledge_set()
    page = selectors.compliance_matrix(Organisation.objects.all(), pledge_set, today)
    export = selectors.compliance_matrix(Organisation.objects.all(), pledge_set, today, for_export=True)

    def figures(matrix):
        rows = [
            (
                (o := row.organisation).pk,
                o.name,
                o.kind,
                o.sector,
                o.locality.name if o.locality else None,
                (row.signature.organisation_id, row.signature.signed_on) if row.signature else None,
                row.offer_state,
                row.counts,
                [(c.text, c.status, c.overdue, c.review_date) for c in row.cells],
            )
            for row in matrix.rows
        ]
        return rows, matrix.pledge_counts, matrix.totals, matrix.total_organisations

    assert figures(export) == figures(page)
    assert [row.organisation.name for row in export.rows] == sorted(o.name for o in partnership)
    assert south in {row.organisation.locality for row in export.rows}  # shared Locality instances


def make_organisations(n, pledge_set, sign_every=2):
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Agency {i:03d}", slug=f"agency-{i:03d}", kind="agency", sector="voluntary")
        for i in range(n)
    )
    pledges = list(pledge_set.pledges.all())
    PledgeStatus.objects.bulk_create(
        PledgeStatus(organisation=o, pledge=p, status=MET, review_date="2020-01-01")
        for o in organisations
        for p in pledges[:3]
    )
    Signature.objects.bulk_create(
        Signature(
            organisation=o, pledge_set=pledge_set, signatory_name="X", signatory_role="Y", signed_on=date(2024, 1, 1)
        )
        for o in organisations[::sign_every]
    )


@pytest.mark.parametrize("size", [5, 60])
def test_matrix_page_queries_are_bounded(size, client_for, board_member, pledge_set, django_assert_max_num_queries):
    make_organisations(size, pledge_set)
    client = client_for(board_member)
    # 18: the localities are read once for all the organisations rather than joined to each (17 before).
    with django_assert_max_num_queries(18):
        response = get(client, status="met")
    assert len(response.context["matrix"].rows) == size
    with django_assert_max_num_queries(16):
        assert client.get(reverse("pledges:matrix_export")).status_code == 200


@pytest.mark.parametrize("size", [5, 60])
def test_partnership_dashboard_section_queries_are_bounded(size, la_officer, pledge_set, django_assert_max_num_queries):
    """The pledges section alone (the dashboard page adds other features' sections). The LA's: the board's
    dashboard leads to the partnership overview instead."""
    from pledges.dashboard import pledges as pledges_section

    make_organisations(size, pledge_set)
    with django_assert_max_num_queries(8):
        section = pledges_section(la_officer)
    assert section.title == "Pledge reviews overdue"
    assert section.count == size * 3


@pytest.mark.parametrize("size", [5, 60])
def test_partnership_dashboard_page_shows_the_overdue_count(size, client_for, la_officer, pledge_set):
    make_organisations(size, pledge_set)
    content = client_for(la_officer).get(reverse("dashboard")).content.decode()
    # The heading links to the matrix, which lists them all.
    assert f'Pledge reviews overdue</a> <span class="count">({size * 3})</span>' in content


def read_workbook(content):
    return openpyxl.load_workbook(io.BytesIO(content))


def test_xlsx_export_from_the_page(client_for, board_member, partnership, pledge_set):
    school, other_school, agency = partnership
    response = client_for(board_member).get(reverse("pledges:matrix_export"), {"kind": "school"})
    assert response["Content-Disposition"].startswith('attachment; filename="pledge-compliance-')
    book = read_workbook(response.content)
    sheet = book["Pledge compliance"]
    headings = [c.value for c in sheet[3]]
    assert headings[:5] == ["Organisation", "Kind", "Sector", "Locality", "Signed on"]
    assert headings[5] == "Pledge 1: Name a member of staff as the Designated Lead for Safeguarding and Early Help"
    assert headings[10:] == ["Offer page", "Pledges met", "Overdue reviews"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert set(rows) == {school.name, other_school.name}  # the page's filters apply
    assert rows[school.name][5:10] == ("Met", "Met", "Met", "In progress (offer: draft; review overdue)", "Not started")
    assert rows[school.name][11:] == ("3 of 5", 1)
    assert rows[other_school.name][4] == "Not signed"
    school_row = next(row for row in sheet.iter_rows(min_row=4) if row[0].value == school.name)
    fills = {cell.value: cell.fill.fgColor.rgb for cell in school_row[5:10]}
    assert fills["Met"].endswith("00703C") and fills["In progress (offer: draft; review overdue)"].endswith("B10E1E")
    assert fills["Not started"].endswith("DEE0E2")
    counts = list(book["Counts"].iter_rows(min_row=4, values_only=True))
    assert counts[0][0].startswith("Pledge 1") and counts[0][1:4] == (
        1,
        0,
        1,
    )  # not started, in progress, met (schools only)
    overdue = list(book["Overdue reviews"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2]) for r in overdue] == [(school.name, "In progress")]


def test_xlsx_writes_text_never_formulas(client_for, board_member, pledge_set):
    Organisation.objects.create(name='=HYPERLINK("http://x")', slug="evil", kind="agency")
    sheet = read_workbook(client_for(board_member).get(reverse("pledges:matrix_export")).content)["Pledge compliance"]
    cell = sheet.cell(row=4, column=1)
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_not_applicable_fill(client_for, board_member, partnership):
    sheet = read_workbook(client_for(board_member).get(reverse("pledges:matrix_export")).content)["Pledge compliance"]
    agency_row = next(row for row in sheet.iter_rows(min_row=4) if row[0].value == partnership[2].name)
    assert agency_row[6].value == "Not applicable" and agency_row[6].fill.fgColor.rgb.endswith("D2E2F1")
