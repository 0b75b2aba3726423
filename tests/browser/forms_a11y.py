"""Checks on a form as a keyboard or screen-reader user meets it, shared by the browser journeys.

Each asserts what such a person relies on, in WCAG 2.2's terms: 2.4.3 focus order, 2.4.7 focus visible,
3.3.1 error identification (the error is announced, and tied to its field).
"""

import re

# What has the focus: its id, name, tag, type and label, and where it is on the page.
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const label = el.labels && el.labels.length ? el.labels[0].innerText.trim()
        : (el.getAttribute('aria-label') || el.innerText || el.value || '').trim();
    const box = el.getBoundingClientRect();
    return {id: el.id, name: el.getAttribute('name') || '', tag: el.tagName.toLowerCase(),
            type: el.getAttribute('type') || '', label: label.replace(/\\s+/g, ' '),
            key: el.id || el.getAttribute('name') || el.textContent.trim(),
            top: box.top + window.scrollY, left: box.left + window.scrollX};
}"""

# How the focused element is drawn: the portal and Wagtail show focus with an outline, a box-shadow or both.
FOCUS_STYLE = """() => {
    const style = getComputedStyle(document.activeElement);
    return {outline: style.outlineStyle, outlineWidth: style.outlineWidth, outlineColor: style.outlineColor,
            shadow: style.boxShadow, id: document.activeElement.id};
}"""

ROW = 12  # px: controls whose tops differ by less are on one line (a button beside its Cancel link)


def focused(page):
    """What has the keyboard focus now ({id, name, tag, type, label, key, top, left}), or None for the page."""
    return page.evaluate(FOCUSED)


def focus_is_visible(page):
    """The focused element shows a focus indicator: a real outline or a box-shadow.

    A transparent outline (kept for Windows high-contrast mode, where the box-shadow does not show) does not
    count: something else must show the focus.
    """
    style = page.evaluate(FOCUS_STYLE)
    outlined = (
        style["outline"] != "none"
        and style["outlineWidth"] not in ("0px", "")
        and style["outlineColor"] != "rgba(0, 0, 0, 0)"
    )
    return outlined or style["shadow"] not in ("none", "")


def assert_focus_visible(page):
    assert focus_is_visible(page), f"no visible focus on {focused(page)}: {page.evaluate(FOCUS_STYLE)}"


def tab_to(page, locator, limit=80, backwards=False):
    """Press Tab (or Shift+Tab) until `locator` has the focus; returns the elements passed on the way.

    Fails if the element is not reached within `limit` presses (it is not in the tab order) or shows no focus.
    """
    handle = locator.element_handle()
    passed = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate("el => document.activeElement === el", handle):
            assert_focus_visible(page)
            return passed
        passed.append(focused(page))
    raise AssertionError(f"{locator} not reached by keyboard in {limit} presses; passed {passed[-5:]}")


def type_into(page, locator, text, limit=80):
    """Tab to a text field and type into it, replacing what is there, with the keyboard only."""
    tab_to(page, locator, limit)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    if text:
        page.keyboard.type(text)


def fill_date(page, field_id, day="", month="", year=""):
    """Fill the day, month and year boxes of a date field (the day box carries the field's id)."""
    for suffix, value in (("", day), ("-month", month), ("-year", year)):
        page.locator(f"[id='{field_id}{suffix}']").fill(str(value))


def fill_day(page, field_id, day):
    """Fill a date field's boxes with a `datetime.date`."""
    fill_date(page, field_id, day.day, day.month, day.year)


def date_boxes(page, field_id):
    """What the day, month and year boxes of a date field hold."""
    return tuple(page.locator(f"[id='{field_id}{suffix}']").input_value() for suffix in ("", "-month", "-year"))


def type_date(page, day):
    """Type a date with the keyboard into the day, month and year boxes, starting in the day box (which has
    the focus) and replacing what each held; the focus ends in the year box."""
    for n, part in enumerate((day.day, day.month, day.year)):
        if n:
            page.keyboard.press("Tab")
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type(str(part))


def tab_order(page, first, stops, *, limit=30):
    """Focus `first` (a locator), then press Tab until `stops` different controls have had focus.

    Returns each control once, in order, with its position. A native date input takes several Tab presses
    (day, month, year) but is one control. Every stop is checked for a visible focus indicator.
    """
    first.focus()
    visited = [focused(page)]
    assert_focus_visible(page)
    for _ in range(limit):
        if len(visited) == stops:
            break
        page.keyboard.press("Tab")
        here = focused(page)
        assert_focus_visible(page)
        if here["key"] != visited[-1]["key"]:
            visited.append(here)
    return visited


def assert_tab_order(page, first, expected):
    """Tab from `first` visits exactly `expected` (ids, names or button texts), in reading order on the page."""
    visited = tab_order(page, first, len(expected))
    assert [stop["key"] for stop in visited] == expected
    for before, after in zip(visited, visited[1:]):
        # Reading order: further down the page, or on the same line (within a few pixels) further right.
        lower = after["top"] > before["top"] + ROW
        same_line_rightwards = abs(after["top"] - before["top"]) <= ROW and after["left"] > before["left"]
        assert lower or same_line_rightwards, f"focus goes back from {before} to {after}"


def assert_error_tied_to_field(page, field, message, *, follow_link=False):
    """An error as screen-reader users get it.

    `field` is the field's locator or its id. The error summary is an alert and links to the field with the
    message; the field is marked invalid; the field (or, for radios and checkboxes, its fieldset) is described
    by an element that holds the message and announces it as an error. With `follow_link`, clicking the
    summary's link puts the focus on the field (keyboard journeys follow it with the keyboard themselves).
    """
    if isinstance(field, str):
        field = page.locator(f"[id='{field}']")
    field_id = field.get_attribute("id")
    summary = page.locator(".error-summary")
    assert summary.get_attribute("role") == "alert" or summary.locator("[role=alert]").count()
    link = summary.locator(f"a[href='#{field_id}']")
    assert link.count() and message in link.first.inner_text(), f"no error summary link to #{field_id}"

    assert field.get_attribute("aria-invalid") == "true", f"#{field_id} is not marked aria-invalid"
    fieldset = field.locator("xpath=ancestor::fieldset[1]")
    described_by = (field.get_attribute("aria-describedby") or "").split()
    if fieldset.count():
        described_by += (fieldset.get_attribute("aria-describedby") or "").split()
    missing = [ref for ref in described_by if not page.locator(f"[id='{ref}']").count()]
    assert not missing, f"#{field_id} is described by elements that are not on the page: {missing}"
    texts = [page.locator(f"[id='{ref}']").inner_text() for ref in described_by]
    holders = [text for text in texts if message in text]
    assert holders, f"{message!r} not in the description of #{field_id}: {texts}"
    assert any(re.match(r"\s*Error:", text) for text in holders), f"the error on #{field_id} is not announced as one"

    if follow_link:
        link.first.click()
        assert page.evaluate("document.activeElement.id") == field_id
