"""Role x view: who may open and change each pledge page. Never a 500, never another organisation's data."""

from datetime import date

import pytest
from django.urls import reverse

from pledges.models import DesignatedLead, PledgeStatus, TrainingRecord
from portal.permissions.pledges import pledge_organisations
from testdata.people import ROLES

from .conftest import IN_PROGRESS

PARTNERSHIP = {"admin", "la_officer", "board_member"}
SCHOOL_PEOPLE = {"school_lead", "school_editor"}
SECRET_LEAD = "Dana Secretlead"


@pytest.fixture
def school_record(school, set_status):
    """The school's pledge work: a designated lead, a training course and a status on pledge 2."""
    DesignatedLead.objects.create(organisation=school, name=SECRET_LEAD, role="DSL", email="dana@oak.example")
    course = TrainingRecord.objects.create(
        organisation=school, course="EHA training", date=date(2025, 1, 10), attendees=3
    )
    set_status(school, 2, IN_PROGRESS, 40)
    return course


def expected_for(role, allowed, *, forbidden=frozenset(), hidden=frozenset()):
    """200 for `allowed`, 403 for `forbidden`, 404 for `hidden`, login redirect for anonymous."""
    if role == "anonymous":
        return 302
    if role in allowed:
        return 200
    if role in forbidden:
        return 403
    if role in hidden:
        return 404
    raise AssertionError(f"no expectation for {role}")


OUTSIDERS = {"other_school_lead", "agency_lead", "agency_editor", "no_role"}

SCHOOL_PAGES = {
    # url name: (allowed, forbidden (may see the organisation but not do this), hidden)
    "pledges:organisation": (PARTNERSHIP | SCHOOL_PEOPLE, set(), OUTSIDERS),
    "pledges:pledge": (PARTNERSHIP | SCHOOL_PEOPLE, set(), OUTSIDERS),
    "pledges:status": ({"school_lead"}, PARTNERSHIP | {"school_editor"}, OUTSIDERS),
    "pledges:sign": ({"school_lead"}, PARTNERSHIP | {"school_editor"}, OUTSIDERS),
    "pledges:designated_lead": (SCHOOL_PEOPLE, PARTNERSHIP, OUTSIDERS),
    "pledges:training_summary": (SCHOOL_PEOPLE, PARTNERSHIP, OUTSIDERS),
    "pledges:training_add": (SCHOOL_PEOPLE, PARTNERSHIP, OUTSIDERS),
    "pledges:access": (SCHOOL_PEOPLE, PARTNERSHIP, OUTSIDERS),
    "pledges:measure_add": (SCHOOL_PEOPLE, PARTNERSHIP, OUTSIDERS),
}


def school_url(name, school):
    if name in ("pledges:pledge", "pledges:status"):
        return reverse(name, args=[school.slug, 1])
    return reverse(name, args=[school.slug])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(SCHOOL_PAGES))
def test_school_pages_by_role(name, role, everyone, client_for, school, school_record):
    allowed, forbidden, hidden = SCHOOL_PAGES[name]
    response = client_for(everyone[role]).get(school_url(name, school))
    assert response.status_code == expected_for(role, allowed, forbidden=forbidden, hidden=hidden)
    content = response.content.decode()
    if response.status_code == 302:
        assert reverse("login") in response["Location"]
    if response.status_code == 200:
        assert school.name in content
    else:
        assert SECRET_LEAD not in content and school.name not in content


@pytest.mark.parametrize("role", ROLES)
def test_designated_lead_contact_shown_to_the_organisation_and_partnership_only(
    role, everyone, client_for, school, school_record
):
    response = client_for(everyone[role]).get(reverse("pledges:pledge", args=[school.slug, 1]))
    assert (SECRET_LEAD in response.content.decode()) is (role in PARTNERSHIP | SCHOOL_PEOPLE)


@pytest.mark.parametrize("role", ROLES)
def test_matrix_and_export_by_role(role, everyone, client_for, school, other_school, agency, school_record):
    client = client_for(everyone[role])
    expected = expected_for(role, PARTNERSHIP, forbidden=SCHOOL_PEOPLE | OUTSIDERS)
    page = client.get(reverse("pledges:matrix"))
    export = client.get(reverse("pledges:matrix_export"))
    assert page.status_code == export.status_code == expected
    if expected == 200:
        for organisation in (school, other_school, agency):
            assert organisation.name in page.content.decode()
        assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    else:
        assert school.name not in page.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_designated_leads_directory_by_role(role, everyone, client_for, school, school_record):
    signed_in_partners = PARTNERSHIP | SCHOOL_PEOPLE | (OUTSIDERS - {"no_role"})
    response = client_for(everyone[role]).get(reverse("pledges:designated_leads"))
    assert response.status_code == expected_for(role, signed_in_partners, forbidden={"no_role"})
    assert (SECRET_LEAD in response.content.decode()) is (response.status_code == 200)


@pytest.mark.parametrize("role", ROLES)
def test_public_signatories_page_open_to_all_without_contacts(role, everyone, client_for, school, school_record, sign):
    sign(school, name="Head Teacher Person")
    response = client_for(everyone[role]).get(reverse("pledges:signatories"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Head Teacher Person" in content and school.name in content
    assert SECRET_LEAD not in content and "dana@oak.example" not in content


@pytest.mark.parametrize("role", ROLES)
def test_index_by_role(role, everyone, client_for, school, school_record):
    response = client_for(everyone[role]).get(reverse("pledges:index"))
    assert response.status_code == (302 if role == "anonymous" else 200)
    if response.status_code == 200:
        content = response.content.decode()
        assert (school.name in content) is (role in SCHOOL_PEOPLE)
        assert ("Compliance matrix" in content) is (role in PARTNERSHIP)


@pytest.mark.parametrize(
    "role", ["admin", "la_officer", "board_member", "school_editor", "other_school_lead", "agency_lead"]
)
def test_status_post_refused_unless_lead(role, everyone, client_for, school, today):
    response = client_for(everyone[role]).post(
        reverse("pledges:status", args=[school.slug, 1]), {"status": "met", "review_date": str(today)}
    )
    assert response.status_code in (403, 404)
    assert not PledgeStatus.objects.filter(organisation=school).exists()


@pytest.mark.parametrize("role", ["admin", "la_officer", "board_member", "other_school_lead", "agency_editor"])
def test_evidence_post_refused_to_non_members(role, everyone, client_for, school, school_record):
    client = client_for(everyone[role])
    response = client.post(
        reverse("pledges:designated_lead", args=[school.slug]),
        {"name": "Intruder", "role": "x", "email": "x@example.org"},
    )
    assert response.status_code in (403, 404)
    delete = client.post(reverse("pledges:training_delete", args=[school.slug, school_record.pk]))
    assert delete.status_code in (403, 404)
    assert DesignatedLead.objects.get(organisation=school).name == SECRET_LEAD
    assert TrainingRecord.objects.filter(pk=school_record.pk).exists()


def test_another_organisations_record_through_your_own_url_is_404(
    client_for, agency_lead, agency, school, school_record
):
    """A record id from another organisation, under your own organisation's URL, is not found."""
    response = client_for(agency_lead).post(reverse("pledges:training_delete", args=[agency.slug, school_record.pk]))
    assert response.status_code == 404
    assert TrainingRecord.objects.filter(pk=school_record.pk).exists()


def test_pledge_scope_board_reads_all_members_their_own(
    board_member, school_lead, no_role_user, school, other_school, agency
):
    assert set(pledge_organisations(board_member)) == {school, other_school, agency}
    assert set(pledge_organisations(school_lead)) == {school}
    assert list(pledge_organisations(no_role_user)) == []


def test_closed_organisation_is_not_found(client_for, la_officer, school):
    school.status = "closed"
    school.save()
    assert client_for(la_officer).get(reverse("pledges:organisation", args=[school.slug])).status_code == 404
