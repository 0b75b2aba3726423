"""One number, one source: every figure on the overview equals the number on its feature's own page and in
the feature's export, because each is read from the same selector. A test per figure."""

import re
from io import BytesIO

import pytest
from openpyxl import load_workbook

from audits.selectors import city_view
from portal.periods import academic_year
from portal.rag import Rag

pytestmark = pytest.mark.django_db


def _section(client, key, **query):
    response = client.get("/board/overview/", query)
    assert response.status_code == 200
    return next(section for section, _ in response.context["sections"] if section.key == key)


def _workbook(response):
    assert response.status_code == 200, response.status_code
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return load_workbook(BytesIO(body), read_only=True)


def _column(sheet, heading, header_row):
    rows = list(sheet.iter_rows(values_only=True))
    index = rows[header_row - 1].index(heading)
    return [row[index] for row in rows[header_row:] if any(cell is not None for cell in row)]


# --- Offers: the register page's figures and its export's rows ------------------------------------------


def test_offers_published_agrees_with_the_register_and_its_export(partnership, la_officer, client_for):
    client = client_for(la_officer)
    figure = _section(client, "offers").figure("Offers published")
    page = client.get("/offer-register/").context["figures"]
    states = _column(_workbook(client.get("/offer-register/offers.xlsx")).worksheets[0], "Status", 3)
    assert figure.value == page.published == sum(state in ("Published", "Review overdue") for state in states) == 2


def test_offers_overdue_agrees_with_the_register_and_its_export(partnership, la_officer, client_for):
    client = client_for(la_officer)
    figure = _section(client, "offers").figure("Published offers past their review date")
    page = client.get("/offer-register/").context["figures"]
    states = _column(_workbook(client.get("/offer-register/offers.xlsx")).worksheets[0], "Status", 3)
    assert figure.value == page.overdue == states.count("Review overdue") == 1


def test_offers_reviewed_on_time_agrees_with_the_register(partnership, la_officer, client_for):
    client = client_for(la_officer)
    figure = _section(client, "offers").figure("Published offers reviewed on time")
    page = client.get("/offer-register/").context["figures"]
    assert figure.text == f"{round(100 * page.reviewed_on_time / page.published)}% ({page.reviewed_on_time} of 2)"
    assert figure.value == 50


def test_offer_organisations_agrees_with_the_register_and_its_export(partnership, la_officer, client_for):
    client = client_for(la_officer)
    figure = _section(client, "offers").figure("Organisations (active)")
    page = client.get("/offer-register/").context["figures"]
    names = _column(_workbook(client.get("/offer-register/offers.xlsx")).worksheets[0], "Organisation", 3)
    assert figure.value == page.organisations == len(names)


# --- Pledges: the compliance matrix page and its workbook ----------------------------------------------


@pytest.mark.parametrize("role", ["la_officer", "board_member"])
def test_pledges_signed_agrees_with_the_matrix_and_its_export(partnership, everyone, client_for, role):
    client = client_for(everyone[role])
    figure = _section(client, "pledges").figure("Organisations that have signed the pledges")
    matrix = client.get("/pledges/matrix/").context["matrix"]
    signed_on = _column(_workbook(client.get("/pledges/matrix.xlsx"))["Pledge compliance"], "Signed on", 3)
    assert figure.value == matrix.signed_count == sum(value != "Not signed" for value in signed_on) == 2
    assert figure.text == f"{round(100 * 2 / matrix.count)}% (2 of {matrix.count})"


def test_pledges_all_met_agrees_with_the_matrix_and_its_export(partnership, la_officer, client_for):
    client = client_for(la_officer)
    figure = _section(client, "pledges").figure("Organisations meeting every pledge that applies")
    matrix = client.get("/pledges/matrix/").context["matrix"]
    met = _column(_workbook(client.get("/pledges/matrix.xlsx"))["Pledge compliance"], "Pledges met", 3)
    in_export = sum(1 for text in met if (m := re.fullmatch(r"(\d+) of (\d+)", text)) and m[1] == m[2] != "0")
    assert figure.value == matrix.all_met_count == in_export == 1


def test_pledges_overdue_agrees_with_the_matrix_and_its_export(partnership, la_officer, client_for):
    client = client_for(la_officer)
    figure = _section(client, "pledges").figure("Pledge reviews overdue")
    matrix = client.get("/pledges/matrix/").context["matrix"]
    overdue = _column(_workbook(client.get("/pledges/matrix.xlsx"))["Pledge compliance"], "Overdue reviews", 3)
    # The agency's five, and pledge 4 of the school whose published offer is past its review date.
    assert figure.value == matrix.totals.overdue == len(matrix.overdue_reviews) == sum(overdue) == 6


def test_pledges_agree_in_a_locality(partnership, la_officer, client_for, south):
    client = client_for(la_officer)
    figure = _section(client, "pledges", locality=south.slug).figure("Organisations that have signed the pledges")
    matrix = client.get("/pledges/matrix/", {"locality": south.slug}).context["matrix"]
    assert figure.value == matrix.signed_count == 1


# --- Commitments: the city view and its export ------------------------------------------------------------


def _city_summary(client):
    sheet = _workbook(client.get("/audits/city/export/")).worksheets[0]
    return list(sheet.iter_rows(min_row=2, max_row=2, values_only=True))[0][0]


@pytest.mark.parametrize("role", ["la_officer", "board_member"])
def test_commitments_started_and_submitted_agree_with_the_city_view_and_export(partnership, everyone, client_for, role):
    client = client_for(everyone[role])
    section = _section(client, "commitments")
    view = client.get("/audits/city/").context["view"]
    summary = _city_summary(client)
    started = section.figure("Schools that have started their audit")
    submitted = section.figure("Schools that have submitted their audit")
    assert started.value == view.engaged == 1
    assert submitted.value == view.submitted == 0
    assert f"{view.engaged} audits started; {view.submitted} submitted" in summary


def test_commitments_rag_spread_is_the_city_views_ratings(partnership, la_officer, client_for, today):
    client = client_for(la_officer)
    section = _section(client, "commitments")
    view = client.get("/audits/city/").context["view"]
    for index, series in enumerate(section.chart["series"]):
        counted = {rag.value: sum(1 for row in view.rows if row.rags and row.rags[index] == rag) for rag in Rag}
        assert series["counts"] == counted
    assert sum(sum(s["counts"].values()) for s in section.chart["series"]) == len(view.commitments)  # one audit
    assert view.rag_spread() == city_view(la_officer, academic_year(today), today).rag_spread()


# --- Case-file audits: the quarterly report and its workbook ------------------------------------------------


def test_case_audits_good_or_better_agrees_with_the_report_and_its_export(partnership, board_member, client_for):
    client = client_for(board_member)
    section = _section(client, "case_file_audits")
    figure = section.figure("Audits judged good or better")
    report = client.get("/case-audits/reports/").context["report"]
    quarter = next(i for i, n in enumerate(report.audits) if n)
    share = report.good_or_better[quarter]
    assert (figure.value, figure.text) == (share.percent, f"{share.percent}% ({share.met} of {share.total})")
    summary = _workbook(client.get(f"/case-audits/reports/{report.year_label}.xlsx")).worksheets[0]
    texts = [cell for row in summary.iter_rows(values_only=True) for cell in row if cell]
    assert figure.text in texts  # the year's figure: all this test's audits are in the one quarter


def test_case_audits_each_principle_agrees_with_the_report(partnership, board_member, client_for):
    client = client_for(board_member)
    section = _section(client, "case_file_audits")
    report = client.get("/case-audits/reports/").context["report"]
    quarter = next(i for i, n in enumerate(report.audits) if n)
    for row in report.principles:
        figure = section.figure(f"{row.title} (cases meeting it)")
        assert figure.value == row.quarters[quarter].percent
        assert f"({row.quarters[quarter].met} of {row.quarters[quarter].total})" in figure.text


# --- Maturity: the comparison page ------------------------------------------------------------------------


def test_maturity_agrees_with_the_comparison_page(partnership, la_officer, client_for):
    client = client_for(la_officer)
    section = _section(client, "maturity")
    comparison = client.get(section.url).context["comparison"]
    assert len(comparison.rounds) == 2
    for row in comparison.rows:
        figure = section.figure(row.name)
        assert figure.text.startswith(row.cells[-1].label)
        assert figure.previous_text in ("", row.cells[0].label)
    ups = sum(1 for row in comparison.rows if row.cells[-1].movement and row.cells[-1].movement.direction == "up")
    assert section.figure("Strands rated higher than the round before").value == ups == 1


# --- Performance book: the scorecard page and its workbook ----------------------------------------------------


def test_performance_rag_counts_agree_with_the_scorecard_and_its_export(partnership, board_member, client_for):
    client = client_for(board_member)
    section = _section(client, "performance")
    card = client.get(section.url).context["card"]
    exported = _workbook(client.get(section.url.replace("/performance/?", "/performance/scorecard.xlsx?")))
    sheet = next(s for s in exported.worksheets if s.title.startswith("Scorecard"))
    ratings, exceptions = _column(sheet, "RAG", 4), _column(sheet, "Exception", 4)
    for rating, count in card.rating_counts:
        label = "Indicators not rated" if rating == "not_rated" else f"Indicators rated {rating.label.lower()}"
        assert section.figure(label).value == count == ratings.count(rating.label)
    assert section.figure("Indicators rated red").value == 1 and section.figure("Indicators rated green").value == 1
    assert section.figure("Exceptions").value == len(card.exceptions) == exceptions.count("Yes")
    assert len(section.exceptions) == len(card.exceptions)
