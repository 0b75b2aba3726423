"""A strategic board member, in a real browser: the LA has submitted the 2026 maturity self-assessment; the
board member compares it with the last signed-off round, tries to sign it off without confirming, then
signs it off, and sees the sign-off recorded on the round and in the comparison.
"""

import re

from django.utils import timezone

from portal.demo import DEMO_PASSWORD
from tests.browser.forms_a11y import assert_error_tied_to_field, assert_focus_visible, assert_tab_order

ROUND_2026 = "Early Help self-assessment 2026"
# The LA's agreed ratings for 2026 (invented, like the demo's 2026 round), against January 2019's:
# Families Developing, Leadership Maturing, Strategy Maturing, Culture Maturing, Workforce Mature,
# Delivery structures Developing/Maturing.
RATINGS_2026 = {
    "families-experience": "Maturing",
    "leadership": "Maturing",
    "strategy": "Mature",
    "culture": "Mature",
    "workforce-development": "Mature",
    "delivery-structures": "Maturing",
}


def submit_the_2026_round():
    """Where the LA officer's part ends (docs/maturity.md: qa.officer rates the draft and submits it)."""
    from maturity import services
    from maturity.models import Round
    from maturity.rules import parse_rating
    from portal.models import User

    officer = User.objects.get(email="qa.officer@example.org")
    round_ = Round.objects.get(title=ROUND_2026)
    for rating in round_.ratings.select_related("strand"):
        rating.rating = parse_rating(RATINGS_2026[rating.strand.key], round_.framework.level_names)
        rating.evidence = "Partner survey and performance data, spring 2026."
        rating.updated_by = officer
        rating.save()
    round_.refresh_from_db()
    services.submit_round(round_, officer, round_.version)
    return round_


def comparison(page):
    """The ratings table: its column headings, and {strand: [cells after the scope]}."""
    table = page.locator("table", has=page.locator("caption", has_text="Self-assessment ratings by round"))
    headings = [text.strip() for text in table.locator("thead th").all_inner_texts()]
    rows = {}
    for row in table.locator("tbody tr").all():
        cells = [text.strip() for text in row.locator("th, td").all_inner_texts()]
        rows[cells[0]] = cells[2:]
    return headings[2:], rows


def test_board_member_compares_rounds_and_signs_one_off(journey):
    from maturity.models import Round

    round_ = submit_the_2026_round()
    board = journey()
    board.sign_in("board.member@example.org", DEMO_PASSWORD)
    page = board.page
    awaiting = page.get_by_role("region", name="Maturity rounds awaiting sign-off")
    assert ROUND_2026 in awaiting.inner_text() and "Submitted to the board" in awaiting.inner_text()
    board.screenshot("dashboard")

    # Compare the submitted round with January 2019 only.
    awaiting.get_by_role("link", name="Compare rounds").click()
    board.check()
    rounds = page.get_by_role("group", name="Rounds to compare")
    rounds.get_by_label("Service transformation self-assessment, September 2017 (baseline)").uncheck()
    assert rounds.get_by_label(ROUND_2026, exact=False).is_checked()
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/maturity/compare/?*round=*")
    board.check("compare-2019-2026")
    headings, rows = comparison(page)
    assert headings == ["January 2019", "Movement January 2019 to March 2026", "March 2026 (submitted to the board)"]
    assert rows["Strategy"] == ["Maturing", "↑ Up 1 level", "Mature"]
    assert rows["Leadership"] == ["Maturing", "→ Same", "Maturing"]
    assert rows["Delivery structures and processes"] == ["Developing/Maturing", "↑ Up half a level", "Maturing"]
    # The arrow is decoration; the words carry the movement.
    arrows = page.locator("table td .movement__arrow")
    assert arrows.count() >= 6
    assert {arrows.nth(n).get_attribute("aria-hidden") for n in range(arrows.count())} == {"true"}

    # The review: a sign-off without the confirmation first.
    page.get_by_role("link", name=f"Review and sign off {ROUND_2026}").click()
    board.check("review")
    assert page.get_by_role("heading", level=1).inner_text() == ROUND_2026
    sign_off = page.locator("section", has=page.get_by_role("heading", name="Sign off"))
    assert_tab_order(page, sign_off.get_by_role("checkbox"), ["id_sign-confirm", "id_sign-note", "Sign off this round"])
    note = "Agreed at the Early Help Strategic Partnership Board, with the action plan."
    sign_off.get_by_label("Note for the record").fill(note)
    sign_off.get_by_role("button", name="Sign off this round").click()
    page.wait_for_load_state()
    board.check("sign-off-error")
    assert page.title().startswith("Error:")
    assert_error_tied_to_field(
        page, "id_sign-confirm", "Confirm that the board has reviewed and agrees the self-assessment.", follow_link=True
    )
    assert_focus_visible(page)
    assert sign_off.get_by_label("Note for the record").input_value() == note
    assert Round.objects.get(pk=round_.pk).status == "submitted"

    sign_off.get_by_label("The board has reviewed this self-assessment and agrees the ratings and action plan").check()
    sign_off.get_by_role("button", name="Sign off this round").click()
    page.wait_for_url(re.compile(rf"/maturity/rounds/{round_.pk}/(#.*)?$"))  # the error link's fragment stays
    board.check("signed-off")
    assert page.get_by_role("status").inner_text() == "Round signed off. It is now read-only."
    signed = Round.objects.select_related("signed_off_by").get(pk=round_.pk)
    assert (signed.status, signed.signed_off_by.email, signed.sign_off_note) == (
        "signed_off",
        "board.member@example.org",
        note,
    )
    day = f"{timezone.localtime(signed.signed_off_at):%-d %B %Y}"
    assert f"Signed off by Bridget Kaur on {day}. This round is read-only." in page.locator(".inset-text").inner_text()
    details = page.locator(".summary-list").first.inner_text()
    assert "Bridget Kaur" in details and note in details
    assert page.get_by_role("link", name="Review and sign off").count() == 0

    # The comparison now shows it signed off, with who and when.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    board.check()
    assert "No rounds to review." in page.get_by_role("region", name="Maturity rounds awaiting sign-off").inner_text()
    page.get_by_role("link", name="Compare rounds").click()
    board.check("compare-after-sign-off")
    key = page.locator("table", has=page.locator("caption", has_text="The rounds compared, with their sign-off"))
    row = key.locator("tbody tr", has=page.get_by_role("link", name=ROUND_2026, exact=True))
    assert "Signed off" in row.inner_text() and f"Bridget Kaur, {day}" in row.inner_text()
