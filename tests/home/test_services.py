"""An organisation's services on its offer page: the rules an editor meets, the public page, the
directory's filters and the search. (The feed's side is in test_openreferral.py.)"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from home.models import OfferPage, OfferService
from testdata.offers import make_offer, service

from .conftest import editor_form_data

pytestmark = pytest.mark.django_db


def errors_of(record):
    with pytest.raises(ValidationError) as problem:
        record.full_clean(exclude=["page"])
    return problem.value.message_dict


@pytest.mark.parametrize(
    "changes, field, words",
    [
        ({"min_age": 11, "max_age": 5}, "max_age", "The oldest age must be 11 or more"),
        ({"cost": "paid"}, "cost_details", "Say what it costs"),
        ({"cost": "free", "cost_amount": Decimal("3")}, "cost_amount", "A free service has no cost"),
        ({"self_referral": False}, "self_referral", "Tick at least one way to get the service."),
        ({"temporarily_closed": True}, "closed_reason", "Say why it is closed"),
        ({"max_age": 30}, "max_age", "less than or equal to 25"),
    ],
)
def test_a_service_that_does_not_add_up_is_refused_beside_the_field(changes, field, words):
    problems = errors_of(service(**changes))
    assert list(problems) == [field]
    assert words in problems[field][0]


def test_a_paid_service_with_an_amount_or_details_is_fine_and_reads_in_plain_words():
    for changes, label in (
        ({"cost_amount": Decimal("3.50"), "cost_details": "per session"}, "£3.50 (per session)"),
        ({"cost_amount": Decimal("12")}, "£12"),
        ({"cost_details": "£5 a term, free for families on benefits"}, "£5 a term, free for families on benefits"),
    ):
        paid = service(cost="paid", **changes)
        paid.full_clean(exclude=["page"])
        assert paid.cost_label == label
    assert service().cost_label == "Free"


def test_a_closed_offer_needs_its_reason(agency, offer_index):
    page = make_offer(agency)
    page.temporarily_closed = True
    with pytest.raises(ValidationError) as problem:
        page.full_clean()
    assert "closed_reason" in problem.value.message_dict


def test_the_cms_keeps_what_was_typed_and_names_the_problem_beside_the_field(client_for, agency_editor, agency):
    page = make_offer(agency)
    client = client_for(agency_editor)
    data = editor_form_data(client, page)
    data.update(
        {
            "services-TOTAL_FORMS": ["1"],
            "services-0-name": ["Family art club"],
            "services-0-description": ["Painting together on Saturdays."],
            "services-0-min_age": ["12"],
            "services-0-max_age": ["6"],
            "services-0-cost": ["paid"],
            "services-0-self_referral": ["on"],
            "services-0-ORDER": ["1"],
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "The oldest age must be 12 or more" in html and "Say what it costs" in html
    assert 'value="Family art club"' in html
    assert not OfferService.objects.exists()


def test_the_editor_saves_a_service_in_the_draft_and_only_publishing_makes_it_public(
    client, client_for, agency_editor, agency
):
    page = make_offer(agency)
    editor = client_for(agency_editor)
    data = editor_form_data(editor, page)
    data.update(
        {
            "services-TOTAL_FORMS": ["1"],
            "services-0-name": ["Family art club"],
            "services-0-description": ["Painting together on Saturdays."],
            "services-0-cost": ["free"],
            "services-0-drop_in": ["on"],
            "services-0-ORDER": ["1"],
        }
    )
    response = editor.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not OfferService.objects.exists()  # the draft's service lives in the revision
    assert "Family art club" not in client.get(page.url).content.decode()
    assert "Family art club" not in client.get("/offers/?q=art").content.decode()
    OfferPage.objects.get(pk=page.pk).get_latest_revision().publish()
    assert "Family art club" in client.get(page.url).content.decode()


@pytest.fixture
def services_offer(agency, offer_index):
    return make_offer(
        agency,
        services=[
            service(
                name="Art for wellbeing",
                eligibility="Children who find it hard to talk about their feelings",
                languages="English, Punjabi; Gujarati",
                venue_accessibility="Ramp at the side door; accessible toilet.",
                step_free="yes",
                contact_phone="0116 496 0500",
            ),
            service(
                name="Family therapy",
                description="Sessions with a family therapist.",
                cost="paid",
                cost_amount=Decimal("15"),
                cost_details="per session",
                self_referral=False,
                professional_referral=True,
                min_age=None,
                max_age=None,
                temporarily_closed=True,
                closed_reason="our therapist is on leave",
                reopens_on=datetime.date(2027, 1, 5),
            ),
        ],
    )


def test_the_offer_page_says_what_each_service_is_what_it_costs_who_it_is_for_and_how_to_get_it(client, services_offer):
    html = client.get(services_offer.url).content.decode()
    assert "What we offer" in html
    art = html[html.index("Art for wellbeing") : html.index("Family therapy")]
    assert ">Free<" in art
    assert "Ages 5 to 16." in art and "Children who find it hard to talk about their feelings" in art
    assert "Families can ask for it themselves" in art
    assert "English, Punjabi, Gujarati" in art
    assert "Step-free access. Ramp at the side door" in art
    assert 'href="tel:01164960500"' in art
    therapy = html[html.index("Family therapy") :]
    assert "£15 (per session)" in therapy and "A professional can refer" in therapy
    assert "Temporarily closed" in therapy
    assert "Our therapist is on leave. Reopens on 5 January 2027." in therapy


def test_a_closed_offer_says_so_on_its_page_and_in_the_directory_and_can_be_hidden(client, agency, school, offer_index):
    make_offer(
        agency, temporarily_closed=True, closed_reason="we are moving building", reopens_on=datetime.date(2027, 2, 1)
    )
    make_offer(school)
    page = OfferPage.objects.get(organisation=agency)
    html = client.get(page.url).content.decode()
    assert 'id="offer-closed"' in html and "We are moving building. Reopens on 1 February 2027." in html
    listing = client.get("/offers/").content.decode()
    result = listing[listing.index(agency.name) :]
    assert "Temporarily closed" in result[: result.index("</li>")]
    hidden = client.get("/offers/?open_now=on").content.decode()
    assert agency.name not in hidden and school.name in hidden
    assert "1 offer" in hidden


def listed(client, query):
    html = client.get(f"/offers/?{query}").content.decode()
    return html


def test_the_directory_filters_on_what_a_service_offers(client, services_offer, school, other_school, offer_index):
    paid_only = make_offer(
        other_school,
        services=[service(name="Tutoring", cost="paid", cost_amount=Decimal("20"), self_referral=True, min_age=11)],
    )
    make_offer(school)  # no services: services' filters never find it
    agency_name, paid_name = services_offer.title, paid_only.title
    free = listed(client, "free=on")
    assert agency_name in free and paid_name not in free and school.name not in free
    self_referral = listed(client, "self_referral=on")
    assert agency_name in self_referral and paid_name in self_referral and school.name not in self_referral
    # Both on: one service must be both (the agency's free one is).
    both = listed(client, "free=on&self_referral=on")
    assert agency_name in both and paid_name not in both
    # The child's age is asked of the same service: the tutoring is from 11.
    assert paid_name not in listed(client, "self_referral=on&age=8")
    assert paid_name in listed(client, "self_referral=on&age=12") or paid_name in listed(
        client, "self_referral=on&age=11"
    )
    # Filters combine with the search, and a filter in use can be dropped when nothing is found.
    assert agency_name in listed(client, "q=art&free=on")
    nothing = listed(client, "q=tutoring&free=on")
    assert "No offers found" in nothing and "Free services only: yes" in nothing


def test_the_closed_service_does_not_count_when_closed_ones_are_hidden(client, agency, offer_index):
    make_offer(
        agency,
        services=[
            service(name="Paid club", cost="paid", cost_details="£2", temporarily_closed=True, closed_reason="x")
        ],
    )
    assert agency.name in listed(client, "self_referral=on")
    assert agency.name not in listed(client, "self_referral=on&open_now=on")


def test_a_service_name_and_description_are_searched_and_named_as_why_it_matched(client, services_offer):
    html = client.get("/offers/?q=wellbeing").content.decode()
    assert services_offer.title in html
    assert "Service:</span> Art for <mark>wellbeing</mark>" in html
    html = client.get("/offers/?q=therapist").content.decode()
    assert "1 offer" in html and "Family therapy:</span> Sessions with a family <mark>therapist</mark>" in html


@pytest.mark.parametrize("query", ["free=maybe", "self_referral=2&age=x", "open_now=&free=on&age=-1"])
def test_odd_filter_values_never_break_the_directory(client, services_offer, query):
    assert client.get(f"/offers/?{query}").status_code == 200
