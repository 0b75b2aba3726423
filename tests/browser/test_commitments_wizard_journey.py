"""A school's DSL completes the commitments audit by keyboard alone, leaves half-way, comes back and submits.

Millgate Special School has not started this year's audit in the demo, and its Early Help offer is
published, so every outcome can honestly be answered. No mouse: Tab, Shift+Tab, Space, Enter, arrow keys
and typing only (the first page of each visit is opened by address, as a bookmark would).
"""

import re
from datetime import timedelta

import openpyxl
from django.utils import timezone

from portal.demo import DEMO_PASSWORD
from tests.browser.forms_a11y import (
    assert_error_tied_to_field,
    focus_is_visible,
    focused,
    tab_to,
    type_date,
    type_into,
)

DSL = "dsl.120272@example.org"
SCHOOL = "Millgate Special School"
TAB_LIMIT = 200  # commitment 4 has fifteen suggested actions of seven fields each before its buttons


def press_link(page, name):
    """Tab to a link or button by its accessible name and press Enter, waiting for the next page."""
    target = page.get_by_role("link", name=name).or_(page.get_by_role("button", name=name)).first
    tab_to(page, target, limit=TAB_LIMIT)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state()


def sign_in_by_keyboard(person):
    page = person.visit("/accounts/login/")
    type_into(page, page.get_by_label("Email address"), DSL)
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url("**/dashboard/")
    person.check()
    return page


def choose_yes(page, group_name):
    """A radio group is one tab stop; Space picks the first choice (Yes) when none is picked yet."""
    first = page.locator(f"input[name='{group_name}']").first
    tab_to(page, first, limit=TAB_LIMIT)
    page.keyboard.press("Space")
    assert first.is_checked()


def tab_sequence(page, presses):
    """Press Tab `presses` times; each stop's id and where it is drawn on the page."""
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        assert focus_is_visible(page), f"no visible focus on {focused(page)}"
        box = page.evaluate(
            "() => { const r = document.activeElement.getBoundingClientRect();"
            " return {id: document.activeElement.id, top: r.top + scrollY, left: r.left}; }"
        )
        stops.append(box)
    return stops


def assert_in_reading_order(stops):
    """Each stop is below the last, or on the same line and to its right (left-to-right, top-to-bottom)."""
    for before, after in zip(stops, stops[1:]):
        same_line = abs(after["top"] - before["top"]) < 4
        assert after["top"] > before["top"] or (same_line and after["left"] > before["left"]), (before, after)


def test_a_dsl_completes_the_audit_by_keyboard_leaves_comes_back_submits_and_downloads(journey, tmp_path):
    today = timezone.localdate()
    last_month, next_month, in_ten_months = (
        today - timedelta(days=30),
        today + timedelta(days=30),
        today + timedelta(days=300),
    )

    dsl = journey()
    page = sign_in_by_keyboard(dsl)
    press_link(page, re.compile(rf"^{SCHOOL}: start the .* audit$"))
    dsl.check()
    press_link(page, re.compile(r"^Start the .* audit$"))
    dsl.check()
    press_link(page, "Start the audit")
    assert "/steps/commitment-1/" in page.url
    dsl.check("commitment-1")

    # The named DSL is not typed: it is the school's recorded designated lead (pledge 1), with a link to
    # change it, then the outcome's review date.
    named_lead = page.locator("#commitment-1-outcomes-0")
    assert "Gary Lowe, Deputy Headteacher and DSL" in named_lead.inner_text()
    assert page.locator("#id_commitment-1-outcomes-0-details").count() == 0
    # Focus order on the outcomes: Yes/No is one stop, then the outcome's own fields, outcome by outcome,
    # each stop drawn after the last and visibly focused.
    tab_to(page, named_lead.get_by_role("link", name="Change the designated lead"), limit=TAB_LIMIT)
    stops = tab_sequence(page, 9)
    assert [s["id"] for s in stops] == [
        "id_commitment-1-outcomes-0-review_date",  # a date's day, month and year boxes, in that order
        "id_commitment-1-outcomes-0-review_date-month",
        "id_commitment-1-outcomes-0-review_date-year",
        "id_commitment-1-outcomes-1-complete_0",
        "id_commitment-1-outcomes-1-achieved_on",
        "id_commitment-1-outcomes-1-achieved_on-month",
        "id_commitment-1-outcomes-1-achieved_on-year",
        "id_commitment-1-outcomes-2-complete_0",
        "id_commitment-1-outcomes-2-achieved_on",
    ]
    assert_in_reading_order(stops)
    page.keyboard.press("Shift+Tab")  # Shift+Tab walks back the same way
    assert focused(page)["id"] == "id_commitment-1-outcomes-2-complete_0"

    # Commitment 1, with a slip: the briefing date typed in the future.
    tab_to(page, page.locator("#id_commitment-1-outcomes-0-review_date"), backwards=True)
    type_date(page, in_ten_months)
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # arrow keys move through a radio group and pick: here, No
    assert page.locator("#id_commitment-1-outcomes-1-complete_1").is_checked()
    page.keyboard.press("ArrowUp")  # ...and back to Yes
    assert page.locator("#id_commitment-1-outcomes-1-complete_0").is_checked()
    page.keyboard.press("Tab")
    type_date(page, next_month)
    rag = page.locator("#id_commitment-1-actions-0-rag")
    tab_to(page, rag, limit=TAB_LIMIT)
    page.keyboard.press("ArrowUp")  # from Not started (last) up past Green to Amber
    page.keyboard.press("ArrowUp")
    assert rag.input_value() == "amber"
    type_into(
        page, page.locator("#id_commitment-1-actions-3-description"), "Add Early Help to the staff induction pack"
    )
    press_link(page, "Save and continue")

    dsl.check("commitment-1-error")
    assert page.title().startswith("Error: ")
    briefing = page.locator("#id_commitment-1-outcomes-1-achieved_on")
    assert_error_tied_to_field(page, briefing, "must be today or in the past")
    # Nothing typed is lost, and the summary's link takes the keyboard straight to the field.
    assert page.locator("#id_commitment-1-outcomes-0-review_date-year").input_value() == str(in_ten_months.year)
    assert (
        page.locator("#id_commitment-1-actions-3-description").input_value()
        == "Add Early Help to the staff induction pack"
    )
    assert rag.input_value() == "amber"
    tab_to(page, page.locator(".error-summary a[href='#id_commitment-1-outcomes-1-achieved_on']"))
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "id_commitment-1-outcomes-1-achieved_on"
    assert focus_is_visible(page)
    page.keyboard.press("ControlOrMeta+a")
    type_date(page, last_month)
    page.keyboard.press("Enter")  # Enter in a text field submits with the first button: Save and continue
    page.wait_for_url(re.compile(r"/steps/commitment-2/(#.*)?$"))
    dsl.check("commitment-2")

    # Commitment 2: a trained member of staff, ticked by Space.
    type_into(page, page.get_by_label("Name of staff member"), "Ola Bello")
    page.keyboard.press("Tab")
    type_date(page, today - timedelta(days=60))
    page.keyboard.press("Tab")
    type_date(page, last_month)
    page.keyboard.press("Tab")
    assert focused(page)["label"] == "Login received"
    page.keyboard.press("Space")
    assert page.get_by_label("Login received").is_checked()
    press_link(page, "Save and continue")
    page.wait_for_url(re.compile(r"/steps/commitment-3/(#.*)?$"))
    dsl.check()

    # Half-way: the DSL closes the browser.
    page.context.close()

    dsl = journey()
    page = sign_in_by_keyboard(dsl)
    press_link(page, re.compile(rf"^{SCHOOL}: continue the .* audit$"))
    assert page.url.endswith("/steps/commitment-3/"), "did not resume where the DSL left"
    dsl.check("resumed-commitment-3")
    nav = page.get_by_role("navigation", name="Steps of the audit")
    assert nav.locator("li").nth(0).inner_text().endswith("Saved")
    assert nav.locator("li").nth(1).inner_text().endswith("Saved")
    assert nav.locator("li").nth(2).inner_text().endswith("Not saved yet")

    # What was saved before leaving is all there.
    press_link(page, "Back")
    assert page.url.endswith("/steps/commitment-2/")
    assert page.locator("#id_commitment-2-staff-0-name").input_value() == "Ola Bello"
    assert page.locator("#id_commitment-2-staff-0-login_received").is_checked()
    press_link(page, re.compile(r"^3\. "))
    assert page.url.endswith("/steps/commitment-3/")

    # Commitment 3: the offer is defined and published (the portal shows it published, so Yes is allowed).
    choose_yes(page, "commitment-3-outcomes-0-complete")
    page.keyboard.press("Tab")
    type_date(page, last_month)
    choose_yes(page, "commitment-3-outcomes-1-complete")
    page.keyboard.press("Tab")
    page.keyboard.type("On the portal's Early Help directory and the school website")
    page.keyboard.press("Tab")
    type_date(page, last_month)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/steps/commitment-4/(#.*)?$"))
    dsl.check()

    # Commitment 4: parents and carers know how to get help.
    choose_yes(page, "commitment-4-outcomes-1-complete")
    page.keyboard.press("Tab")
    page.keyboard.type("Termly newsletter and a stand at parents' evening")
    page.keyboard.press("Tab")
    type_date(page, last_month)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/steps/check/(#.*)?$"))
    dsl.check("check-your-answers")
    answers = page.locator("main").inner_text()
    for typed in (
        "Recorded lead: Gary Lowe, Deputy Headteacher and DSL",
        "Ola Bello",
        "Add Early Help to the staff induction pack",
        "On the portal's Early Help directory and the school website",
        "Termly newsletter and a stand at parents' evening",
    ):
        assert typed in answers, typed

    # Submitting without confirming: the error is on the checkbox and in the summary.
    press_link(page, "Submit the audit")
    dsl.check("submit-error")
    confirm = page.get_by_label(re.compile("^I confirm that this audit is accurate"))
    assert_error_tied_to_field(page, confirm, "Confirm that the audit is accurate before you submit it.")
    tab_to(page, page.locator(".error-summary a").first)
    page.keyboard.press("Enter")
    assert focused(page)["id"] == confirm.get_attribute("id") and focus_is_visible(page)
    page.keyboard.press("Space")
    assert confirm.is_checked()
    press_link(page, "Submit the audit")
    dsl.check("submitted")
    assert "audit has been submitted to the local authority" in page.locator(".notification").inner_text()

    # The action plan, downloaded by keyboard and read back.
    link = page.get_by_role("link", name="Download the action plan (Excel)")
    tab_to(page, link, limit=TAB_LIMIT)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.suffix == ".xlsx"
    workbook = openpyxl.load_workbook(path)
    rows = {
        sheet.title: [[value for value in row] for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }

    def row_with(sheet, text):
        return next(row for row in rows[sheet] if text in row)

    assert row_with("Commitment 1", "Add Early Help to the staff induction pack")[0] == "The commitment as a whole"
    assert row_with("Commitment 1", "Identify the responsible DSL or DSLs")[4] == "Amber"  # rated by arrow keys
    answered = [row for row in rows["Commitment 1"] if "Recorded lead: Gary Lowe, Deputy Headteacher and DSL" in row]
    assert answered and answered[0][1] == "Yes"
    name, part_a, part_b, login = row_with("Commitment 2", "Ola Bello")[:4]
    assert (part_a.date(), part_b.date(), login) == (today - timedelta(days=60), last_month, "Yes")
    published = next(row for row in rows["Commitment 3"] if row[2] and str(row[2]).startswith("On the portal"))
    assert published[1] == "Yes" and "(offer on the portal: Published)" in published[2]
    parents = next(row for row in rows["Commitment 4"] if row[2] == "Termly newsletter and a stand at parents' evening")
    assert parents[1] == "Yes"
    history = [row for row in rows["RAG history"] if row[2] == "Identify the responsible DSL or DSLs"]
    assert history and history[-1][4] == "Amber"
