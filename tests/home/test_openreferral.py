"""The Open Referral UK feed at /api/openreferral/, validated against the UK profile's JSON Schemas.

The schemas are read from shared/openreferral-uk beside the repository (as CI checks it out), never copied in.
"""

import datetime
import json
import os
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from home.models import OfferPage
from home.openreferral import ids
from portal.models import Organisation
from testdata.offers import make_offer

pytestmark = pytest.mark.django_db

# The standard's schemas live in the partnership's shared folder beside the checkout (CI always has it);
# OPENREFERRAL_UK_DIR points elsewhere.
STANDARD = Path(os.environ.get("OPENREFERRAL_UK_DIR", Path(settings.BASE_DIR).parent / "shared" / "openreferral-uk"))
SCHEMA = STANDARD / "schema"
API = "/api/openreferral"


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validate():
    """validate(name, instance): name is 'compiled/service' or 'taxonomy' (a file under schema/)."""
    if not SCHEMA.is_dir():
        message = f"The Open Referral UK standard is expected at {STANDARD} (or set OPENREFERRAL_UK_DIR)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI must validate the feed, never skip it
        pytest.skip(message)
    registry = Registry().with_resources(
        (path.name, Resource.from_contents(_load(path), default_specification=DRAFT202012))
        for path in SCHEMA.glob("*.json")
    )
    page_schema = _load(SCHEMA / "openapi.json")["components"]["schemas"]["Page"]

    def check(name, instance):
        schema = page_schema if name == "Page" else _load(SCHEMA / f"{name}.json")
        validator = Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
        assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])

    return check


@pytest.fixture
def feed(school, other_school, agency, offer_index):
    """Two published offers and one draft."""
    oak = make_offer(
        school,
        contact_name="Sam Patel",
        contact_role="DSL",
        phone="0116 123 4567",
        address="1 Oak Lane\nBeaumont Leys\nLeicester",
        postcode="LE4 1AB",
        opening_times=[
            (
                "hours",
                {
                    "days": ["MO", "TU", "WE", "TH", "FR"],
                    "opens_at": "08:30",
                    "closes_at": "15:30",
                    "notes": "Term time",
                },
            )
        ],
    )
    family = make_offer(agency, localities=[], address="", min_age=None, max_age=None)
    draft = make_offer(other_school, state="draft")
    return {"oak": oak, "family": family, "draft": draft}


def get(client, path, status=200):
    response = client.get(f"{API}{path}")
    assert response.status_code == status, response.content
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_root_says_version_profile_and_openapi(client, validate):
    data = get(client, "/")
    assert data["version"] == "3.0"
    assert data["profile"].startswith("https://") and data["openapi_url"].endswith("openapi.json")


def test_services_list_validates_and_holds_only_published_offers(client, feed, validate):
    data = get(client, "/services")
    validate("Page", data)
    for service in data["contents"]:
        validate("compiled/service_list", service)
    assert [s["name"] for s in data["contents"]] == ["Family Action Group", "Oak Tree Primary School"]
    assert (data["total_items"], data["total_pages"], data["page_number"], data["size"]) == (2, 1, 1, 2)
    assert data["first_page"] and data["last_page"] and not data["empty"]
    oak = data["contents"][1]
    assert oak["id"] == str(feed["oak"].translation_key)
    assert oak["organization"]["name"] == "Oak Tree Primary School"
    assert oak["organization"]["description"] == "Primary school in North"
    assert oak["url"] == "http://testserver/offers/oak-tree-primary-school/"
    assert (oak["minimum_age"], oak["maximum_age"]) == (4, 11)


def test_a_service_in_full_validates(client, feed, validate):
    oak = feed["oak"]
    data = get(client, f"/services/{oak.translation_key}")
    validate("compiled/service", data)
    for phone in data["phones"]:
        validate("phone", phone)
    assert data["phones"][0]["number"] == "0116 123 4567"
    assert data["contacts"] == [
        {"id": ids.derived_id(data["id"], "contact"), "service_id": data["id"], "name": "Sam Patel", "title": "DSL"}
    ]
    [schedule] = data["schedules"]
    assert (schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "MO,TU,WE,TH,FR",
        "08:30:00",
        "15:30:00",
    )
    assert schedule["description"] == "Monday to Friday Term time"
    assert [a["name"] for a in data["service_areas"]] == ["North"]
    terms = {a["taxonomy_term"]["name"] for a in data["attributes"]}
    assert terms == {"Attendance", "Social, emotional and mental health (SEMH)"}
    assert data["organization"]["organization_identifiers"][0]["identifier"] == "123456"
    [address] = data["service_at_locations"][0]["location"]["addresses"]
    assert (address["address_1"], address["region"], address["city"], address["postal_code"]) == (
        "1 Oak Lane",
        "Beaumont Leys",
        "Leicester",
        "LE4 1AB",
    )


def test_a_city_wide_service_without_an_address(client, feed, validate):
    data = get(client, f"/services/{feed['family'].translation_key}")
    validate("compiled/service", data)
    assert data["service_at_locations"] == [] and data["attributes"] == []
    assert [a["name"] for a in data["service_areas"]] == ["The whole city"]
    assert "minimum_age" not in data


@pytest.mark.parametrize("service_id", ["not-a-uuid", "9b2f4c1e-0000-4000-8000-000000000000"])
def test_unknown_service_is_a_404(client, feed, service_id):
    assert "error" in get(client, f"/services/{service_id}", status=404)


def test_a_draft_is_not_in_the_feed(client, feed):
    get(client, f"/services/{feed['draft'].translation_key}", status=404)
    assert "Birch Academy" not in json.dumps(get(client, "/services"))


def test_ids_are_stable_across_publications(client, feed, school):
    first = get(client, f"/services/{feed['oak'].translation_key}")
    page = OfferPage.objects.get(pk=feed["oak"].pk)
    page.summary = "Changed and published again."
    page.save_revision().publish()
    second = get(client, f"/services/{feed['oak'].translation_key}")
    assert second["description"].startswith("Changed and published again.")
    for key in ("id", "organization_id"):
        assert first[key] == second[key]
    assert first["organization"]["id"] == ids.organization_id(school.pk) == second["organization"]["id"]
    assert [s["id"] for s in first["schedules"]] == [s["id"] for s in second["schedules"]]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("search=bereavement", ["Oak Tree Primary School"]),
        ("search=nothing-matches-this", []),
        (f"taxonomy_term_id={ids.taxonomy_term_id('semh')}", ["Oak Tree Primary School"]),
        (f"taxonomy_term_id={ids.taxonomy_term_id('curriculum')}", []),
        ("taxonomy_term_id=rubbish", []),
        (f"taxonomy_id={ids.TAXONOMY_ID}", ["Oak Tree Primary School"]),
        ("taxonomy_id=9b2f4c1e-0000-4000-8000-000000000001", []),
        ("minimum_age=4", ["Oak Tree Primary School"]),  # a minimum age of at least 4
        ("minimum_age=5", []),
        ("maximum_age=11", ["Oak Tree Primary School"]),  # a maximum age of 11 or below
        ("maximum_age=10", []),
    ],
)
def test_service_filters(client, feed, query, expected):
    assert [s["name"] for s in get(client, f"/services?{query}")["contents"]] == expected


def test_paging(client, feed, validate):
    data = get(client, "/services?per_page=1&page=2")
    validate("Page", data)
    assert (data["page_number"], data["size"], data["total_pages"], data["first_page"], data["last_page"]) == (
        2,
        1,
        2,
        False,
        True,
    )
    assert [s["name"] for s in data["contents"]] == ["Oak Tree Primary School"]
    beyond = get(client, "/services?page=5")
    assert beyond["empty"] and beyond["contents"] == [] and beyond["total_items"] == 2


@pytest.mark.parametrize(
    "query, message",
    [
        ("page=0", "page must be 1 or more."),
        ("page=two", "page must be a whole number."),
        ("per_page=500", "per_page must be between 1 and 200."),
        ("minimum_age=old", "minimum_age must be a number of years."),
        ("maximum_age=-1", "maximum_age must be a number of years, 0 or more."),
    ],
)
def test_bad_parameters_are_a_400_with_a_reason(client, feed, query, message):
    assert get(client, f"/services?{query}", status=400) == {"error": message}


def test_only_get_is_allowed(client):
    response = client.post(f"{API}/services")
    assert response.status_code == 405 and response["Access-Control-Allow-Origin"] == "*"


def test_service_at_locations(client, feed, validate):
    data = get(client, "/service_at_locations")
    validate("Page", data)
    [item] = data["contents"]  # the agency gives no address, so it has no location
    validate("compiled/service_at_location_list", item)
    assert item["service"]["name"] == "Oak Tree Primary School"
    full = get(client, f"/service_at_locations/{item['id']}")
    validate("compiled/service_at_location", full)
    assert full["service"]["contacts"][0]["name"] == "Sam Patel"
    get(client, f"/service_at_locations/{uuid.uuid4()}", status=404)


def test_service_at_locations_near_a_postcode_validate(client, feed, validate):
    """`postcode` and `proximity` (metres from the postcode's centre), as the UK profile's openapi.json names them."""
    near = get(client, "/service_at_locations?postcode=le4+6ab&proximity=10000")
    validate("Page", near)
    [item] = near["contents"]
    validate("compiled/service_at_location_list", item)
    assert item["service"]["name"] == "Oak Tree Primary School"
    assert get(client, "/service_at_locations?postcode=LE11&proximity=1000")["contents"] == []  # Loughborough
    refused = get(client, "/service_at_locations?postcode=XX&proximity=10", status=400)
    assert "postcode must be a UK postcode" in refused["error"]


def test_taxonomies_and_terms(client, feed, validate):
    taxonomies = get(client, "/taxonomies")
    validate("Page", taxonomies)
    [taxonomy] = taxonomies["contents"]
    validate("taxonomy", taxonomy)
    full = get(client, f"/taxonomies/{taxonomy['id']}")
    validate("taxonomy", full)
    assert [t["name"] for t in full["taxonomy_terms"]][:2] == ["Attendance", "Transition"]
    terms = get(client, "/taxonomy_terms?per_page=3")
    validate("Page", terms)
    assert (terms["total_items"], terms["size"], terms["total_pages"]) == (7, 3, 3)
    for term in terms["contents"]:
        validate("taxonomy_term", term)
        assert term["taxonomy_id"] == taxonomy["id"]
    semh = get(client, f"/taxonomy_terms/{ids.taxonomy_term_id('semh')}")
    assert semh["term"] == "semh"
    get(client, f"/taxonomy_terms/{uuid.uuid4()}", status=404)
    get(client, f"/taxonomies/{uuid.uuid4()}", status=404)


def test_a_closed_organisations_service_is_withdrawn(client, feed, agency):
    agency.status = Organisation.Status.CLOSED
    agency.save()
    get(client, f"/services/{feed['family'].translation_key}", status=404)


# --- The organisations' own services (home/models/services.py) ---


def _every_field_service():
    from decimal import Decimal

    from testdata.offers import service

    return service(
        name="Family therapy",
        description="Sessions with a family therapist.",
        min_age=5,
        max_age=16,
        eligibility="Families with a child on the Early Help register",
        cost="paid",
        cost_amount=Decimal("15.50"),
        cost_details="per session",
        self_referral=True,
        professional_referral=True,
        drop_in=True,
        contact_phone="0116 496 0500",
        contact_email="therapy@example.org",
        languages="English, Punjabi, Gujarati",
        venue_accessibility="Ramp at the side door; accessible toilet.",
        step_free="yes",
        temporarily_closed=True,
        closed_reason="our therapist is on leave",
        reopens_on=datetime.date(2027, 1, 5),
    )


@pytest.fixture
def with_services(school, agency, offer_index):
    from testdata.offers import service

    agency_offer = make_offer(
        agency, address="2 Elm Road\nLeicester", postcode="LE2 1AB", services=[_every_field_service(), service()]
    )
    make_offer(school)
    return agency_offer


def test_a_service_with_every_field_validates_and_carries_the_uk_profiles_fields(client, with_services, validate):
    therapy = with_services.services.get(name="Family therapy")
    data = get(client, f"/services/{therapy.key}")
    validate("compiled/service", data)
    assert data["id"] == str(therapy.key)
    assert data["organization_id"] == ids.organization_id(with_services.organisation_id)
    assert data["organization"]["name"] == "Family Action Group"
    assert data["status"] == "temporarily closed"
    assert data["alert"] == "Temporarily closed. Our therapist is on leave. Reopens on 5 January 2027."
    assert (data["minimum_age"], data["maximum_age"]) == (5, 16)
    assert data["eligibility_description"] == "Families with a child on the Early Help register"
    assert data["fees"] == "£15.50 (per session)"
    [cost] = data["cost_options"]
    validate("cost_option", cost)
    assert (cost["option"], cost["amount"], cost["amount_description"]) == ("Cost", 15.5, "£15.50 (per session)")
    assert [language["name"] for language in data["languages"]] == ["English", "Punjabi", "Gujarati"]
    for language in data["languages"]:
        validate("language", language)
    assert data["email"] == "therapy@example.org"
    assert data["phones"][0]["number"] == "0116 496 0500"
    [place] = data["service_at_locations"]
    access = place["location"]["accessibility"]
    for item in access:
        validate("accessibility", item)
    assert [item["description"] for item in access] == ["Step-free access", "Ramp at the side door; accessible toilet."]
    assert data["url"].endswith(f"/offers/family-action-group/#service-{therapy.key}")


def test_services_are_listed_with_their_organisations_offer(client, with_services, validate):
    data = get(client, "/services")
    validate("Page", data)
    for item in data["contents"]:
        validate("compiled/service_list", item)
    assert [s["name"] for s in data["contents"]] == [
        "Family Action Group",
        "Family therapy",
        "Art for wellbeing",
        "Oak Tree Primary School",
    ]
    assert data["total_items"] == 4
    free = data["contents"][2]
    assert free["status"] == "active" and free["cost_options"][0]["option"] == "Free"
    assert free["cost_options"][0]["amount"] == 0
    # Paging walks the same list.
    second = get(client, "/services?per_page=2&page=2")
    assert [s["name"] for s in second["contents"]] == ["Art for wellbeing", "Oak Tree Primary School"]
    # The age parameters ask each service's own ages; a taxonomy leaves the services out.
    older = get(client, "/services?minimum_age=5")
    assert "Art for wellbeing" in [s["name"] for s in older["contents"]]
    assert "Family therapy" in [s["name"] for s in get(client, "/services?maximum_age=16")["contents"]]
    assert "Family therapy" not in [s["name"] for s in get(client, "/services?maximum_age=12")["contents"]]
    taxonomy = get(client, f"/services?taxonomy_id={ids.TAXONOMY_ID}")
    assert [s["name"] for s in taxonomy["contents"]] == ["Oak Tree Primary School"]


def test_a_closed_offer_is_temporarily_closed_in_the_feed(client, agency, offer_index, validate):
    from testdata.offers import service

    page = make_offer(agency, temporarily_closed=True, closed_reason="moving building", services=[service()])
    data = get(client, f"/services/{page.translation_key}")
    validate("compiled/service", data)
    assert data["status"] == "temporarily closed" and data["alert"].startswith("Temporarily closed. Moving building.")
    listed = get(client, f"/services/{page.services.get().key}")
    assert listed["status"] == "temporarily closed"


def test_a_drafts_services_and_a_withdrawn_offers_services_are_not_in_the_feed(client, with_services, agency):
    from testdata.offers import service

    therapy_key = with_services.services.get(name="Family therapy").key
    page = OfferPage.objects.get(pk=with_services.pk)
    page.services = [*page.services.all(), service(name="Draft-only club")]
    page.save_revision()
    assert "Draft-only club" not in json.dumps(get(client, "/services"))
    agency.status = Organisation.Status.CLOSED
    agency.save()
    get(client, f"/services/{therapy_key}", status=404)
    assert "Family therapy" not in json.dumps(get(client, "/services"))
