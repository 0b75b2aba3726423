"""The LA sets partnerships up (locality, chair, members); the chair records the year's priorities."""

import re

import pytest

from localities.models import LocalityPartnership, Priority, QuarterlyReport
from portal.models import Locality


def test_the_la_creates_a_partnership_with_its_chair_and_members(
    north, school, chair, school_lead, client_for, la_officer
):
    response = client_for(la_officer).post(
        "/localities/new/",
        {
            "locality": north.pk,
            "chair": chair.pk,
            "purpose": "Early help in the north.",
            "member_organisations": [school.pk],
            "member_people": [school_lead.pk],
        },
    )
    assert response.status_code == 302 and response["Location"] == "/localities/north/"
    partnership = LocalityPartnership.objects.get()
    assert (partnership.locality, partnership.chair) == (north, chair)
    assert list(partnership.member_organisations.all()) == [school]
    assert list(partnership.member_people.all()) == [school_lead]


def test_a_locality_has_one_partnership_only(north_partnership, south, client_for, la_officer):
    content = client_for(la_officer).get("/localities/new/").content.decode()
    offered = re.search(r'<select name="locality".*?</select>', content, re.S).group(0)
    assert ">South<" in offered and ">North<" not in offered
    response = client_for(la_officer).post("/localities/new/", {"locality": north_partnership.locality.pk})
    assert response.status_code == 200 and 'href="#id_locality"' in response.content.decode()
    assert LocalityPartnership.objects.count() == 1


def test_a_bad_chair_is_shown_by_the_field(south, client_for, la_officer):
    response = client_for(la_officer).post("/localities/new/", {"locality": south.pk, "chair": "999999"})
    content = response.content.decode()
    assert response.status_code == 200 and 'href="#id_chair"' in content
    assert not LocalityPartnership.objects.exists()


def test_the_la_changes_the_chair_and_a_stale_change_is_refused(
    north_partnership, other_chair, client_for, la_officer, admin_user
):
    url = "/localities/north/settings/"
    assert client_for(la_officer).post(url, {"chair": other_chair.pk, "version": 1}).status_code == 302
    north_partnership.refresh_from_db()
    assert north_partnership.chair == other_chair
    response = client_for(admin_user).post(url, {"chair": "", "version": 1})
    assert "Someone else saved changes" in response.content.decode()
    north_partnership.refresh_from_db()
    assert north_partnership.chair == other_chair


def test_a_chair_loses_their_powers_with_the_chair(north_partnership, other_chair, chair, client_for, la_officer):
    client_for(la_officer).post("/localities/north/settings/", {"chair": other_chair.pk, "version": 1})
    assert client_for(chair).get("/localities/north/priorities/new/").status_code == 404


def test_the_chair_adds_a_priority_for_the_year(north_partnership, client_for, chair, this_quarter):
    response = client_for(chair).post(
        f"/localities/north/priorities/new/?year={this_quarter.year_label}",
        {"title": "Adolescent mental health", "target": "Support before CAMHS."},
    )
    assert response.status_code == 302
    assert Priority.objects.get().year == this_quarter.start_year
    content = client_for(chair).get(response["Location"]).content.decode()
    assert "Adolescent mental health" in content and "Support before CAMHS." in content


def test_a_priority_needs_a_title_and_a_target(north_partnership, client_for, chair):
    response = client_for(chair).post("/localities/north/priorities/new/", {"title": "", "target": "Kept"})
    content = response.content.decode()
    assert 'href="#id_title"' in content and "Kept" in content
    assert not Priority.objects.exists()


def test_an_unknown_locality_is_a_404(client_for, la_officer, db):
    assert client_for(la_officer).get("/localities/nowhere/").status_code == 404
    assert client_for(la_officer).get("/localities/nowhere/settings/").status_code == 404


@pytest.mark.parametrize("quarter", ["2001-q1", "2050-q1"])
def test_no_draft_is_started_for_a_quarter_long_past_or_not_begun(quarter, north_partnership, client_for, la_officer):
    assert client_for(la_officer).get(f"/localities/north/reports/{quarter}/").status_code == 404
    assert not QuarterlyReport.objects.exists()


def test_the_index_lists_every_partnership_for_the_board(
    north_partnership, south_partnership, client_for, board_member
):
    content = client_for(board_member).get("/localities/").content.decode()
    assert "North" in content and "South" in content and "Add a locality partnership" not in content
    assert Locality.objects.count() == 2


def test_a_partnership_without_a_chair_says_so(north, client_for, la_officer):
    from testdata.localities import make_partnership

    make_partnership(north)
    content = client_for(la_officer).get("/localities/north/").content.decode()
    assert "<dt>Chair</dt><dd>Not given</dd>" in content
    assert "<dt>Members</dt><dd>None yet</dd>" in content
