"""Checks on a form as a keyboard or screen-reader user meets it, for the browser journeys.

Kept apart from conftest.py so journeys written in parallel can share them without editing one file.
"""

# What the person sees as focus: the portal draws it with an outline, a box-shadow or both.
FOCUS_STYLE = """() => {
  const style = getComputedStyle(document.activeElement);
  return {outline: style.outlineStyle, outlineWidth: style.outlineWidth, outlineColor: style.outlineColor,
          shadow: style.boxShadow, id: document.activeElement.id};
}"""

# Where the focused control is on the screen and what it is called (its id, else its name, else its text).
FOCUSED = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  return {key: el.id || el.getAttribute('name') || el.textContent.trim(), top: box.top + window.scrollY,
          left: box.left + window.scrollX};
}"""


ROW = 12  # px: controls whose tops differ by less are on one line (a button beside its Cancel link)


def assert_focus_visible(page):
    """The focused element shows a focus indicator (WCAG 2.4.7): a real outline or a box-shadow.

    A transparent outline (kept for Windows high-contrast mode, where the box-shadow does not show) does
    not count: something else must show the focus.
    """
    style = page.evaluate(FOCUS_STYLE)
    outlined = (
        style["outline"] != "none" and style["outlineWidth"] != "0px" and style["outlineColor"] != "rgba(0, 0, 0, 0)"
    )
    assert outlined or style["shadow"] != "none", f"no visible focus on #{style['id']}: {style}"


def tab_order(page, first, stops, *, limit=30):
    """Focus `first` (a locator), then press Tab until `stops` different controls have had focus.

    Returns each control once, in order, with its position. A native date input takes several Tab
    presses (day, month, year) but is one control. Every stop is checked for a visible focus indicator.
    """
    first.focus()
    visited = [page.evaluate(FOCUSED)]
    assert_focus_visible(page)
    for _ in range(limit):
        if len(visited) == stops:
            break
        page.keyboard.press("Tab")
        here = page.evaluate(FOCUSED)
        assert_focus_visible(page)
        if here["key"] != visited[-1]["key"]:
            visited.append(here)
    return visited


def assert_tab_order(page, first, expected):
    """Tab from `first` visits exactly `expected` (ids, names or button texts), top to bottom on the page."""
    visited = tab_order(page, first, len(expected))
    assert [stop["key"] for stop in visited] == expected
    for before, after in zip(visited, visited[1:]):
        # Reading order: further down the page, or on the same line (within a few pixels) further right.
        lower = after["top"] > before["top"] + ROW
        same_line_rightwards = abs(after["top"] - before["top"]) <= ROW and after["left"] > before["left"]
        assert lower or same_line_rightwards, f"focus goes back from {before} to {after}"


def assert_error_tied_to_field(page, field_id, message, *, fieldset=False):
    """An error is announced and tied to its field.

    - the error summary is an alert and links to the field, with the message as the link text;
    - the field says it is invalid (aria-invalid) and is described by the element holding the message
      (for radios and checkbox lists, their fieldset is described and each choice is invalid);
    - following the summary's link puts focus on the field.
    """
    summary = page.locator(".error-summary")
    assert summary.get_attribute("role") == "alert"
    link = summary.locator(f'a[href="#{field_id}"]')
    assert link.count() == 1, f"the error summary does not link to #{field_id}"
    assert message in link.inner_text()

    field = page.locator(f"#{field_id}")
    assert field.get_attribute("aria-invalid") == "true"
    described = page.locator(f"#{field_id}").locator("xpath=ancestor::fieldset[1]") if fieldset else field
    describedby = (described.get_attribute("aria-describedby") or "").split()
    holders = [page.locator(f"#{ident}") for ident in describedby]
    texts = [holder.text_content() for holder in holders if holder.count() == 1]
    assert any(message in text for text in texts), f"#{field_id} is described by {describedby}: {texts}"
    assert any(text.strip().startswith("Error:") for text in texts), "the error is not announced as an error"

    link.click()
    assert page.evaluate("document.activeElement.id") == field_id
