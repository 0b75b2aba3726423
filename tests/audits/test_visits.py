"""Offer quality visits: an LA officer records a visit; the school reads its own; nobody else does."""

import re
from datetime import timedelta

import pytest

from audits.models import OfferVisit
from tests.audits.helpers import form_data


@pytest.fixture
def officer(client_for, la_officer):
    return client_for(la_officer)


def test_officer_records_a_visit_from_the_school_page(officer, la_officer, school, today, client_for, school_lead):
    page = officer.get(f"/audits/schools/{school.slug}/").content.decode()
    assert f'href="/audits/visits/new/?school={school.slug}"' in page
    form = officer.get(f"/audits/visits/new/?school={school.slug}").content.decode()
    data = form_data(form)
    assert data["organisation"] == str(school.pk) and data["officer"] == str(la_officer.pk)
    assert (data["visited_on-day"], data["visited_on-month"], data["visited_on-year"]) == (
        str(today.day),
        str(today.month),
        str(today.year),
    )
    data.update(
        judgement="requires_improvement",
        notes="Only two areas described.",
        agreed_actions="Describe transition and staying safe by half term.",
    )
    response = officer.post("/audits/visits/new/", data)
    visit = OfferVisit.objects.get()
    assert response.url == f"/audits/visits/{visit.pk}/"
    assert (visit.organisation, visit.officer, visit.recorded_by, visit.judgement) == (
        school,
        la_officer,
        la_officer,
        "requires_improvement",
    )
    assert not visit.good_or_better
    shown = client_for(school_lead).get(f"/audits/visits/{visit.pk}/").content.decode()
    assert "Requires improvement" in shown and "Describe transition and staying safe by half term." in shown
    assert "Change the visit" not in shown


def test_visit_form_errors_are_beside_the_field_and_input_kept(officer, school, today):
    data = form_data(officer.get("/audits/visits/new/").content.decode())
    data.update(
        organisation=str(school.pk), visited_on=(today + timedelta(days=3)).strftime("%d/%m/%Y"), notes="Typed notes"
    )
    data.pop("judgement", None)
    response = officer.post("/audits/visits/new/", data)
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error:" in page
    assert "The date of the visit must be today or in the past." in page
    assert "Choose your judgement of the offer&#x27;s quality." in page
    assert "Typed notes" in page
    assert not OfferVisit.objects.exists()


def test_the_judgement_radios_are_the_four_judgements_only(officer):
    page = officer.get("/audits/visits/new/").content.decode()
    radios = re.findall(r'<input type="radio" name="judgement" value="([^"]*)"', page)
    assert radios == ["outstanding", "good", "requires_improvement", "inadequate"]
    assert "---------" not in page.split('name="judgement"', 1)[1].split("</fieldset>", 1)[0]


def test_only_schools_can_be_visited(officer, agency, today):
    data = form_data(officer.get("/audits/visits/new/").content.decode())
    data.update(organisation=str(agency.pk), judgement="good")
    assert "Select a valid choice" in officer.post("/audits/visits/new/", data).content.decode()


def test_two_officers_editing_a_visit(client_for, la_officer, admin_user, school, today):
    visit = OfferVisit.objects.create(organisation=school, visited_on=today, officer=la_officer, judgement="good")
    first, second = client_for(la_officer), client_for(admin_user)
    first_data = form_data(first.get(f"/audits/visits/{visit.pk}/edit/").content.decode())
    second_data = form_data(second.get(f"/audits/visits/{visit.pk}/edit/").content.decode())
    assert first.post(f"/audits/visits/{visit.pk}/edit/", {**first_data, "notes": "First"}).status_code == 302
    page = second.post(f"/audits/visits/{visit.pk}/edit/", {**second_data, "notes": "Second"}).content.decode()
    assert "Someone else saved changes to this record after you opened it" in page and "Second" in page
    assert OfferVisit.objects.get(pk=visit.pk).notes == "First"


def test_visit_list_counts(officer, school, other_school, la_officer, today, client_for, school_lead):
    for n, org in enumerate([school, school, other_school]):
        OfferVisit.objects.create(
            organisation=org, visited_on=today - timedelta(days=n), officer=la_officer, judgement="good"
        )
    assert "3 visits recorded" in officer.get("/audits/visits/").content.decode()
    own = client_for(school_lead).get("/audits/visits/").content.decode()
    assert "2 visits recorded for your school" in own and "Birch Academy" not in own
