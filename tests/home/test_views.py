"""The signed-in pages outside the CMS (starting an offer, the LA's register and its xlsx) and the
dashboard sections, role by role; and the public offer page."""

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from home import rules
from home.models import OfferPage
from testdata.offers import make_offer

pytestmark = pytest.mark.django_db


# --- Starting an offer --------------------------------------------------------------------------------

START_MATRIX = {
    "anonymous": "login",
    "admin": 200,
    "la_officer": 200,
    "board_member": 404,
    "school_lead": 200,
    "school_editor": 200,
    "other_school_lead": 404,
    "agency_lead": 404,
    "agency_editor": 404,
    "no_role": 404,
}


@pytest.mark.parametrize("role, expected", START_MATRIX.items())
def test_start_page_role_by_role(role, expected, everyone, client_for, school, offer_index):
    response = client_for(everyone[role]).get(f"/offer-start/{school.pk}/")
    if expected == "login":
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == expected
    if expected == 200:
        html = response.content.decode()
        assert "Start your Early Help offer" in html and "Oak Tree Primary School" in html
        assert "seven offer areas" in html
    assert not OfferPage.objects.exists()  # looking never creates anything


def test_starting_creates_the_draft_and_opens_the_editor(client_for, school_lead, school, offer_index):
    client = client_for(school_lead)
    response = client.post(f"/offer-start/{school.pk}/")
    page = OfferPage.objects.get(organisation=school)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
    assert client.get(response["Location"]).status_code == 200
    # Starting again just opens the same page.
    again = client.post(f"/offer-start/{school.pk}/")
    assert again["Location"] == f"/admin/pages/{page.pk}/edit/" and OfferPage.objects.count() == 1


def test_another_organisation_cannot_start_it(client_for, other_school_lead, school, offer_index):
    assert client_for(other_school_lead).post(f"/offer-start/{school.pk}/").status_code == 404
    assert not OfferPage.objects.exists()


def test_a_closed_organisation_cannot_start_one(client_for, la_officer, school, offer_index):
    school.status = "closed"
    school.save()
    assert client_for(la_officer).post(f"/offer-start/{school.pk}/").status_code == 404


# --- The register ------------------------------------------------------------------------------------

REGISTER_MATRIX = {
    "anonymous": "login", "admin": 200, "la_officer": 200, "board_member": 403, "school_lead": 403,
    "school_editor": 403, "other_school_lead": 403, "agency_lead": 403, "agency_editor": 403, "no_role": 403,
}  # fmt: skip


@pytest.fixture
def register_data(school, other_school, agency, offer_index):
    make_offer(school)
    make_offer(other_school, state="draft")
    make_offer(agency, completed_on=rules.today() - timedelta(days=400), review_date=rules.today() - timedelta(days=3))


@pytest.mark.parametrize("url", ["/offer-register/", "/offer-register/offers.xlsx"])
@pytest.mark.parametrize("role, expected", REGISTER_MATRIX.items())
def test_register_role_by_role(role, expected, url, everyone, client_for, register_data):
    response = client_for(everyone[role]).get(url)
    if expected == "login":
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        return
    assert response.status_code == expected
    if expected == 403:
        assert b"Birch Academy" not in response.content


def test_register_lists_every_organisation_with_its_status(client_for, la_officer, register_data):
    html = client_for(la_officer).get("/offer-register/").content.decode()
    assert "3 organisations" in html
    assert "Published" in html and "Draft" in html and "Review overdue" in html
    assert "School offers published" in html and "1 of 2 schools engaged" in html


def test_register_filters_by_status_and_kind(client_for, la_officer, register_data):
    client = client_for(la_officer)
    html = client.get("/offer-register/?state=review_overdue").content.decode()
    assert "Family Action Group" in html and "Birch Academy" not in html
    html = client.get("/offer-register/?kind=school").content.decode()
    assert "Oak Tree" in html and "Family Action Group" not in html
    bad = client.get("/offer-register/?state=lost").content.decode()
    assert "Choose a status from the list." in bad and "<title>Error:" in bad


def test_register_xlsx_holds_the_same_rows(client_for, la_officer, register_data):
    response = client_for(la_officer).get("/offer-register/offers.xlsx?kind=school")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value.startswith("Early Help offers register on")
    assert [c.value for c in sheet[3]][:6] == ["Organisation", "Type", "Phase", "URN", "Locality", "Status"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert set(rows) == {"Birch Academy", "Oak Tree Primary School"}
    oak = rows["Oak Tree Primary School"]
    assert oak[1:6] == ("School", "Primary", "123456", "North", "Published")
    assert "Social, emotional and mental health (SEMH)" in oak[6]
    assert oak[11] == "http://testserver/offers/oak-tree-primary-school/"
    assert rows["Birch Academy"][5] == "Draft" and rows["Birch Academy"][11] is None


def test_register_xlsx_writes_text_never_formulas(client_for, la_officer, school, offer_index):
    school.name = '=HYPERLINK("http://evil")'
    school.save()
    sheet = load_workbook(io.BytesIO(client_for(la_officer).get("/offer-register/offers.xlsx").content)).active
    assert sheet["A4"].value == '=HYPERLINK("http://evil")' and sheet["A4"].data_type == "s"


# --- Dashboard sections --------------------------------------------------------------------------------


def test_la_officer_sees_the_figures_and_what_to_act_on(
    client_for, la_officer, school, other_school, agency, offer_index
):
    make_offer(school)
    make_offer(other_school, state="awaiting")
    make_offer(agency, completed_on=rules.today() - timedelta(days=400), review_date=rules.today() - timedelta(days=3))
    html = client_for(la_officer).get("/dashboard/").content.decode()
    assert "Organisations engaged: 3 of 3" in html
    assert "Offers published: 1 of 2 schools" in html and "Other partners: 1 of 1 engaged." in html
    assert "Awaiting moderation: 1" in html and "Offer reviews overdue: 1" in html
    assert "Offers awaiting moderation" in html and "Birch Academy" in html
    # The overdue figure links to the register filtered to them; the dashboard does not list them again.
    assert 'href="/offer-register/?state=review_overdue">Offer reviews overdue: 1' in html
    assert "Review was due by" not in html


@pytest.mark.parametrize("size", [10, 200])
def test_la_dashboard_is_bounded(size, client_for, la_officer, offer_index, django_assert_max_num_queries):
    from home.bulk import create_published_offers

    create_published_offers(size)
    client = client_for(la_officer)
    client.get("/dashboard/")
    with django_assert_max_num_queries(40):  # every app's sections; ours add a fixed handful
        assert client.get("/dashboard/").status_code == 200


def test_a_member_sees_their_own_offer_status(client_for, school_editor, school, other_school, offer_index):
    make_offer(school, completed_on=rules.today() - timedelta(days=400), review_date=rules.today() - timedelta(days=1))
    make_offer(other_school, state="awaiting")
    html = client_for(school_editor).get("/dashboard/").content.decode()
    assert "Your Early Help offer" in html and "Review overdue" in html
    assert "Review your offer, update it and submit it again." in html
    assert "View the public page of Oak Tree Primary School" in html
    assert "Birch Academy" not in html


def test_a_member_whose_offer_is_not_started_is_sent_to_start_it(client_for, agency_lead, agency, offer_index):
    html = client_for(agency_lead).get("/dashboard/").content.decode()
    assert "Not started" in html and f'href="/offer-start/{agency.pk}/"' in html


def test_the_board_and_people_without_an_organisation_see_no_offer_section(client_for, board_member, no_role_user):
    for user in (board_member, no_role_user):
        html = client_for(user).get("/dashboard/").content.decode()
        assert "Your Early Help offer" not in html and "Offers awaiting moderation" not in html
        assert "Organisations engaged" not in html


# --- The public offer page ------------------------------------------------------------------------------


def test_public_offer_page_shows_the_structured_offer(client, school, offer_index):
    page = make_offer(
        school,
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
        audiences=[
            (
                "audience",
                {
                    "section": "parents",
                    "name": "Parents and carers",
                    "routes": ["Information in newsletters"],
                    "key_staff": ["SENCo"],
                },
            )
        ],
        phone="0116 123 4567",
        contact_name="Sam Patel",
        contact_role="DSL",
    )
    html = client.get(page.url).content.decode()
    assert "Primary school in North" in html and "<h1>Oak Tree Primary School</h1>" in html
    assert "4 to 11" in html and "Bereavement counselling / groups" in html
    assert "Monday to Friday" in html and "8:30 a.m. to 3:30 p.m." in html
    assert 'href="tel:01161234567"' in html and "Sam Patel, DSL" in html
    assert "Parents and carers" in html and "Information in newsletters" in html
    assert "Head teacher" in html and "Senco Person" in html
    assert f"Last reviewed on {page.completed_on:%-d %B %Y}" in html
    assert "Next review due by" in html


def test_public_page_of_an_overdue_offer_says_so(client, agency, offer_index):
    due = rules.today() - timedelta(days=5)
    page = make_offer(agency, completed_on=due - timedelta(days=365), review_date=due)
    html = client.get(page.url).content.decode()
    assert f"This offer was due to be reviewed by {due:%-d %B %Y}" in html
    assert "Designated lead" in html and "Dee Lead" in html
