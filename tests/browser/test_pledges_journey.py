"""A partner's lead signs the partnership pledges in a real browser: Home-Start Leicester has not signed;
its lead signs (after a first attempt with a mistake), names the designated lead as evidence for pledge 1
and marks the pledge met; the organisation's page then shows the signature and the evidence, and the public
list of signatories, read by a visitor who is not signed in, lists Home-Start with its statement (and never
the designated lead's contact details).
"""

import re
from datetime import timedelta

from django.utils import timezone

from portal.demo import DEMO_PASSWORD
from tests.browser.forms_a11y import (
    assert_error_tied_to_field,
    assert_focus_visible,
    assert_tab_order,
    date_boxes,
    fill_date,
    fill_day,
)

ORGANISATION = "Home-Start Leicester"
PLEDGE_1 = "1. Name a member of staff as the Designated Lead for Safeguarding and Early Help"
STATEMENT = "Our volunteers visit families at home: we will make Early Help the first response."
LEAD = {
    "Full name": "Grace Okafor",
    "Role": "Family Support Coordinator",
    "Email address": "grace.okafor@homestart.example",
    "Phone number": "0116 000 0000",
}


def long_date(day):
    return f"{day.day} {day:%B %Y}"


def test_partner_lead_signs_the_pledges_and_records_evidence(journey):
    from pledges.models import DesignatedLead, Signature

    today = timezone.localdate()
    lead = journey()
    lead.sign_in("homestart.lead@example.org", DEMO_PASSWORD)
    page = lead.page
    pledges_section = page.get_by_role("region", name="Partnership pledges")
    assert f"{ORGANISATION} Not signed" in pledges_section.inner_text()
    lead.screenshot("dashboard")

    assert "Sign the pledges" in pledges_section.inner_text()
    pledges_section.get_by_role("link", name=ORGANISATION).click()
    lead.check("not-signed")
    assert f"{ORGANISATION} has not signed the pledges yet." in page.get_by_role("main").inner_text()
    page.get_by_role("link", name="Read and sign the pledges").click()
    lead.check("sign-form")
    assert page.get_by_role("heading", level=1).inner_text() == "Sign the partnership pledges"
    assert_tab_order(
        page,
        page.get_by_label("Signatory's name"),
        [
            "id_signatory_name",
            "id_signatory_role",
            "id_signed_on",
            "id_signed_on-month",
            "id_signed_on-year",
            "id_statement",
            "id_confirm",
            "Sign the pledges",
            "Cancel",
        ],
    )

    # A mistake: no date, and the authority to sign not confirmed.
    page.get_by_label("Signatory's name").fill("Hannah Moore")
    page.get_by_label("Signatory's role").fill("Scheme Manager, Home-Start Leicester")
    page.get_by_label("Public statement").fill(STATEMENT)
    assert date_boxes(page, "id_signed_on") == (str(today.day), str(today.month), str(today.year))  # today, offered
    fill_date(page, "id_signed_on")
    page.get_by_role("button", name="Sign the pledges").click()
    page.wait_for_load_state()
    lead.check("sign-errors")
    assert page.title().startswith("Error:")
    assert_error_tied_to_field(page, "id_signed_on", "Enter the date the pledges were signed.", follow_link=True)
    assert_focus_visible(page)
    assert_error_tied_to_field(
        page, "id_confirm", "Confirm that you are authorised to sign for your organisation.", follow_link=True
    )
    assert_focus_visible(page)
    assert page.get_by_label("Public statement").input_value() == STATEMENT  # what was typed is kept
    assert not Signature.objects.filter(organisation__name=ORGANISATION).exists()

    fill_day(page, "id_signed_on", today)
    page.get_by_label("I confirm that I am authorised to sign these pledges on behalf of my organisation").check()
    page.get_by_role("button", name="Sign the pledges").click()
    # The fragment of the error summary's link stays in the address after the redirect.
    page.wait_for_url(re.compile(r"/pledges/organisations/home-start-leicester/(#.*)?$"))
    lead.check("signed")
    assert page.get_by_role("status").inner_text() == (
        f"Signed. {ORGANISATION} is now listed as a signatory of the pledges."
    )
    signature = page.locator(".summary-list").first.inner_text()
    assert "Hannah Moore, Scheme Manager, Home-Start Leicester" in signature
    assert long_date(today) in signature and STATEMENT in signature

    # Evidence for pledge 1: the designated lead, then the pledge marked met with a review date.
    page.get_by_role("link", name=PLEDGE_1).click()
    lead.check()
    page.get_by_role("link", name="Name the designated lead").click()
    lead.check("designated-lead-form")
    assert_tab_order(
        page,
        page.get_by_label("Full name"),
        ["id_name", "id_role", "id_email", "id_phone", "Save designated lead", "Cancel"],
    )
    for label, value in LEAD.items():
        page.get_by_label(label).fill(value)
    page.get_by_role("button", name="Save designated lead").click()
    page.wait_for_url("**/pledges/organisations/home-start-leicester/pledges/1/")
    lead.check("designated-lead-saved")
    assert page.get_by_role("status").inner_text() == "Designated lead saved."
    evidence = page.locator("h2:has-text('Evidence') + dl").inner_text()
    assert all(value in evidence for value in LEAD.values())

    review = today + timedelta(days=180)
    page.get_by_role("link", name="Change status and review date").click()
    lead.check()
    page.get_by_role("radio", name="Met").check()
    fill_day(page, "id_review_date", review)
    page.get_by_label("Progress notes").fill("Grace is named in our safeguarding policy and briefed staff in November.")
    page.get_by_role("button", name="Save status").click()
    page.wait_for_url("**/pledges/organisations/home-start-leicester/pledges/1/")
    lead.check("pledge-1-met")
    status = page.locator("h2:has-text('Status') + dl").inner_text()
    assert "Met" in status and long_date(review) in status and "briefed staff in November" in status

    # The organisation's page: signed, with pledge 1 met and its evidence.
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name=ORGANISATION).click()
    lead.check("organisation-signed-with-evidence")
    assert "Hannah Moore" in page.locator(".summary-list").first.inner_text()
    assert "1 of 5 pledges that apply met." in page.get_by_role("main").inner_text()
    row = [text.strip() for text in page.get_by_role("row", name=PLEDGE_1).locator("th, td").all_inner_texts()]
    assert row == [PLEDGE_1, "Met", f"{review.day} {review:%b %Y}", "Grace Okafor, Family Support Coordinator"]
    assert DesignatedLead.objects.get(organisation__name=ORGANISATION).email == LEAD["Email address"]

    # The lead's own list of organisations, then the public list of who has signed.
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Pledges", exact=True).click()
    lead.check()
    assert long_date(today) in page.get_by_role("row", name=ORGANISATION).inner_text()
    page.get_by_role("link", name="Who has signed").click()
    lead.check()
    assert_public_signatory(page, today)

    visitor = journey()
    visitor.visit("/pledges/signatories/")
    visitor.screenshot("public-signatories")
    assert_public_signatory(visitor.page, today)


def assert_public_signatory(page, today):
    signatory = page.locator("li.signatory", has=page.get_by_role("heading", name=ORGANISATION, exact=True))
    text = signatory.inner_text()
    assert "Hannah Moore" in text and "Scheme Manager, Home-Start Leicester" in text
    assert f"Signed {long_date(today)}" in text and STATEMENT in text
    assert page.get_by_role("heading", name="Who has signed (23)").is_visible()
    main = page.get_by_role("main").inner_text()
    assert LEAD["Email address"] not in main and LEAD["Phone number"] not in main and "Grace Okafor" not in main
