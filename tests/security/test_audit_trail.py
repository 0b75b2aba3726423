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
    assert "the pledge status “" in content  # the kind of record, then the record


def trail(client, **params):
    response = client.get("/audit-trail/", params)
    assert response.status_code == 200
    return response.content.decode()


def entries(html):
    """The table of changes alone (the filters' drop-downs name every organisation)."""
    return html.split("<tbody>")[1].split("</tbody>")[0]


def test_entries_read_as_sentences_in_field_labels_naming_related_records(
    client_for, school, school_lead, la_officer, agency
):
    from portal.models import Membership

    change_phone(client_for(school_lead), school, "0116 496 2222")
    Membership.objects.create(user=la_officer, organisation=agency, role="editor")
    content = trail(client_for(la_officer))
    name = school_lead.get_full_name() or school_lead.email
    assert f"{name} (dsl@oak.example) changed the organisation “Oak Tree Primary School”" in content
    assert "Phone set to “0116 496 2222”." in content
    # The related records by name, the choice by its label; never an id, "None" or a model path.
    assert "Organisation set to Family Action Group." in content
    assert "Role set to Organisation editor" in content
    changes = entries(content)
    assert "None" not in changes and "→" not in changes and "wagtailcore." not in changes
    assert "Version" not in changes and "Id set" not in changes  # the portal's own bookkeeping is left out


def test_filter_by_organisation_covers_its_own_records(client_for, school, school_lead, la_officer, agency):
    from portal.models import Membership

    change_phone(client_for(school_lead), school, "0116 496 3333")
    Membership.objects.create(user=la_officer, organisation=agency, role="editor")
    client = client_for(la_officer)
    of_school = entries(trail(client, organisation=school.pk))
    assert "0116 496 3333" in of_school and "Family Action Group" not in of_school
    of_agency = entries(trail(client, organisation=agency.pk))
    assert "Organisation set to Family Action Group." in of_agency and "0116 496 3333" not in of_agency
    by_name = entries(trail(client, person=school_lead.first_name))
    assert "0116 496 3333" in by_name


@pytest.mark.parametrize(
    "params, message",
    [
        ({"organisation": "abc"}, "Choose an organisation from the list."),
        ({"organisation": "999999"}, "Choose an organisation from the list."),
        ({"record_type": "zz"}, "Choose a kind of record from the list."),
        ({"date_from": "2026-02-30"}, "Enter a valid date."),
        ({"page": "-1"}, None),
        ({"page": "abc", "person": "x" * 300}, "Ensure this value has at most 254 characters"),
    ],
)
def test_bad_filter_values_are_explained_never_a_500(client_for, la_officer, params, message):
    content = trail(client_for(la_officer), **params)
    if message:
        assert message in content and "There is a problem" in content


def test_the_page_reads_in_a_fixed_number_of_queries(client_for, la_officer, agency, django_assert_max_num_queries):
    from portal.models import Membership
    from testdata.people import make_user

    client = client_for(la_officer)
    people = [make_user(f"p{n}@test.example") for n in range(30)]
    trail(client)  # warm the content-type cache
    for person in people:  # the newest 30 entries, all on the first page
        Membership.objects.create(user=person, organisation=agency, role="editor")
    with django_assert_max_num_queries(16):
        content = trail(client)
    assert content.count("Organisation set to Family Action Group.") == 30
