"""Bulk returns: the template (the person's indicators x open periods), the upload (all or nothing, every
problem named by row and column)."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from performance.models import Return, ReturnRevision
from testdata.performance import indicator, make_owner, make_return


@pytest.fixture
def two_owned(owned, book, agency_lead, agency, last_quarter):
    """Indicators 15 (a count) and 10 (a percentage), both owned by agency_lead; 10 last sent for the quarter
    before last, so it owes one period and 15 (never sent) owes the last quarter."""
    percentage = indicator("10", book)
    make_owner(percentage, agency_lead, agency)
    make_return(percentage, last_quarter.previous(), value=80, user=agency_lead)
    return owned, percentage


def template(client, book):
    response = client.get(reverse("performance:bulk_template", args=[book.pk]))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def upload(client, book, rows, action="submit", name="returns.xlsx"):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    file = SimpleUploadedFile(name, buffer.getvalue())
    return client.post(reverse("performance:bulk", args=[book.pk]), {"file": file, "action": action})


def test_the_template_lists_the_owners_indicators_and_open_periods(
    client_for, agency_lead, book, two_owned, last_quarter
):
    rows = template(client_for(agency_lead), book)
    assert rows[0][:7] == ["Reference", "Indicator", "Unit", "Period", "Period start", "Due on", "Value"]
    keys = sorted((row[0], row[4]) for row in rows[1:])
    assert keys == [("10", last_quarter.start.isoformat()), ("15", last_quarter.start.isoformat())]


def test_an_upload_submits_every_row_with_its_first_revision(client_for, agency_lead, book, two_owned, last_quarter):
    client = client_for(agency_lead)
    rows = template(client, book)
    for row in rows[1:]:
        if row[0] == "15":
            row[6], row[9] = 31, "Fewer than last year"
        else:
            row[6], row[7], row[8], row[9] = None, 42, 53, "Up on last quarter"
    response = upload(client, book, rows)
    assert response.status_code == 302
    count, percentage = two_owned
    assert Return.objects.get(indicator=count, period_start=last_quarter.start).value == Decimal("31")
    record = Return.objects.get(indicator=percentage, period_start=last_quarter.start)
    assert (record.status, record.value, record.numerator, record.narrative) == (
        "submitted",
        Decimal("79.25"),
        42,
        "Up on last quarter",
    )
    assert ReturnRevision.objects.filter(return_record__period_start=last_quarter.start).count() == 2
    assert "2 return(s) submitted." in client.get(reverse("performance:bulk", args=[book.pk])).content.decode()


def test_one_bad_row_saves_nothing_and_names_its_row_and_column(client_for, agency_lead, book, two_owned, last_quarter):
    client = client_for(agency_lead)
    rows = template(client, book)
    for row in rows[1:]:
        row[6] = 31 if row[0] == "15" else 120
        row[9] = "n"
    bad_row = next(i for i, row in enumerate(rows) if row[0] == "10") + 1
    rows.append(["16", "", "", "", last_quarter.start.isoformat(), "", 3, None, None, "not mine"])
    response = upload(client, book, rows)
    page = response.content.decode()
    assert response.status_code == 200 and "Nothing was saved" in page
    assert f"Row {bad_row}, column &#x27;Value&#x27;: A percentage must be between 0 and 100." in page
    assert f"Row {len(rows)}, column &#x27;Reference&#x27;: Not one of your indicators in this set." in page
    assert not Return.objects.filter(period_start=last_quarter.start).exists()


def test_a_repeated_period_and_an_already_submitted_one_are_refused(
    client_for, agency_lead, book, two_owned, last_quarter
):
    client = client_for(agency_lead)
    start = last_quarter.start.isoformat()
    header = template(client, book)[0]
    rows = [header, ["15", "", "", "", start, "", 3], ["15", "", "", "", start, "", 4]]
    page = upload(client, book, rows).content.decode()
    assert "Row 3, column &#x27;Period start&#x27;:" in page and "is also on row 2" in page
    rows = [header, ["10", "", "", "", last_quarter.previous().start.isoformat(), "", 70]]
    page = upload(client, book, rows).content.decode()
    assert "is already submitted: correct it on its page" in page
    assert not Return.objects.filter(period_start=last_quarter.start).exists()


def test_drafts_rows_left_empty_skipped_and_a_wrong_file_refused(
    client_for, agency_lead, book, two_owned, last_quarter
):
    client = client_for(agency_lead)
    rows = template(client, book)
    for row in rows[1:]:
        if row[0] == "15":
            row[6] = 12
    assert upload(client, book, rows, action="draft").status_code == 302
    (draft,) = Return.objects.filter(period_start=last_quarter.start)
    assert (draft.status, draft.value) == ("draft", Decimal("12")) and not draft.revisions.exists()
    # The next template carries the draft's figure.
    assert any(row[0] == "15" and row[6] == 12 for row in template(client, book)[1:])

    page = upload(client, book, [["Nothing", "useful"]]).content.decode()
    assert "The first row is missing the column(s): Reference, Period start, Value" in page
    response = client.post(
        reverse("performance:bulk", args=[book.pk]),
        {"file": SimpleUploadedFile("returns.pdf", b"%PDF"), "action": "submit"},
    )
    assert "Choose a CSV file (.csv) or an Excel workbook (.xlsx)." in response.content.decode()


def test_the_la_may_use_bulk_returns_for_every_typed_indicator(client_for, la_officer, book, last_quarter):
    rows = template(client_for(la_officer), book)
    # No owner yet means nothing is owed, so the LA's template is empty until owners are named.
    assert rows[1:] == []
