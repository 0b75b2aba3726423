"""The partnership's page shows the year's priorities and the budget (allocated, spent, remaining, from one
sum); money is typed in pounds and pence and validated; the LA allocates, the chair records initiatives."""

from decimal import Decimal

import pytest
from django.utils import timezone

from localities import selectors
from localities.models import Budget, Initiative
from testdata.localities import make_budget, make_partnership, make_priority


@pytest.fixture
def budget(north_partnership, this_quarter):
    return make_budget(
        north_partnership,
        this_quarter.start_year,
        initiatives=[("Get Up and Go", "3450.10"), ("Earn & Learn", "2875.20")],
    )


def test_the_page_shows_allocated_spent_and_remaining(budget, north_partnership, client_for, chair, this_quarter):
    make_priority(north_partnership, this_quarter.start_year, "Adolescent mental health", "Support before CAMHS.")
    content = client_for(chair).get("/localities/north/").content.decode()
    assert "£10,000.00" in content and "£6,325.30" in content and "£3,674.70" in content
    assert "Get Up and Go" in content and "£3,450.10" in content and "Earn &amp; Learn" in content
    assert "Adolescent mental health" in content and "Support before CAMHS." in content


def test_the_list_and_the_page_agree_on_the_totals(budget, north_partnership, la_officer, client_for):
    rows, _ = selectors.partnership_rows(la_officer, timezone.localdate())
    assert rows[0]["totals"] == selectors.budget_totals(budget)
    content = client_for(la_officer).get("/localities/").content.decode()
    assert "£3,674.70" in content


def test_a_bad_year_parameter_falls_back_to_this_year(budget, client_for, chair, this_quarter):
    for value in ("nonsense", "2018-20", "9999999999-00", ""):
        response = client_for(chair).get("/localities/north/", {"year": value})
        assert response.status_code == 200
        assert f"Budget {this_quarter.year_label}" in response.content.decode()


def test_another_year_shows_its_own_budget(north_partnership, client_for, chair):
    make_budget(north_partnership, 2018, allocated="10000", initiatives=[("Old initiative", "10")])
    content = client_for(chair).get("/localities/north/", {"year": "2018-19"}).content.decode()
    assert "Budget 2018-19" in content and "Old initiative" in content


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("2450.50", Decimal("2450.50")),
        ("£2,450.50", Decimal("2450.50")),
        (" 0 ", Decimal("0")),
        ("£10,000", Decimal("10000")),
    ],
)
def test_money_is_read_in_pounds_and_pence(typed, stored, budget, client_for, chair, this_quarter):
    response = client_for(chair).post(
        f"/localities/north/initiatives/new/?year={this_quarter.year_label}", {"name": "Family cafe", "spent": typed}
    )
    assert response.status_code == 302
    assert Initiative.objects.get(name="Family cafe").spent == stored


@pytest.mark.parametrize(
    "typed, message",
    [
        ("-5", "Ensure this value is greater than or equal to 0."),
        ("12.345", "Ensure that there are no more than 2 decimal places."),
        ("ten pounds", "Enter an amount in pounds and pence, like 2,450.50"),
        ("123456789", "Ensure that there are no more than 8 digits before the decimal point."),
    ],
)
def test_bad_money_is_shown_by_the_field_and_keeps_what_was_typed(typed, message, budget, client_for, chair):
    response = client_for(chair).post("/localities/north/initiatives/new/", {"name": "Family cafe", "spent": typed})
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content and 'href="#id_spent"' in content
    assert message in content.replace("&#x27;", "'")
    assert f'value="{typed}"' in content
    assert not Initiative.objects.filter(name="Family cafe").exists()


def test_a_stale_initiative_edit_is_refused(budget, client_for, chair, la_officer):
    initiative = budget.initiatives.first()
    url = f"/localities/north/initiatives/{initiative.pk}/"
    client_for(la_officer).post(url, {"name": "Renamed by the LA", "spent": "1", "version": 1})
    response = client_for(chair).post(url, {"name": "Renamed by the chair", "spent": "2", "version": 1})
    assert "Someone else saved changes" in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.name == "Renamed by the LA"


def test_an_initiative_needs_a_budget_first(north_partnership, client_for, chair):
    response = client_for(chair).get("/localities/north/initiatives/new/")
    assert response.status_code == 302
    assert not Budget.objects.exists()


def test_the_la_allocates_the_years_budget(north_partnership, client_for, la_officer, this_quarter):
    url = f"/localities/north/budget/?year={this_quarter.year_label}"
    response = client_for(la_officer).post(url, {"allocated": "£10,000.00"})
    assert response.status_code == 302
    assert Budget.objects.get().allocated == Decimal("10000.00")


def test_an_initiative_of_another_partnership_is_not_found(budget, south, client_for, chair, other_chair):
    south_partnership = make_partnership(south, chair=other_chair)
    other = make_budget(south_partnership, budget.year, initiatives=[("South's", "1")]).initiatives.get()
    assert client_for(chair).get(f"/localities/north/initiatives/{other.pk}/").status_code == 404


def test_the_list_runs_a_fixed_number_of_queries(django_assert_max_num_queries, client_for, la_officer, this_quarter):
    from portal.models import Locality

    def add(count, start):
        for n in range(start, start + count):
            partnership = make_partnership(Locality.objects.create(name=f"Locality {n}", slug=f"locality-{n}"))
            make_budget(partnership, this_quarter.start_year, initiatives=[("A", "1"), ("B", "2")])

    client = client_for(la_officer)
    add(2, 0)
    with django_assert_max_num_queries(20) as small:
        client.get("/localities/")
    add(10, 2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/localities/").content.decode().count("£10,000.00") == 12


def test_empty_fields_are_named_in_their_errors(budget, client_for, chair, la_officer, this_quarter):
    initiative = client_for(chair).post("/localities/north/initiatives/new/", {"name": "", "spent": ""}).content
    assert b"Enter the name of the initiative." in initiative and b"Enter the amount spent so far." in initiative
    url = f"/localities/north/budget/?year={this_quarter.year_label}"
    assert b"Enter the amount allocated." in client_for(la_officer).post(url, {"allocated": ""}).content
    priority = client_for(chair).post("/localities/north/priorities/new/", {"title": ""}).content
    assert b"Enter the priority." in priority and b"This field is required." not in priority
