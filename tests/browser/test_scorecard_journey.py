"""A board member, in a real browser: opens the performance scorecard, filters it to the exceptions, opens
one indicator's trend and downloads the scorecard; every page axe-clean at 1280 px and at 390 px wide.
"""

import io

from openpyxl import load_workbook

from portal.demo import DEMO_PASSWORD

PHONE_390 = {"width": 390, "height": 844}


def test_board_member_reads_the_scorecard_by_exception_and_downloads_it(journey, tmp_path):
    board = journey()
    board.sign_in("board.member@example.org", DEMO_PASSWORD)
    page = board.visit("/performance/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Leicester")
    shown_before = page.locator("#results").inner_text()
    exceptions = page.locator("#exceptions")
    assert exceptions.is_visible()  # the exceptions head the view
    board.check("scorecard")

    # Filter to exceptions only, by keyboard.
    box = page.get_by_label("Exceptions only (Red, or worsening two periods running)")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    with page.expect_navigation():
        page.get_by_role("button", name="Show the scorecard").click()
    board.check("exceptions-only")
    shown = page.locator("#results").inner_text()
    assert shown != shown_before and shown.startswith("Showing ")
    cards = page.locator("article.indicator-card")
    assert cards.count() >= 1
    assert cards.count() == page.locator("article.indicator-card .exception-flag").count()  # only exceptions
    for text in cards.first.locator(".tag").all_inner_texts():
        assert text in {"Red", "Amber", "Green", "Not rated"}  # RAG in words

    # The trend figures open from the keyboard on the card, then the indicator's own page.
    cards.first.locator("summary").focus()
    page.keyboard.press("Enter")
    assert cards.first.locator(".trend-table").is_visible()
    link = cards.first.locator("h3 a")
    name = link.inner_text()
    with page.expect_navigation():
        link.click()
    board.check("indicator")
    assert name in page.get_by_role("heading", level=1).inner_text()
    assert page.locator("svg.chart title").count() == 1 and page.locator("table.history-table tbody tr").count() >= 4

    # Back to the filtered scorecard, and download it.
    page.go_back()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the scorecard (xlsx)").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name.endswith(".xlsx") and "scorecard" in path.name
    sheet = load_workbook(io.BytesIO(path.read_bytes())).active
    assert "performance scorecard" in sheet["A1"].value
    assert sheet.freeze_panes == "C5"

    # The same pages on a phone.
    phone = journey(viewport=PHONE_390)
    phone.sign_in("board.member@example.org", DEMO_PASSWORD)
    small = phone.visit("/performance/?exceptions=on")
    phone.check("phone-exceptions")
    assert small.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the screen
    phone.visit(small.locator("article.indicator-card h3 a").first.get_attribute("href"))
    phone.check("phone-indicator")
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 390
