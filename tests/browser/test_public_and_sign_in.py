"""The public front door and signing in, in a real browser, by keyboard, at phone and desktop sizes."""

from portal.demo import DEMO_PASSWORD
from tests.browser.conftest import PHONE


def test_home_page_on_a_phone_and_the_skip_link(journey):
    visitor = journey(viewport=PHONE)
    page = visitor.visit("/")
    visitor.screenshot("home-phone")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
    assert page.get_by_role("heading", level=1).inner_text() == "Early Help in Leicester"


def test_sign_in_with_a_mistake_then_by_keyboard_to_the_dashboard(journey):
    person = journey()
    page = person.visit("/accounts/login/")
    page.get_by_label("Email address").focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus is visible
    page.get_by_label("Email address").fill("school.lead@example.org")
    page.get_by_label("Password").fill("not the password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    person.check("sign-in-error")
    assert page.locator(".error-summary").is_visible()
    assert page.get_by_label("Email address").input_value() == "school.lead@example.org"
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/dashboard/")
    person.check("dashboard")
    content = page.content()
    assert "Organisation lead" in content
    assert "Your organisations" in content and "Partnership pledges" in content  # every feature's section
