"""A parent on a phone looks for bereavement support near home, narrows it to their area and reads an offer;
and searches in everyday words, with a misspelling and a postcode, on a 390 px screen."""

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
    labels = [
        "Your postcode",
        "Type of organisation",
        "School phase",
        "Area of the city",
        "Offer area",
        "Age of the child",
    ]
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
    # The page leads with how to get help; the sign-off follows, collapsed until the parent opens it.
    how = page.get_by_role("heading", name="How to get help", exact=True)
    assert how.is_visible()
    signed = page.locator("summary", has_text="Signed and agreed")
    assert how.bounding_box()["y"] < signed.bounding_box()["y"]
    sign_off = page.locator("details", has=signed).locator("dl")
    assert not sign_off.is_visible()
    signed.click()
    assert sign_off.is_visible() and "Designated Safeguarding Lead" in sign_off.inner_text()
    ages = article.locator("dt", has_text="Ages").locator("xpath=following-sibling::dd").inner_text()
    assert re.search(r"\d", ages)
    # The way back to the results is a breadcrumb, as on a phone there is no room for more.
    assert page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Find Early Help").is_visible()


PHONE_390 = {"width": 390, "height": 844}


def test_a_parent_on_a_phone_searches_in_everyday_words_with_a_slip_and_a_postcode(journey):
    parent = journey(viewport=PHONE_390)
    page = parent.visit("/")
    # The urgent-help box gives the duty team's number as a link a phone can call (a demo number here).
    urgent = page.get_by_role("region", name="Urgent help")
    assert urgent.get_by_role("link", name="0116 496 0101").get_attribute("href") == "tel:01164960101"
    assert "not real numbers" in urgent.inner_text()

    # "grief" from the home page, with the family's postcode: offers about bereavement, nearest first.
    page.get_by_label("Search Early Help offers from schools and services").fill("grief")
    page.get_by_label("Your postcode (optional)").fill("le4 6ab")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    parent.check("grief-near-le4")
    assert result_count(page) > 1
    assert "Including offers that mention “bereavement”" in page.locator("main").inner_text()
    # Each result says why it matched, with the word marked, and how far away it is.
    first = page.locator(".offer-results .offer-result").first
    assert "bereavement" in " ".join(first.locator("mark").all_inner_texts()).lower()
    assert re.search(r"(About \d+(\.\d)? miles|Under half a mile) away", first.inner_text())
    assert page.get_by_label("Your postcode").input_value().upper() == "LE4 6AB"  # as typed (shown in capitals)
    # The page fits the phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_390["width"]

    # Sorting by distance: the first result is the nearest.
    page.get_by_label("Sort by").select_option(label="Nearest first")
    with page.expect_navigation():
        page.get_by_role("button", name="Sort").click()
    parent.check("grief-nearest")
    distances = page.locator(".offer-result__distance").all_inner_texts()
    miles = [0.0 if text.startswith("Under") else float(re.search(r"[\d.]+", text).group()) for text in distances]
    assert miles == sorted(miles) and len(miles) > 1

    # A slip of the thumb: "bereavment" still finds the offers, and offers the word it meant.
    search = page.get_by_label("Search offers")
    search.fill("bereavment")
    with page.expect_navigation():
        page.get_by_role("button", name="Search", exact=True).click()
    parent.check("misspelt")
    assert result_count(page) > 1
    with page.expect_navigation():
        page.locator("#did-you-mean").get_by_role("link", name="bereavement").click()
    assert page.get_by_label("Search offers").input_value() == "bereavement"

    # A postcode from elsewhere is explained beside the field, and what was typed is kept.
    page.get_by_label("Your postcode").fill("SW1A 1AA")
    with page.expect_navigation():
        page.get_by_role("button", name="Search", exact=True).click()
    parent.check("postcode-error")
    assert_error_tied_to_field(page, page.get_by_label("Your postcode"), "We cannot place SW1A 1AA")
    assert page.get_by_label("Your postcode").input_value() == "SW1A 1AA"
    assert result_count(page) > 1  # the search still ran

    # Nothing found is never a dead end: other words, the Advice Point and urgent help.
    page.get_by_label("Your postcode").fill("")
    page.get_by_label("Search offers").fill("xylophone")
    with page.expect_navigation():
        page.get_by_role("button", name="Search", exact=True).click()
    parent.check("nothing-found")
    tips = page.locator("#no-results")
    assert "Check the spelling, or use another word" in tips.inner_text()
    assert tips.get_by_role("link", name="0116 496 0103").is_visible()  # the Advice Point
    other_word = tips.locator("li").first.get_by_role("link").first
    word = other_word.inner_text()
    with page.expect_navigation():
        other_word.click()
    assert page.get_by_label("Search offers").input_value() == word


def test_a_parent_on_a_phone_reads_an_offers_services_and_reports_a_problem_with_it(journey):
    parent = journey(viewport=PHONE_390)
    page = parent.visit("/")
    page.get_by_label("Search Early Help offers from schools and services").fill("arts")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Soft Touch Arts", exact=True).click()
    parent.check("services")

    # The services: what each costs, who can refer, and one closed for now, saying why and until when.
    services = page.get_by_role("region", name="What we offer")
    text = services.inner_text()
    assert "Creative wellbeing sessions" in text and "Back into learning arts course" in text
    closed = services.locator(".offer-service", has_text="Holiday art club")
    assert "Temporarily closed The studio is being refurbished. Reopens on" in closed.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_390["width"]

    # A problem with the page: a phone number slipped in is refused, and what was typed is kept.
    with page.expect_navigation():
        page.get_by_role("link", name="Report a problem with this page").click()
    parent.check("report-a-problem")
    what = page.get_by_label("What is wrong with this page?")
    what.fill("The holiday club times are out of date. Call me on 07700 900123")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the report").click()
    parent.check("report-a-problem-error")
    assert_error_tied_to_field(page, what, "a phone number")
    assert "out of date" in what.input_value()
    what.fill("The holiday club times are out of date.")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the report").click()
    parent.check("report-sent")
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you: your report has been sent"
    with page.expect_navigation():
        page.get_by_role("link", name="Back to Soft Touch Arts's page").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Soft Touch Arts"
