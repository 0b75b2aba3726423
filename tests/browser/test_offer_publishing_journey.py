"""A school writes its Early Help offer in the CMS and submits it; the LA approves it; the public finds it.

Braunstone Frith Primary School has not started its offer in the demo. Its DSL (dsl.120222@) starts the
page from the dashboard, fills it in, slips on the sign-off, then submits it for moderation; the LA's
quality-assurance officer, in another browser, approves it from the portal dashboard; an anonymous
visitor then finds it in the directory.
"""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from portal.demo import DEMO_PASSWORD
from portal.models import Organisation, User
from tests.browser.conftest import without_session_release
from tests.browser.forms_a11y import focus_is_visible, focused

SCHOOL = "Braunstone Frith Primary School"
SUMMARY = "Braunstone Frith helps families as soon as difficulties start, with a family support worker in school."
HOW_TO_GET_HELP = "Ask any member of staff, or ring the school office and ask for Mrs Lal, our family support worker."
OWN_PROVISION = "Toast and talk: a breakfast drop-in for parents on Fridays"


def field_by_label(page, label):
    """A Wagtail field by its accessible name (the label, with a '*' mark when the field is required)."""
    return page.get_by_role("textbox", name=re.compile(rf"^{re.escape(label)}\*?$"))


def autosaved(page):
    """Wagtail autosaves the draft half a second after a change: wait for that save, as an editor waits to
    see "Saved" before submitting (submitting while it is on its way makes the next autosave a conflict)."""
    edit_url = page.url.split("#")[0]
    return page.expect_response(
        lambda r: r.url == edit_url and r.request.method == "POST" and "json" in (r.request.headers.get("accept") or "")
    )


def more_actions(page, action):
    """Wagtail keeps the workflow's actions in the footer's "More actions" menu."""
    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name=action, exact=True).click()
    page.wait_for_load_state()


def test_a_school_completes_its_offer_the_la_approves_it_and_it_is_public(journey):
    from pledges.models import DesignatedLead

    today = timezone.localdate()
    # The school named its DSL once, for pledge 1; the offer's sign-off shows that record, never asks again.
    DesignatedLead.objects.update_or_create(
        organisation=Organisation.objects.get(name=SCHOOL),
        defaults={"name": "Ravi Lal", "role": "Deputy head and DSL", "email": "ravi.lal@example.org"},
    )
    dsl = without_session_release(journey())
    dsl.sign_in("dsl.120222@example.org", DEMO_PASSWORD)
    page = dsl.page
    offer_section = page.get_by_role("region", name="Your Early Help offer")
    assert "Not started" in offer_section.inner_text()
    offer_section.get_by_role("link", name=SCHOOL).click()
    page.wait_for_load_state()
    dsl.check("start-your-offer")
    page.get_by_role("button", name="Start the offer page").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    dsl.settled_check("editor")
    edit_url = page.url

    # About the offer: the summary and how to ask for help (contacts come prefilled from the school's record).
    summary = field_by_label(page, "Summary")
    summary.fill(SUMMARY)
    field_by_label(page, "How to ask for help").fill(HOW_TO_GET_HELP)

    # Focus order and visible focus on the editor: Tab goes from field to field down the form.
    summary.focus()
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        assert focus_is_visible(page), f"no visible focus on {focused(page)}"
        stops.append(
            page.evaluate(
                "() => { const e = document.activeElement, r = e.getBoundingClientRect();"
                " return {id: e.id, tag: e.tagName, top: r.top + scrollY, left: r.left}; }"
            )
        )
    fields = [s for s in stops if s["tag"] in ("INPUT", "TEXTAREA", "SELECT")]
    assert [s["id"] for s in fields][:3] == ["id_min_age", "id_max_age", "id_localities_0"]
    for before, after in zip(fields, fields[1:]):
        assert after["top"] > before["top"] or (
            abs(after["top"] - before["top"]) < 4 and after["left"] > before["left"]
        )

    # Provision: tick from the suggested lists, and add the school's own.
    page.get_by_role("tab", name="Provision (schools)").click()
    page.get_by_role("checkbox", name="First day calling").check()
    page.get_by_role("checkbox", name="Bereavement counselling / groups").check()
    page.get_by_role("checkbox", name="Overall and individual pupil attendance improves").check()
    page.get_by_label("Your own primary provision, one per line").first.fill(OWN_PROVISION)
    dsl.settled_check("provision")

    # Sign-off, with a slip: the SENCo's date is left out.
    page.get_by_role("tab", name="Sign-off").click()
    signed, completed = today - timedelta(days=3), today - timedelta(days=1)
    for role, name in (("Head teacher", "Anita Shah"), ("Chair of governors", "Peter Moss"), ("SENCo", "Leah Green")):
        field_by_label(page, role).fill(name)
        if role != "SENCo":
            field_by_label(page, f"{role} signed on").fill(str(signed))
    # The DSL is the school's recorded designated lead, shown with where to change it; only the date is typed.
    assert page.get_by_text("Ravi Lal, Deputy head and DSL").is_visible()
    assert page.get_by_role("link", name="Change the designated lead").is_visible()
    field_by_label(page, "Designated Safeguarding Lead signed on").fill(str(signed))
    field_by_label(page, "Date completed").fill(str(completed))
    with autosaved(page) as save:
        field_by_label(page, "Review date").fill(str(completed + timedelta(days=365)))
        # Click away, as an editor does: the date picker closes on a click outside it (not on Escape).
        page.get_by_role("tab", name="Sign-off").click()
    assert save.value.ok
    # The page comes back with the errors and what was typed, and autosaves that as a draft at once.
    with autosaved(page) as save:
        more_actions(page, "Submit to Offer moderation")
    assert save.value.ok

    dsl.settled_check("sign-off-error")
    # Wagtail's summary of the problem, and its tab marked with the number of errors, lead to the field.
    assert page.get_by_text("The page could not be saved due to validation errors").is_visible()
    assert "1" in page.get_by_role("tab", name=re.compile("^Sign-off")).inner_text()
    page.get_by_role("button", name="Go to the first error").click()
    page.wait_for_function("() => document.activeElement.classList.contains('error-message')")
    senco_date = field_by_label(page, "SENCo signed on")
    # The error is tied to the field for screen readers: marked invalid, described by the message.
    assert senco_date.get_attribute("aria-invalid") == "true"
    described_by = senco_date.get_attribute("aria-describedby").split()
    described = [page.locator(f"[id='{ref}']").inner_text() for ref in described_by]
    assert any("Enter the date the SENCo signed." in text for text in described), described
    # The focus went to that very message; the next Tab is the field, visibly focused.
    assert page.evaluate("() => document.activeElement.parentElement.id") in described_by
    page.keyboard.press("Tab")
    assert focused(page)["id"] == senco_date.get_attribute("id")
    assert focus_is_visible(page)
    # Nothing typed was lost.
    assert field_by_label(page, "Head teacher").input_value() == "Anita Shah"
    page.get_by_role("tab", name="Provision (schools)").click()
    assert page.get_by_role("checkbox", name="First day calling").is_checked()
    page.get_by_role("tab", name="Sign-off").click()
    senco_date.fill(str(signed))
    page.keyboard.press("Escape")
    more_actions(page, "Submit to Offer moderation")
    # Back in the portal, told what happens next (home/cms_journey.py).
    page.wait_for_url(re.compile(r"/dashboard/$"))
    dsl.check("submitted")
    assert (
        f"{SCHOOL}: submitted to the Early Help team for approval" in page.locator(".notification-banners").inner_text()
    )
    # The DSL opens the page again from the dashboard, and leaves it open.
    page.get_by_role("region", name="Your Early Help offer").get_by_role("link", name=SCHOOL).click()
    page.wait_for_url(edit_url)
    dsl.settled_check()

    # Not public yet.
    visitor = journey()
    directory = visitor.visit("/offers/")
    directory.get_by_label("Search offers").fill(SCHOOL)
    with directory.expect_navigation():
        directory.get_by_role("button", name="Search").click()
    assert directory.get_by_role("link", name=SCHOOL, exact=True).count() == 0

    # The LA officer, in another browser, approves it from the portal dashboard.
    officer = without_session_release(journey())
    officer.sign_in("qa.officer@example.org", DEMO_PASSWORD)
    page = officer.page
    awaiting = page.get_by_role("region", name="Offers awaiting moderation")
    # The dashboard lists the longest-waiting few and links to the register, which has every one.
    awaiting.get_by_role("link", name=re.compile(r"^See all")).click()
    # The click starts a navigation and returns: axe waits for the register itself, not the dashboard leaving.
    page.wait_for_url(re.compile(r"state=awaiting_moderation"))
    page.wait_for_load_state()
    officer.check()
    page.get_by_role("link", name=f"Open in the editor ({SCHOOL})").click()
    page.wait_for_url(edit_url)
    officer.settled_check("moderation")
    # The officer sees that the DSL has the page open: the avatar button is named for screen readers
    # (home/wagtail_hooks.py's admin script; Wagtail 8 leaves it without a name), checked again by axe.
    dsl_name = User.objects.get(email="dsl.120222@example.org").get_full_name()
    expect(page.get_by_role("button", name=re.compile(rf"^{dsl_name}: Currently (viewing|idle)$"))).to_be_visible()
    officer.settled_check()
    assert field_by_label(page, "Summary").input_value() == SUMMARY
    more_actions(page, "Approve and Publish")
    page.wait_for_url(re.compile(r"/dashboard/$"))
    officer.check("approved")
    assert f"{SCHOOL}: approved and published" in page.locator(".notification-banners").inner_text()

    # The visitor searches again: the offer is there with what the school wrote.
    directory.get_by_label("Search offers").fill(SCHOOL)
    with directory.expect_navigation():
        directory.get_by_role("button", name="Search").click()
    visitor.check("directory")
    directory.get_by_role("link", name=SCHOOL, exact=True).click()
    directory.wait_for_load_state()
    visitor.check("public-offer")
    assert directory.get_by_role("heading", level=1).inner_text() == SCHOOL
    article = directory.locator("article.offer").inner_text()
    for text in (SUMMARY, HOW_TO_GET_HELP, "First day calling", "Bereavement counselling / groups", OWN_PROVISION):
        assert text in article, text
    # How to get help leads; the professional detail follows, collapsed, and opens from the keyboard.
    assert "Overall and individual pupil attendance improves" not in article and "Ravi Lal" not in article
    for heading in ("Outcome measures", "Signed and agreed"):
        directory.locator("summary", has_text=heading).focus()
        directory.keyboard.press("Enter")
    article = directory.locator("article.offer").inner_text()
    assert "Overall and individual pupil attendance improves" in article and "Ravi Lal" in article
