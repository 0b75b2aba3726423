"""Oversized text, malformed dates and numbers, mixed scripts and emoji in the portal's forms (issue 8).

Each form is read from its page as a browser would, made valid, then one field gets an abusive value.
The answer must be the form again with a message beside that field, what the person typed still in the
field, and nothing changed in the database. Mixed scripts and emoji, where valid, are saved, shown and
exported exactly as typed.
"""

import io
import re
from dataclasses import dataclass
from datetime import date
from html import escape

import openpyxl
import pytest

from caseaudits.models import CaseAudit
from maturity.models import Round
from pledges.models import ImpactMeasure, ImpactReturn, PledgeSet, TrainingRecord
from portal.models import Organisation
from tests.audits.helpers import form_data
from tests.security.test_abusive_uploads import field_error

MIXED = "Zoë 👩‍👧 مدرسة 学校"
HUGE = "x" * 100_000
DATE_MESSAGE = r"(valid date|Enter a (real )?date)"


@dataclass(frozen=True)
class FormCase:
    user: str
    url: str  # may name {school} (the school's slug) or {measure} (its impact measure's pk)
    valid: dict  # what makes the rest of the form valid
    state: object  # () -> what must not change


def _measure(school):
    return ImpactMeasure.objects.get_or_create(organisation=school, name="Families helped")[0]


FORMS = {
    "maturity round": FormCase(
        "la_officer",
        "/maturity/rounds/new/",
        {"title": "Round", "period_start": "2024-01-01", "period_end": "2024-01-31"},
        lambda: list(Round.objects.values_list("title", flat=True)),
    ),
    "case audit": FormCase(
        "la_officer",
        "/case-audits/new/",
        {"case_reference": "EHA-1", "eha_start_date": "2018-01-05", "audit_date": "2018-05-10"},
        lambda: CaseAudit.objects.count(),
    ),
    "training course": FormCase(
        "school_lead",
        "/pledges/organisations/{school}/training/courses/add/",
        {"course": "Early Help basics", "date": "2024-06-01", "attendees": "8"},
        lambda: list(TrainingRecord.objects.values_list("course", "attendees")),
    ),
    "impact return": FormCase(
        "school_lead",
        "/pledges/organisations/{school}/impact/measures/{measure}/returns/add/",
        {"period_start": "2024-04-01", "value": "12", "narrative": "Good."},
        lambda: list(ImpactReturn.objects.values_list("value", "narrative")),
    ),
    "organisation contact": FormCase(
        "school_lead",
        "/organisations/{school}/contact/",
        {},
        lambda: list(Organisation.objects.values_list("phone", "postcode", "email", "website")),
    ),
}

# (form, field, what is typed, what the message must say)
ABUSE = [
    ("maturity round", "title", HUGE, r"at most 200 characters"),
    ("maturity round", "period_start", "31/02/2026", DATE_MESSAGE),
    ("maturity round", "period_end", "yesterday", DATE_MESSAGE),
    ("case audit", "case_reference", HUGE, r"at most 30 characters"),
    ("case audit", "audit_date", "31/02/2026", DATE_MESSAGE),
    ("case audit", "eha_start_date", "yesterday", DATE_MESSAGE),
    ("training course", "course", HUGE, r"at most 200 characters"),
    ("training course", "date", "2026-02-31", DATE_MESSAGE),
    ("training course", "attendees", "-1", r"greater than or equal to"),
    ("training course", "attendees", "1e999", r"whole number"),
    ("training course", "attendees", "NaN", r"whole number"),
    ("impact return", "value", "1e999", r"(no more than|digits)"),
    ("impact return", "value", "NaN", r"Enter a number"),
    ("impact return", "value", "Infinity", r"Enter a number"),
    ("impact return", "period_start", "yesterday", r"valid choice"),
    ("organisation contact", "phone", HUGE, r"at most 40 characters"),
    ("organisation contact", "postcode", HUGE, r"at most 10 characters"),
    ("organisation contact", "website", "javascript:alert(1)", r"valid URL"),
]
ABUSE_IDS = [f"{form}-{field}-{value[:12] if value != HUGE else '100k'}" for form, field, value, _ in ABUSE]


def _open(request, client_for, school, name):
    case = FORMS[name]
    client = client_for(request.getfixturevalue(case.user))
    url = case.url.format(school=school.slug, measure=_measure(school).pk if "{measure}" in case.url else "")
    page = client.get(url)
    assert page.status_code == 200, f"{name}: {url} answered {page.status_code}"
    data = form_data(page.content.decode())
    data.update(case.valid)
    return client, url, data, case


@pytest.mark.parametrize(("name", "field", "value", "expected"), ABUSE, ids=ABUSE_IDS)
def test_abusive_value_gets_a_message_keeps_the_typing_and_changes_nothing(
    request, client_for, school, school_lead, la_officer, name, field, value, expected
):
    client, url, data, case = _open(request, client_for, school, name)
    before = case.state()
    data[field] = value
    response = client.post(url, data)
    assert response.status_code == 200, f"{name}: {field}={value[:20]!r} answered {response.status_code}"
    html = response.content.decode()
    assert re.search(expected, field_error(html, field)), f"{name}.{field}: {field_error(html, field)!r}"
    assert escape(value) in html, "what the person typed should still be in the field"
    assert case.state() == before


def test_mixed_scripts_and_emoji_are_saved_shown_and_exported_intact(client_for, la_officer, school, school_lead):
    client, url, data, _case = _open_round(client_for, la_officer)
    data["title"] = MIXED
    response = client.post(url, data, follow=True)
    round_ = Round.objects.get()
    assert round_.title == MIXED
    assert MIXED in response.content.decode()
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"/maturity/rounds/{round_.pk}/export.xlsx").content))
    assert any(
        cell.value and MIXED in str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row
    )

    lead = client_for(school_lead)
    course_url = f"/pledges/organisations/{school.slug}/training/courses/add/"
    lead.post(
        course_url,
        {
            **form_data(lead.get(course_url).content.decode()),
            "course": MIXED,
            "date": "2024-06-01",
            "attendees": "１２",
        },
    )
    record = TrainingRecord.objects.get()
    # Full-width digits are digits: Django reads "１２" as 12, which is what the person meant.
    assert (record.course, record.attendees, record.date) == (MIXED, 12, date(2024, 6, 1))
    number = PledgeSet.objects.current().pledges.get(evidence="training").number
    assert MIXED in lead.get(f"/pledges/organisations/{school.slug}/pledges/{number}/").content.decode()


def _open_round(client_for, la_officer):
    client = client_for(la_officer)
    page = client.get("/maturity/rounds/new/")
    data = form_data(page.content.decode())
    data.update(FORMS["maturity round"].valid)
    return client, "/maturity/rounds/new/", data, FORMS["maturity round"]
