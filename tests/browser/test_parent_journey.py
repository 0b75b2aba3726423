"""A parent on a phone looks for bereavement support near home, narrows it to their area and reads an offer."""

import re

from tests.browser.conftest import PHONE
from tests.browser.forms_a11y import assert_error_tied_to_field, focus_is_visible, focused, tab_to


def result_titles(page):
    return page.locator(".offer-results .offer-result__title").all_inner_texts()


def result_count(page):
    heading = page.locator("#results-heading").inner_text()
    match = re.match(r"(\d+) offers?", heading)
    return int(match.group(1)) if match else 0


def test_a_parent_on_a_phone_searches_filters_by_area_and_opens_an_offer(journey):
    parent = journey(viewport=PHONE)
    page = parent.visit("/")
    parent.screenshot("home")

    # The search box on the home page, as a parent types into it.
    page.get_by_label("Search Early Help offers from schools and services").fill("bereavement")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    parent.check("search-results")
    searched = result_titles(page)
    assert result_count(page) == len(searched) > 1
    assert page.get_by_label("Search offers").input_value() == "bereavement"

    # Narrow to the parent's area of the city; the filters fold away on a phone until asked for.
    page.get_by_text("Filter offers").click()
    page.get_by_label("Area of the city").select_option(label="North West")
    page.get_by_label("Age of the child or young person").fill("90")  # a slip: the directory covers ages up to 25
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    parent.check("filter-error")
    age = page.get_by_label("Age of the child or young person")
    assert_error_tied_to_field(page, age, "Enter an age of 25 or less.")
    assert page.title().startswith("Error: ")
    # The filters that were understood still apply, and what was typed is kept for correcting.
    assert age.input_value() == "90"
    assert page.get_by_label("Area of the city").input_value() == "north-west"
    filtered = result_titles(page)
    assert 0 < len(filtered) < len(searched) and set(filtered) <= set(searched)

    # Following the error summary's link puts the focus, visibly, on the field to correct.
    page.locator(".error-summary").get_by_role("link", name="Enter an age of 25 or less.").click()
    assert focused(page)["id"] == age.get_attribute("id")
    assert focus_is_visible(page)

    # The form's fields come in the order they are laid out, by keyboard.
    # Each field is reached from the one before in at most two presses (one for the "Filter offers" toggle).
    page.get_by_label("Search offers").focus()
    labels = ["Type of organisation", "School phase", "Area of the city", "Offer area", "Age of the child"]
    for label in labels:
        tab_to(page, page.get_by_label(re.compile("^" + label)), limit=2)
        assert focused(page)["label"].startswith(label)

    age.fill("9")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    parent.check("filtered")
    assert page.locator(".error-summary").count() == 0
    for_nine_in_north_west = result_titles(page)
    assert 0 < len(for_nine_in_north_west) <= len(filtered)
    metas = page.locator(".offer-results .offer-result__meta").all_inner_texts()
    assert all("North West" in meta for meta in metas), metas

    # Open the first offer and read its details.
    first = for_nine_in_north_west[0]
    page.get_by_role("link", name=first, exact=True).click()
    page.wait_for_load_state()
    parent.check("offer")
    assert page.get_by_role("heading", level=1).inner_text() == first
    article = page.locator("article.offer")
    assert "North West" in article.inner_text()
    assert "Bereavement" in " ".join(page.locator(".offer-area").all_inner_texts())
    assert page.get_by_role("heading", name="How to ask for help").is_visible()
    assert "Designated Safeguarding Lead" in article.inner_text()
    ages = article.locator("dt", has_text="Ages").locator("xpath=following-sibling::dd").inner_text()
    assert re.search(r"\d", ages)
    # The way back to the results is a breadcrumb, as on a phone there is no room for more.
    assert page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Find Early Help").is_visible()
