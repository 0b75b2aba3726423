"""Role x view matrix for every maturity page: the right content, or 403/404, never 500, never hidden data."""

import pytest

from maturity.models import Framework
from testdata.people import ROLES

PARTNERS = ["school_lead", "school_editor", "other_school_lead", "agency_lead", "agency_editor"]


def _expect(everyone=200, la=None, board=None, partners=None, no_role=None, admin=None):
    """Expected status by role; each group defaults to the previous, broader one."""
    la = everyone if la is None else la
    admin = la if admin is None else admin
    board = everyone if board is None else board
    partners = everyone if partners is None else partners
    no_role = partners if no_role is None else no_role
    table = {"admin": admin, "la_officer": la, "board_member": board, "no_role": no_role}
    table.update({role: partners for role in PARTNERS})
    return table


# view name -> (url template, expected status by role, text that a 200 must show)
VIEWS = {
    "index": ("/maturity/", _expect(200, no_role=403), "Maturity self-assessment"),
    "draft": ("/maturity/rounds/{draft}/", _expect(404, la=200), "Draft round 2026"),
    "submitted": ("/maturity/rounds/{submitted}/", _expect(404, la=200, board=200), "Second round 2019"),
    "signed_off": ("/maturity/rounds/{signed_off}/", _expect(200, no_role=404), "Baseline 2017"),
    "edit": ("/maturity/rounds/{draft}/edit/", _expect(403, la=200), "Round details"),
    "strand": ("/maturity/rounds/{draft}/strands/strategy/", _expect(403, la=200), "Agreed rating"),
    "action": ("/maturity/rounds/{draft}/actions/new/", _expect(403, la=200), "Add a recommendation"),
    "contribute": ("/maturity/rounds/{draft}/contribute/", _expect(200, no_role=404), "Give your views"),
    "submit": ("/maturity/rounds/{draft}/submit/", _expect(403, la=200), "Check the ratings"),
    "review": ("/maturity/rounds/{submitted}/review/", _expect(403, la=200, board=200), "Return to draft"),
    "export": ("/maturity/rounds/{signed_off}/export.xlsx", _expect(200, no_role=404), None),
    "export_draft": ("/maturity/rounds/{draft}/export.xlsx", _expect(404, la=200), None),
    "compare": ("/maturity/compare/", _expect(200, no_role=403), "Compare rounds"),
    "print": ("/maturity/compare/print/", _expect(200, no_role=403), "comparison of rounds"),
    "compare_export": ("/maturity/compare/export.xlsx", _expect(200, no_role=403), None),
    "frameworks": ("/frameworks/maturity/", _expect(403, la=200, board=200), "Maturity model"),
    "framework": ("/frameworks/maturity/{stmm}/", _expect(403, la=200, board=200), "Workforce development"),
    "load": ("/frameworks/maturity/upload/", _expect(403, admin=200), "Load a maturity model file"),
    "create": ("/maturity/rounds/new/", _expect(403, la=200), "Start a new round"),
}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_role_view_matrix(client_for, everyone, rounds, view):
    """Every role on one view (one test per view keeps the fixtures' cost down)."""
    template, expected, text = VIEWS[view]
    ids = {status: r.pk for status, r in rounds.items()} | {"stmm": Framework.objects.get(slug="stmm").pk}
    url = template.format(**ids)
    for role in ROLES:
        response = client_for(everyone[role]).get(url)
        if role == "anonymous":
            assert response.status_code == 302, view
            assert response["Location"].startswith("/accounts/login/"), view
            continue
        assert response.status_code == expected[role], (role, view)
        if response.status_code == 200:
            if text is None:
                assert response["Content-Type"].startswith("application/vnd.openxmlformats"), (role, view)
            else:
                assert text in response.content.decode(), (role, view)


# Which round titles each role's lists and comparisons show (never more).
SHOWN = {
    "la_officer": {"Baseline 2017", "Second round 2019", "Draft round 2026"},
    "board_member": {"Baseline 2017", "Second round 2019"},
    "school_lead": {"Baseline 2017"},
    "agency_editor": {"Baseline 2017"},
}
ALL_TITLES = SHOWN["la_officer"]


@pytest.mark.parametrize("url", ["/maturity/", "/maturity/compare/", "/maturity/compare/print/"])
def test_lists_and_comparisons_show_only_readable_rounds(client_for, everyone, rounds, url):
    for role, titles in SHOWN.items():
        page = client_for(everyone[role]).get(url).content.decode()
        shown = set(titles)
        if url == "/maturity/":
            shown.add("Draft round 2026")  # open to contributors: listed as a request for views (below)
        for title in ALL_TITLES:
            assert (title in page) is (title in shown), (role, title)


def test_partners_see_open_rounds_only_as_a_request_for_views(client_for, school_lead, rounds):
    page = client_for(school_lead).get("/maturity/").content.decode()
    assert f"/maturity/rounds/{rounds['draft'].pk}/contribute/" in page
    assert "Give your views" in page
    assert f'href="/maturity/rounds/{rounds["draft"].pk}/"' not in page


def test_contributors_comments_are_shown_only_to_the_la_and_the_board(client_for, everyone, rounds, add_view):
    round_ = rounds["signed_off"]
    add_view(round_, everyone["agency_lead"], "culture", "Maturing", "Team Around the Family meetings are routine.")
    for role, shown in [("la_officer", True), ("board_member", True), ("school_lead", False), ("agency_lead", False)]:
        page = client_for(everyone[role]).get(f"/maturity/rounds/{round_.pk}/").content.decode()
        assert ("Team Around the Family meetings are routine." in page) is shown, role
        assert "Maturing: 1" in page  # the distribution is for everyone who can read the round


def test_posts_are_refused_to_people_without_the_role(client_for, everyone, rounds):
    draft, submitted = rounds["draft"], rounds["submitted"]
    posts = [
        (f"/maturity/rounds/{draft.pk}/edit/", {"title": "Hijacked"}),
        (f"/maturity/rounds/{draft.pk}/submit/", {"version": draft.version}),
        (f"/maturity/rounds/{draft.pk}/contributors/", {"version": draft.version}),
        (f"/maturity/rounds/{submitted.pk}/review/", {"sign-version": submitted.version, "sign-confirm": "on"}),
    ]
    for role in ["school_lead", "agency_editor", "no_role"]:
        for url, data in posts:
            assert client_for(everyone[role]).post(url, data).status_code == 403, (role, url)
    la = client_for(everyone["la_officer"])
    assert (
        la.post(
            f"/maturity/rounds/{submitted.pk}/review/", {"sign-version": submitted.version, "sign-confirm": "on"}
        ).status_code
        == 403
    )
    draft.refresh_from_db()
    submitted.refresh_from_db()
    assert (draft.title, draft.status, submitted.status) == ("Draft round 2026", "draft", "submitted")


def test_foreign_ids_are_404_not_500(client_for, la_officer, rounds):
    client = client_for(la_officer)
    draft = rounds["draft"]
    other_item_round = rounds["submitted"]
    item = other_item_round.action_items.create(number=1, recommendation="x", responsible_lead="y")
    for url in [
        "/maturity/rounds/999999/",
        f"/maturity/rounds/{draft.pk}/strands/no-such-strand/",
        f"/maturity/rounds/{draft.pk}/actions/{item.pk}/",
        "/frameworks/maturity/999999/",
        "/maturity/rounds/new/?from=999999",
    ]:
        assert client.get(url).status_code == 404, url
