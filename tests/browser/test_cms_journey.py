"""A school editor completes and submits their offer without meeting Wagtail's words; the LA approves it; the
public finds it. Walked at 1280 px and on a 390 px phone.

The demo's school.editor@ has Rushey Mead Primary School's offer as a draft ready to submit. They open it
from the portal dashboard, change the summary, submit it from the editor and land back on their dashboard,
told what happens next. The LA officer opens it from the portal dashboard, approves it, and is back on the
dashboard reading "approved and published". A visitor then finds it by searching the directory.
"""

import re

import pytest
from django.conf import settings

from portal.demo import DEMO_PASSWORD
from tests.browser.conftest import without_session_release

SCHOOL = "Rushey Mead Primary School"
SUMMARY = "Rushey Mead listens first: our family support worker Mrs Kaur meets parents at the gate every morning."
PHONE_390 = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WAGTAIL_WORDS = re.compile(r"has been (updated|submitted for moderation|published)")


def editor_action(page, action):
    """Wagtail keeps the workflow's actions in the footer's "More actions" menu."""
    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name=action, exact=True).click()
    page.wait_for_load_state()


def banner(page):
    return page.locator(".notification-banners").inner_text()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE_390], ids=["1280px", "390px"])
def test_a_school_editor_submits_without_knowing_wagtail_and_the_la_publishes(journey, viewport):
    editor = without_session_release(journey(viewport=viewport))
    editor.sign_in("school.editor@example.org", DEMO_PASSWORD)
    page = editor.page
    offers = page.get_by_role("region", name=re.compile("^Your Early Help offers?$"))
    offers.get_by_role("link", name=SCHOOL).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    editor.settled_check("editor")
    edit_url = page.url

    # The CMS leads back to the portal, and shows an editor nothing they cannot use.
    if viewport is PHONE_390:
        page.get_by_role("button", name=re.compile("Toggle sidebar|Open sidebar", re.I)).first.click()
    assert page.get_by_role("link", name="Back to your dashboard").is_visible()
    if viewport is PHONE_390:
        page.keyboard.press("Escape")
    assert page.get_by_role("tab", name="Promote").count() == 0
    # What submission needs is marked required: the sign-off's names carry Wagtail's '*'.
    page.get_by_role("tab", name="Sign-off").click()
    assert page.get_by_text("marked * are needed before you submit").is_visible()
    assert page.locator("label[for='id_senco_name'] .w-required-mark").count() == 1
    page.get_by_role("tab", name="About the offer").click()
    page.get_by_role("textbox", name=re.compile(r"^Summary\*?$")).fill(SUMMARY)

    editor_action(page, "Submit to Offer moderation")
    page.wait_for_url(re.compile(r"/dashboard/$"))
    editor.check("back-on-the-dashboard")
    message = banner(page)
    assert f"{SCHOOL}: submitted to the Early Help team for approval." in message
    assert "You'll get an email when it is published" in message
    assert not WAGTAIL_WORDS.search(page.content())
    assert page.get_by_role("heading", level=1).inner_text() == "Your dashboard"
    no_sideways_scroll(page)

    # The officer approves it from the portal dashboard and is back there, told it is published.
    officer = without_session_release(journey(viewport=viewport))
    officer.sign_in("qa.officer@example.org", DEMO_PASSWORD)
    page = officer.page
    # The dashboard shows the first few waiting; its 'See all' link leads to all of them in the register.
    page.get_by_role("region", name="Offers awaiting moderation").get_by_role(
        "link", name=re.compile(r"^See all")
    ).click()
    page.wait_for_load_state()
    officer.check("register")
    page.get_by_role("link", name=f"Open in the editor ({SCHOOL})").click()
    page.wait_for_url(edit_url)
    officer.settled_check("moderation")
    assert page.get_by_role("tab", name="Promote").count() == 1  # the web address is the LA's to change
    editor_action(page, "Approve and Publish")
    page.wait_for_url(re.compile(r"/dashboard/$"))
    officer.check("approved")
    assert f"{SCHOOL}: approved and published. It is now in the public directory" in banner(page)
    no_sideways_scroll(page)

    # Search indexing runs on the background queue; the tests' queue runs each job at once, so the published
    # offer is in the index as soon as the approval returns (on a server, `make worker` does it).
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
    visitor = journey(viewport=viewport)
    directory = visitor.visit("/offers/")
    directory.get_by_label("Search offers").fill(SCHOOL)
    with directory.expect_navigation():
        directory.get_by_role("button", name="Search").click()
    visitor.check("found")
    directory.get_by_role("link", name=SCHOOL, exact=True).click()
    directory.wait_for_load_state()
    assert SUMMARY in directory.locator("article.offer").inner_text()


def no_sideways_scroll(page):
    width = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert width <= 1, f"the page scrolls sideways by {width}px"
