"""The pages, used the way people use them: the issue's 'done when' from end to end, bad input, stale pages
and read-only rounds."""

import io
import json
import re
from datetime import date

import openpyxl
import pytest

from maturity.framework_kind import MaturityFramework
from maturity.models import ActionItem, ContributorRating, Round
from maturity.rules import Status
from portal import frameworks
from portal.concurrency import STALE_EDIT_MESSAGE

EXAMPLES_DIR = MaturityFramework.examples
KIND = frameworks.kind("maturity")


def _rating_post(version, rating="", **fields):
    return {
        "rating": rating,
        "evidence": "",
        "strengths": "",
        "areas_for_development": "",
        "version": version,
        **fields,
    }


def _contribution(round_, ratings):
    """POST data for the contribute page: {strand key: (rating code, comment)}; other strands left blank."""
    data = {}
    for strand in round_.framework.strands.all():
        code, comment = ratings.get(strand.key, ("0", ""))
        data[f"strand-{strand.pk}-rating"] = code
        data[f"strand-{strand.pk}-comment"] = comment
    return data


def test_la_builds_a_round_partners_contribute_and_the_board_compares_signs_off_and_exports(
    client_for, la_officer, board_member, school_lead, agency_editor, rounds, stmm
):
    officer = client_for(la_officer)
    previous = rounds["submitted"]
    previous.status = Status.SIGNED_OFF
    previous.save()

    # The officer starts a round from the previous one.
    response = officer.post(
        f"/maturity/rounds/new/?from={previous.pk}",
        {
            "framework": stmm.pk,
            "title": "Self-assessment 2027",
            "period_start": "2027-01-04",
            "period_end": "2027-02-26",
        },
    )
    new = Round.objects.get(title="Self-assessment 2027")
    assert response["Location"] == f"/maturity/rounds/{new.pk}/"
    assert new.started_from == previous

    # Details: methods and who contributed.
    officer.post(
        f"/maturity/rounds/{new.pk}/edit/",
        {
            "title": "Self-assessment 2027",
            "period_start": "2027-01-04",
            "period_end": "2027-02-26",
            "methods": ["focus_groups", "surveys"],
            "groups": ["families"],
            "count_frontline": "35",
            "summary": "Strong progress on strategy.",
            "version": new.version,
        },
    )
    # Open it to contributors; two partners give their views.
    new.refresh_from_db()
    officer.post(f"/maturity/rounds/{new.pk}/contributors/", {"version": new.version, "open": "yes"})
    new.refresh_from_db()
    assert new.open_to_contributors
    for user, comment in [(school_lead, "Schools lead more assessments."), (agency_editor, "")]:
        response = client_for(user).post(
            f"/maturity/rounds/{new.pk}/contribute/", _contribution(new, {"strategy": ("8", comment)})
        )
        assert response["Location"] == "/maturity/"
    assert ContributorRating.objects.filter(round=new).count() == 2

    # The officer sees the distribution and comments while rating the strand, and rates it.
    strand_page = officer.get(f"/maturity/rounds/{new.pk}/strands/strategy/").content.decode()
    assert "Mature: 2" in strand_page and "Schools lead more assessments." in strand_page
    rating = new.ratings.get(strand__key="strategy")
    officer.post(
        f"/maturity/rounds/{new.pk}/strands/strategy/",
        _rating_post(rating.version, "7", evidence="Commissioning strategy agreed by all partners."),
    )
    page = officer.get(f"/maturity/rounds/{new.pk}/").content.decode()
    assert "Maturing/Mature" in page and "Commissioning strategy agreed by all partners." in page
    assert "Up half a level" in page  # Maturing in the previous round
    assert "35" in page and "Families" in page and "Focus groups, Surveys" in page

    # Submit to the board: closes it to contributors.
    new.refresh_from_db()
    response = officer.post(f"/maturity/rounds/{new.pk}/submit/", {"version": new.version})
    new.refresh_from_db()
    assert (new.status, new.open_to_contributors, new.submitted_by) == (Status.SUBMITTED, False, la_officer)

    # The board compares it with the previous round.
    board = client_for(board_member)
    compare = board.get(f"/maturity/compare/?framework=stmm&round={previous.pk}&round={new.pk}").content.decode()
    assert "Movement January 2019 to February 2027" in compare
    assert '<span class="movement__arrow" aria-hidden="true">↑</span> Up half a level' in compare
    assert 'role="img"' in compare and "Strategy: rating in each round" in compare
    assert "September 2017</th>" not in compare  # only the rounds chosen

    # Sign-off needs the confirmation, then records who and when and locks the round.
    review = f"/maturity/rounds/{new.pk}/review/"
    page = board.post(review, {"sign-version": new.version, "sign-note": "March board"}).content.decode()
    assert "<title>Error: Review" in page and "Confirm that the board has reviewed" in page
    board.post(review, {"sign-version": new.version, "sign-confirm": "on", "sign-note": "March board"})
    new.refresh_from_db()
    assert (new.status, new.signed_off_by, new.sign_off_note) == (Status.SIGNED_OFF, board_member, "March board")
    detail = board.get(f"/maturity/rounds/{new.pk}/").content.decode()
    assert f"Signed off by {board_member} on {new.signed_off_at:%-d %B %Y}" in detail

    # The board exports the comparison.
    response = board.get(f"/maturity/compare/export.xlsx?framework=stmm&round={previous.pk}&round={new.pk}")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Comparison"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["Strategy"][2:] == ("Maturing", "↑ Up half a level", "Maturing/Mature")


def test_a_new_round_with_bad_dates_keeps_what_was_typed(client_for, la_officer, stmm):
    response = client_for(la_officer).post(
        "/maturity/rounds/new/",
        {"framework": stmm.pk, "title": "My round", "period_start": "2026-03-01", "period_end": "2026-02-01"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Start a new round" in page
    assert "The assessment must finish on or after the day it started." in page
    assert 'value="My round"' in page
    assert not Round.objects.filter(title="My round").exists()


def test_a_bad_rating_is_refused_next_to_the_field_keeping_the_evidence(client_for, la_officer, rounds):
    round_ = rounds["draft"]
    rating = round_.ratings.get(strand__key="culture")
    response = client_for(la_officer).post(
        f"/maturity/rounds/{round_.pk}/strands/culture/", _rating_post(rating.version, "9", evidence="Typed evidence")
    )
    page = response.content.decode()
    assert "<title>Error: Rate Culture" in page
    assert "Select a valid choice. 9 is not one of the available choices." in page
    assert "Typed evidence" in page
    rating.refresh_from_db()
    assert (rating.rating, rating.evidence) == (0, "")


def test_a_stale_strand_edit_is_refused_keeping_the_input(client_for, la_officer, admin_user, rounds):
    round_ = rounds["draft"]
    rating = round_.ratings.get(strand__key="culture")
    url = f"/maturity/rounds/{round_.pk}/strands/culture/"
    client_for(admin_user).post(url, _rating_post(rating.version, "4", evidence="First"))
    page = client_for(la_officer).post(url, _rating_post(rating.version, "6", evidence="Second")).content.decode()
    assert "Someone else saved changes to this record" in page and "Second" in page
    assert STALE_EDIT_MESSAGE.split(":")[0] in page
    rating.refresh_from_db()
    assert (rating.rating, rating.evidence) == (4, "First")


def test_a_stale_sign_off_is_refused(client_for, board_member, la_officer, rounds):
    round_ = rounds["submitted"]
    seen = round_.version
    officer = client_for(la_officer)
    officer.post(f"/maturity/rounds/{round_.pk}/review/", {"return-version": seen, "return-reason": "Typo"})
    round_.refresh_from_db()
    officer.post(f"/maturity/rounds/{round_.pk}/submit/", {"version": round_.version})
    response = client_for(board_member).post(
        f"/maturity/rounds/{round_.pk}/review/", {"sign-version": seen, "sign-confirm": "on"}, follow=True
    )
    assert "This round changed after you opened the page, so nothing was done." in response.content.decode()
    round_.refresh_from_db()
    assert round_.status == Status.SUBMITTED


def test_the_board_returns_a_round_with_a_reason_the_la_then_sees(client_for, board_member, la_officer, rounds):
    round_ = rounds["submitted"]
    board = client_for(board_member)
    page = board.post(f"/maturity/rounds/{round_.pk}/review/", {"return-version": round_.version}).content.decode()
    assert "Say what needs to change" in page
    board.post(
        f"/maturity/rounds/{round_.pk}/review/",
        {"return-version": round_.version, "return-reason": "Add the families' survey."},
    )
    round_.refresh_from_db()
    assert round_.status == Status.DRAFT
    page = client_for(la_officer).get(f"/maturity/rounds/{round_.pk}/").content.decode()
    assert "Returned by the board:" in page and "Add the families&#x27; survey." in page
    assert board.get(f"/maturity/rounds/{round_.pk}/").status_code == 404  # a draft again: the board no longer sees it


@pytest.mark.parametrize(
    "url, data",
    [
        ("edit/", {"title": "Changed", "period_start": "2017-09-01", "period_end": "2017-09-30"}),
        ("strands/strategy/", {"rating": "8"}),
        ("actions/new/", {"number": "5", "recommendation": "x", "responsible_lead": "y", "status": "not_started"}),
        ("contributors/", {"open": "yes"}),
        ("submit/", {}),
    ],
)
def test_edits_to_a_signed_off_round_are_refused_with_a_message(client_for, la_officer, rounds, url, data):
    round_ = rounds["signed_off"]
    data = {**data, "version": round_.version}
    client = client_for(la_officer)
    for method in ("get", "post"):
        if method == "get" and url == "contributors/":
            continue
        response = getattr(client, method)(f"/maturity/rounds/{round_.pk}/{url}", data, follow=True)
        page = response.content.decode()
        assert response.redirect_chain[-1][0] == f"/maturity/rounds/{round_.pk}/", (method, url)
        assert "This round was signed off by" in page or "This round is signed off, so it cannot be" in page
    round_.refresh_from_db()
    assert (round_.title, round_.open_to_contributors, round_.status) == ("Baseline 2017", False, Status.SIGNED_OFF)
    assert round_.ratings.get(strand__key="strategy").rating == 2
    assert not round_.action_items.exists()


def test_a_signed_off_round_page_offers_no_edits(client_for, la_officer, rounds):
    round_ = rounds["signed_off"]
    page = client_for(la_officer).get(f"/maturity/rounds/{round_.pk}/").content.decode()
    assert "This round is read-only." in page
    assert "Edit round details" not in page and "Rate and record evidence" not in page
    assert f"/maturity/rounds/new/?from={round_.pk}" in page  # but the next round can start from it


def test_a_contributor_with_a_too_long_comment_keeps_everything_typed(client_for, school_lead, rounds):
    round_ = rounds["draft"]
    data = _contribution(round_, {"strategy": ("6", "x" * 2001), "culture": ("4", "Kept comment")})
    page = client_for(school_lead).post(f"/maturity/rounds/{round_.pk}/contribute/", data).content.decode()
    assert "<title>Error: Give your views" in page
    assert "Strategy: Keep your comment to 2,000 characters or fewer (it has 2,001)." in page
    assert "Kept comment" in page
    assert not ContributorRating.objects.exists()


def test_a_contributor_changes_and_clears_their_views(client_for, school_lead, rounds):
    round_ = rounds["draft"]
    client = client_for(school_lead)
    url = f"/maturity/rounds/{round_.pk}/contribute/"
    client.post(url, _contribution(round_, {"strategy": ("6", "First view"), "culture": ("4", "")}))
    views = {v.strand.key: v for v in ContributorRating.objects.filter(contributor=school_lead)}
    assert {k: (v.rating, v.comment) for k, v in views.items()} == {"strategy": (6, "First view"), "culture": (4, "")}
    data = _contribution(round_, {"strategy": ("7", "Changed my mind")})
    data.update({f"strand-{v.strand_id}-version": v.version for v in views.values()})
    client.post(url, data)
    assert [(v.strand.key, v.rating, v.comment) for v in ContributorRating.objects.filter(contributor=school_lead)] == [
        ("strategy", 7, "Changed my mind")
    ]
    page = client.get(url).content.decode()
    assert "Changed my mind" in page


def test_a_contributor_saving_from_a_stale_window_is_told(client_for, school_lead, rounds):
    round_ = rounds["draft"]
    client = client_for(school_lead)
    url = f"/maturity/rounds/{round_.pk}/contribute/"
    client.post(url, _contribution(round_, {"strategy": ("6", "From window one")}))
    page = client.post(url, _contribution(round_, {"strategy": ("4", "From window two")})).content.decode()
    assert "Someone else saved changes to this record" in page and "From window two" in page
    assert ContributorRating.objects.get(contributor=school_lead).comment == "From window one"


def test_closed_rounds_take_no_views(client_for, school_lead, la_officer, rounds):
    round_ = rounds["draft"]
    client_for(la_officer).post(f"/maturity/rounds/{round_.pk}/contributors/", {"version": round_.version})
    round_.refresh_from_db()
    assert not round_.open_to_contributors
    response = client_for(school_lead).post(
        f"/maturity/rounds/{round_.pk}/contribute/", _contribution(round_, {"strategy": ("6", "Late")})
    )
    assert response.status_code == 404
    assert not ContributorRating.objects.exists()


def test_action_plan_items_are_added_changed_and_removed(client_for, la_officer, rounds, stmm):
    round_ = rounds["draft"]
    client = client_for(la_officer)
    form_page = client.get(f"/maturity/rounds/{round_.pk}/actions/new/").content.decode()
    assert 'name="number" value="1"' in form_page
    client.post(
        f"/maturity/rounds/{round_.pk}/actions/new/",
        {
            "number": "1",
            "recommendation": "Expand support to schools.",
            "action": "Bespoke programme",
            "responsible_lead": "Director of Social Care and Early Help",
            "due_date": "31/03/2027",
            "status": "in_progress",
            "strand": stmm.strands.get(key="workforce-development").pk,
        },
    )
    item = ActionItem.objects.get(round=round_)
    assert (item.due_date, item.status, item.strand.key) == (date(2027, 3, 31), "in_progress", "workforce-development")
    page = client.post(
        f"/maturity/rounds/{round_.pk}/actions/new/",
        {"number": "1", "recommendation": "Another", "responsible_lead": "EHSPB", "status": "not_started"},
    ).content.decode()
    assert "Recommendation 1 already exists in this round" in page and "Another" in page
    client.post(
        f"/maturity/rounds/{round_.pk}/actions/{item.pk}/",
        {
            "number": "1",
            "recommendation": "Expand support to schools.",
            "responsible_lead": "EHSPB",
            "status": "completed",
            "version": item.version,
        },
    )
    item.refresh_from_db()
    assert (item.status, item.responsible_lead) == ("completed", "EHSPB")
    client.post(f"/maturity/rounds/{round_.pk}/actions/{item.pk}/delete/")
    assert not ActionItem.objects.filter(round=round_).exists()


def test_overdue_open_actions_are_flagged_in_a_draft(client_for, la_officer, rounds):
    round_ = rounds["draft"]
    round_.action_items.create(number=1, recommendation="Late one", responsible_lead="EHSPB", due_date=date(2020, 1, 1))
    round_.action_items.create(
        number=2, recommendation="Done one", responsible_lead="EHSPB", due_date=date(2020, 1, 1), status="completed"
    )
    page = client_for(la_officer).get(f"/maturity/rounds/{round_.pk}/").content.decode()
    assert page.count(">Overdue<") == 1


def test_submitting_a_round_with_no_ratings_explains_why_not(client_for, la_officer, make_round):
    round_ = make_round("Nothing rated")
    client = client_for(la_officer)
    page = client.get(f"/maturity/rounds/{round_.pk}/submit/").content.decode()
    assert "This round is not ready" in page and "Rate at least one strand" in page
    response = client.post(f"/maturity/rounds/{round_.pk}/submit/", {"version": round_.version}, follow=True)
    assert "Rate at least one strand before submitting" in response.content.decode()
    round_.refresh_from_db()
    assert round_.status == Status.DRAFT


def test_the_printable_comparison_has_the_table_charts_and_sign_off(client_for, board_member, rounds):
    page = client_for(board_member).get("/maturity/compare/print/").content.decode()
    assert 'class="print-view"' in page
    assert "maturity/maturity.css" in page
    assert "Board Tester" in page  # who signed off the baseline
    assert page.count("<svg") == 6
    assert "Movement September 2017 to January 2019" in page


def test_a_new_round_suggests_the_newest_version_of_the_framework_in_use(client_for, la_officer, rounds, stmm):
    data = json.loads((EXAMPLES_DIR / "stmm.json").read_text())
    del data["version"]
    revision = frameworks.load(KIND, KIND.parse({**data, "description": "Revised"})).framework
    other = frameworks.load(KIND, KIND.read(EXAMPLES_DIR / "early-help-system-guide.json")).framework
    client = client_for(la_officer)

    def suggested(url):
        page = client.get(url).content.decode()
        return int(re.search(r'<option value="(\d+)" selected>', page).group(1))

    assert suggested("/maturity/rounds/new/") == revision.pk  # the latest round used the STMM
    assert suggested(f"/maturity/rounds/new/?from={rounds['signed_off'].pk}") == revision.pk
    options = re.findall(
        r'<option value="\d+"[^>]*>([^<]+)</option>', client.get("/maturity/rounds/new/").content.decode()
    )
    assert sorted(options) == sorted([f"{other.title}, version 1", f"{revision.title}, version 2"])
