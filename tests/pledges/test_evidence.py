"""Evidence per pledge: recorded by the organisation's editors and lead, checked, and kept private."""

from datetime import date

import pytest
from django.urls import reverse

from home.selectors import OfferStatus
from pledges.models import AccessRoutes, DesignatedLead, ImpactMeasure, ImpactReturn, TrainingRecord, TrainingSummary
from portal.periods import financial_quarter

from .conftest import MET


def page(client, school, number):
    return client.get(reverse("pledges:pledge", args=[school.slug, number])).content.decode()


def test_editor_names_the_designated_lead(client_for, school_editor, school):
    client = client_for(school_editor)
    response = client.post(
        reverse("pledges:designated_lead", args=[school.slug]),
        {"name": "Ria Lead", "role": "DSL", "email": "ria@oak.example", "phone": "0116 000"},
    )
    assert response["Location"] == reverse("pledges:pledge", args=[school.slug, 1])
    lead = DesignatedLead.objects.get(organisation=school)
    assert (lead.name, lead.updated_by) == ("Ria Lead", school_editor)
    assert "ria@oak.example" in page(client, school, 1)


def test_designated_lead_email_is_checked(client_for, school_editor, school):
    response = client_for(school_editor).post(
        reverse("pledges:designated_lead", args=[school.slug]),
        {"name": "Ria Lead", "role": "DSL", "email": "not-an-email"},
    )
    content = response.content.decode()
    assert "Enter an email address like name@example.org." in content and 'value="Ria Lead"' in content
    assert not DesignatedLead.objects.exists()


def test_designated_lead_concurrent_edit_detected(client_for, school_editor, school_lead, school):
    lead = DesignatedLead.objects.create(organisation=school, name="A", role="DSL", email="a@oak.example")
    data = {"name": "B", "role": "DSL", "email": "b@oak.example", "version": lead.version}
    assert client_for(school_lead).post(reverse("pledges:designated_lead", args=[school.slug]), data).status_code == 302
    stale = client_for(school_editor).post(
        reverse("pledges:designated_lead", args=[school.slug]), {**data, "name": "C"}
    )
    assert "Someone else saved changes" in stale.content.decode()
    assert DesignatedLead.objects.get(organisation=school).name == "B"


def test_training_numbers_and_courses(client_for, school_editor, school):
    client = client_for(school_editor)
    client.post(reverse("pledges:training_summary", args=[school.slug]), {"staff_in_roles": "8", "staff_trained": "6"})
    client.post(
        reverse("pledges:training_add", args=[school.slug]),
        {"course": "LiquidLogic EH module", "date": "2025-06-02", "attendees": "4"},
    )
    assert TrainingSummary.objects.get(organisation=school).staff_trained == 6
    record = TrainingRecord.objects.get(organisation=school)
    assert (record.course, record.date, record.attendees, record.recorded_by) == (
        "LiquidLogic EH module",
        date(2025, 6, 2),
        4,
        school_editor,
    )
    content = page(client, school, 2)
    assert "75% (6 of 8)" in content and "LiquidLogic EH module" in content and "2 Jun 2025" in content


def test_trained_cannot_exceed_staff_in_roles(client_for, school_editor, school):
    response = client_for(school_editor).post(
        reverse("pledges:training_summary", args=[school.slug]), {"staff_in_roles": "3", "staff_trained": "5"}
    )
    assert "Staff trained cannot be more than the 3 staff in Early Help roles." in response.content.decode()
    assert not TrainingSummary.objects.exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"course": "", "date": "2025-01-01", "attendees": "2"}, "Enter the name of the course."),
        (
            {"course": "X", "date": "2099-01-01", "attendees": "2"},
            "The date of the course must be today or in the past.",
        ),
        ({"course": "X", "date": "2025-01-01", "attendees": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"course": "X", "date": "2025-01-01", "attendees": "lots"}, "Enter a whole number."),
    ],
)
def test_bad_training_course_is_refused(client_for, school_editor, school, data, message):
    response = client_for(school_editor).post(reverse("pledges:training_add", args=[school.slug]), data)
    assert message in response.content.decode()
    assert not TrainingRecord.objects.exists()


def test_training_course_delete_asks_first(client_for, school_editor, school):
    record = TrainingRecord.objects.create(organisation=school, course="EHA", date=date(2025, 1, 1), attendees=2)
    client = client_for(school_editor)
    confirm = client.get(reverse("pledges:training_delete", args=[school.slug, record.pk])).content.decode()
    assert "The course &#x27;EHA&#x27; on 01 January 2025 will be deleted" in confirm
    assert TrainingRecord.objects.exists()
    client.post(reverse("pledges:training_delete", args=[school.slug, record.pk]))
    assert not TrainingRecord.objects.exists()


def test_access_routes(client_for, school_lead, school):
    client = client_for(school_lead)
    client.post(
        reverse("pledges:access", args=[school.slug]),
        {"for_staff": "Staff briefing", "for_service_users": "Newsletter"},
    )
    assert AccessRoutes.objects.get(organisation=school).for_service_users == "Newsletter"
    assert "Staff briefing" in page(client, school, 3)
    missing = client.post(
        reverse("pledges:access", args=[school.slug]),
        {"for_staff": "", "for_service_users": "Newsletter", "version": 1},
    )
    assert "Describe how staff access Early Help." in missing.content.decode()


def test_offer_pledge_shows_the_offer_page_status(client_for, school_lead, school, offers, set_status):
    offers[school.pk] = OfferStatus(
        organisation_id=school.pk,
        exists=True,
        published=True,
        review_date=date(2099, 1, 31),
        url="/offers/oak/",
        edit_url="/admin/pages/9/edit/",
    )
    content = page(client_for(school_lead), school, 4)
    assert "Published" in content and "31 January 2099" in content
    assert 'href="/offers/oak/"' in content and 'href="/admin/pages/9/edit/"' in content


def test_offer_review_overdue_and_unpublished_warning(client_for, school_lead, school, offers, set_status):
    offers[school.pk] = OfferStatus(
        organisation_id=school.pk, exists=True, published=True, review_date=date(2001, 1, 1)
    )
    assert "Review overdue" in page(client_for(school_lead), school, 4)
    offers[school.pk] = OfferStatus(organisation_id=school.pk, exists=True)
    set_status(school, 4, MET, 30)
    content = page(client_for(school_lead), school, 4)
    assert "Draft" in content
    assert "You recorded this pledge as met, but it shows as in progress" in content  # it follows the offer
    assert "whose status is “Draft”" in content


def test_offer_placeholder_reads_not_started(client_for, school_lead, school):
    assert "Not started" in page(client_for(school_lead), school, 4)


def test_impact_measures_and_returns(client_for, school_editor, school, today):
    client = client_for(school_editor)
    client.post(reverse("pledges:measure_add", args=[school.slug]), {"name": "Attendance of EHA pupils", "unit": "%"})
    measure = ImpactMeasure.objects.get(organisation=school)
    quarter = financial_quarter(today)
    response = client.post(
        reverse("pledges:return_add", args=[school.slug, measure.pk]),
        {"period_start": quarter.first_day.isoformat(), "value": "91.5", "narrative": "Up from 88%"},
    )
    assert response.status_code == 302
    saved = ImpactReturn.objects.get(measure=measure)
    assert (saved.value, saved.submitted_by, saved.period_label) == (91.5, school_editor, quarter.label)
    content = page(client, school, 5)
    assert (
        "Attendance of EHA pupils" in content
        and quarter.label in content
        and "91.5" in content
        and "Up from 88%" in content
    )
    again = client.post(
        reverse("pledges:return_add", args=[school.slug, measure.pk]),
        {"period_start": quarter.first_day.isoformat(), "value": "1", "narrative": "Again"},
    )
    assert f"There is already a return for {quarter.label}" in again.content.decode()
    assert ImpactReturn.objects.count() == 1


def test_return_period_must_be_one_offered(client_for, school_editor, school):
    measure = ImpactMeasure.objects.create(organisation=school, name="M")
    response = client_for(school_editor).post(
        reverse("pledges:return_add", args=[school.slug, measure.pk]),
        {"period_start": "1999-04-01", "value": "1", "narrative": "x"},
    )
    assert "Select a valid choice" in response.content.decode()
    response = client_for(school_editor).post(
        reverse("pledges:return_add", args=[school.slug, measure.pk]),
        {"period_start": "", "value": "abc", "narrative": ""},
    )
    content = response.content.decode()
    assert (
        "Choose the period the figure covers." in content
        and "Enter a number" in content
        and "Say what the figure shows." in content
    )


def test_measure_names_are_unique_per_organisation(client_for, school_editor, school, other_school):
    ImpactMeasure.objects.create(organisation=school, name="Families helped")
    ImpactMeasure.objects.create(organisation=other_school, name="Case closures")
    response = client_for(school_editor).post(
        reverse("pledges:measure_add", args=[school.slug]), {"name": "families helped"}
    )
    assert "You already have a measure called &#x27;families helped&#x27;." in response.content.decode()
    ok = client_for(school_editor).post(reverse("pledges:measure_add", args=[school.slug]), {"name": "Case closures"})
    assert ok.status_code == 302


def test_measure_edit_and_return_delete(client_for, school_editor, school, today):
    measure = ImpactMeasure.objects.create(organisation=school, name="Old name")
    client = client_for(school_editor)
    client.post(
        reverse("pledges:measure_edit", args=[school.slug, measure.pk]),
        {"name": "New name", "version": measure.version},
    )
    measure.refresh_from_db()
    assert measure.name == "New name"
    saved = ImpactReturn.objects.create(
        measure=measure, period_start=financial_quarter(today).first_day, value=3, narrative="n"
    )
    client.post(reverse("pledges:return_delete", args=[school.slug, saved.pk]))
    assert not ImpactReturn.objects.exists()


def test_another_organisations_measure_is_404(client_for, school_editor, school, other_school):
    foreign = ImpactMeasure.objects.create(organisation=other_school, name="Theirs")
    client = client_for(school_editor)
    assert client.get(reverse("pledges:measure_edit", args=[school.slug, foreign.pk])).status_code == 404
    assert client.get(reverse("pledges:return_add", args=[school.slug, foreign.pk])).status_code == 404
    assert client.get(reverse("pledges:measure_edit", args=[other_school.slug, foreign.pk])).status_code == 404


def test_evidence_survives_on_the_overview(client_for, school_editor, school):
    DesignatedLead.objects.create(organisation=school, name="Ria Lead", role="DSL", email="r@oak.example")
    TrainingSummary.objects.create(organisation=school, staff_in_roles=4, staff_trained=1)
    content = client_for(school_editor).get(reverse("pledges:organisation", args=[school.slug])).content.decode()
    assert "Ria Lead, DSL" in content and "1 of 4 staff trained; 0 course(s) recorded" in content
    assert "Offer page: Not started" in content and "0 measure(s), 0 return(s)" in content


def test_recent_quarters_are_newest_first():
    from pledges.forms import recent_quarters

    choices = recent_quarters(date(2026, 5, 10), count=3)
    assert choices == [("2026-04-01", "Q1 2026-27"), ("2026-01-01", "Q4 2025-26"), ("2025-10-01", "Q3 2025-26")]
    assert len(recent_quarters(date(2026, 5, 10))) == 8
