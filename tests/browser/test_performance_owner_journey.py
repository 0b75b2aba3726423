"""An indicator owner, in a real browser: from the dashboard's "Your indicators" they open a late return,
mistype a percentage and are told beside the field, submit the figure and narrative, then correct it with
a reason; both revisions are shown. The same return works on a phone.
"""

from performance.demo import OWNER_EMAIL
from portal.demo import DEMO_PASSWORD
from tests.browser.conftest import PHONE
from tests.browser.forms_a11y import assert_error_tied_to_field, tab_to

INDICATOR = "2 Secondary school persistent absence rate (>10% absence)"


def test_owner_submits_and_corrects_a_late_return(journey):
    owner = journey()
    owner.sign_in(OWNER_EMAIL, DEMO_PASSWORD)
    page = owner.page
    section = page.locator("section", has=page.get_by_role("heading", name="Your indicators"))
    item = section.locator("li", has_text=INDICATOR)
    assert "Late" in item.inner_text()
    owner.screenshot("dashboard")

    with page.expect_navigation():
        item.get_by_role("link").first.click()
    owner.check("return-form")
    assert "Late" in page.locator(".summary-list").inner_text()

    page.get_by_label("Value (percentage)").fill("120")
    page.get_by_label("Narrative").fill("Year 10 absence rose again.")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit", exact=True).click()
    owner.check("error")
    assert_error_tied_to_field(page, "id_value", "A percentage must be between 0 and 100.")
    assert page.get_by_label("Narrative").input_value() == "Year 10 absence rose again."

    page.get_by_label("Value (percentage)").fill("14.9")
    # The owner reaches the submit button by keyboard and presses it.
    button = page.get_by_role("button", name="Submit", exact=True)
    tab_to(page, button)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    owner.check("submitted")
    assert "Return submitted" in page.content()
    assert "14.9%" in page.locator(".summary-list").inner_text()

    page.get_by_label("Value (percentage)").fill("15.2")
    page.get_by_label("Why is it being corrected?").fill("Two schools' census returns arrived late.")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit the correction").click()
    owner.check("corrected")
    revisions = page.locator("table", has=page.locator("caption", has_text="Every submission and correction"))
    rows = revisions.locator("tbody tr")
    assert rows.count() == 2
    assert "First submission" in rows.nth(0).inner_text() and "14.9%" in rows.nth(0).inner_text()
    assert "15.2%" in rows.nth(1).inner_text()
    assert "Two schools' census returns arrived late." in rows.nth(1).inner_text()

    phone = journey(PHONE)
    phone.sign_in(OWNER_EMAIL, DEMO_PASSWORD)
    phone.visit(page.url.replace(owner.base_url, ""))
    phone.screenshot("phone-return")
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the return page scrolls sideways on a phone ({width}px)"
