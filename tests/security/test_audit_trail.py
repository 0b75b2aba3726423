"""The audit trail: who changed what and when, visible to LA officers and administrators only."""

import pytest


def change_phone(client, organisation, phone):
    data = {"address": "", "postcode": "", "phone": phone, "email": "", "website": "", "version": organisation.version}
    return client.post(f"/organisations/{organisation.slug}/contact/", data)


def test_a_change_is_recorded_with_who_when_and_what(client_for, school, school_lead, la_officer):
    assert change_phone(client_for(school_lead), school, "0116 496 0000").status_code == 302
    content = client_for(la_officer).get("/audit-trail/").content.decode()
    assert "dsl@oak.example" in content
    assert "Oak Tree Primary School" in content
    assert "0116 496 0000" in content


def test_filter_by_person_and_kind(client_for, school, school_lead, la_officer, agency):
    change_phone(client_for(school_lead), school, "0116 496 1111")
    client = client_for(la_officer)
    by_other = client.get("/audit-trail/", {"person": "nobody@"}).content.decode()
    assert "0116 496 1111" not in by_other and "No changes match." in by_other
    by_lead = client.get("/audit-trail/", {"person": "dsl@oak"}).content.decode()
    assert "0116 496 1111" in by_lead


def test_bad_dates_are_explained_and_kept(client_for, la_officer):
    content = (
        client_for(la_officer)
        .get("/audit-trail/", {"date_from": "2026-12-01", "date_to": "2026-01-01"})
        .content.decode()
    )
    assert "The end date must be on or after the start date." in content
    assert 'value="2026-12-01"' in content
    nonsense = client_for(la_officer).get("/audit-trail/", {"date_from": "31/31/2026"}).content.decode()
    assert "Enter a valid date." in nonsense


def test_passwords_are_never_recorded(client_for, la_officer, school_lead):
    school_lead.set_password("another-Secret-42")
    school_lead.save()
    from auditlog.models import LogEntry

    assert not any("password" in (entry.changes_dict or {}) for entry in LogEntry.objects.all())


@pytest.mark.parametrize(
    "role, status",
    [
        ("admin", 200),
        ("la_officer", 200),
        ("board_member", 403),
        ("school_lead", 403),
        ("agency_editor", 403),
        ("no_role", 403),
    ],
)
def test_only_la_officers_and_administrators_read_it(client_for, everyone, role, status):
    assert client_for(everyone[role]).get("/audit-trail/").status_code == status


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get("/audit-trail/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_pledge_status_changes_are_in_the_trail(client_for, la_officer, school):
    from datetime import date, timedelta

    from pledges.models import Pledge, PledgeStatus

    pledge = Pledge.objects.filter(pledge_set__is_current=True).order_by("number").first()
    PledgeStatus.objects.create(
        organisation=school, pledge=pledge, status="in_progress", review_date=date.today() + timedelta(days=30)
    )
    content = client_for(la_officer).get("/audit-trail/").content.decode()
    assert "Pledge status: " in content  # the kind of record, then the record
