"""The plan's pages, rendered at each role: content, tables as cards on a phone, forms that validate and keep
what was typed, stale edits refused, bad input never a 500, and query counts that do not grow."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from strategy.models import Action, EvidenceLink, Plan, ProgressUpdate
from testdata.strategy import add_update, make_action, make_plan, make_recommendation


def _cells_are_labelled(html):
    """Every table is `table--cards` and each body cell names its column for a phone."""
    tables = re.findall(r"<table[^>]*>.*?</table>", html, re.S)
    assert tables
    for table in tables:
        assert "table--cards" in table.split(">")[0]
        for cell in re.findall(
            r"<t[dh](?![^>]*scope=\"col\")[^>]*>", re.search(r"<tbody>(.*)</tbody>", table, re.S).group(1)
        ):
            assert "data-label=" in cell, cell


@pytest.mark.parametrize("role", ["la_officer", "board_member"])
def test_the_plan_page_at_both_roles(role, everyone, plan, action, overdue_action, client_for, agency_lead):
    add_update(action, by=agency_lead, rag="amber", narrative="Twenty practitioners trained.")
    html = client_for(everyone[role]).get(f"/strategy/{plan.year}/").content.decode()
    assert "Strategy action plan 2026-27" in html
    assert "Support: S1. To target resources effectively" in html
    assert "What is our partnership response?" in html and "What future actions will we take?" in html
    assert "Embed Rickter Scale assessment model" in html and "Twenty practitioners trained." in html
    assert 'id="overdue"' in html and "Raise awareness of EH strategy" in html
    assert '<strong class="tag tag--rag-red"' in html  # the word with the colour
    _cells_are_labelled(html)
    manage_links = ["Add an action from a recommendation", "Write the partnership response"]
    if role == "la_officer":
        assert all(text in html for text in manage_links)
    else:
        assert not any(text in html for text in manage_links)
        assert "Download the plan (xlsx)" in html


@pytest.mark.parametrize("role", ["la_officer", "board_member", "agency_lead"])
def test_the_action_page_shows_its_history(role, everyone, action, client_for, agency_lead):
    add_update(action, by=agency_lead, rag="red", narrative="Licences delayed.", on=date(2026, 7, 1))
    EvidenceLink.objects.create(action=action, url="https://example.org/report", label="Training report")
    html = client_for(everyone[role]).get(f"/strategy/actions/{action.pk}/").content.decode()
    assert "Embed Rickter Scale assessment model" in html
    assert "Licences delayed." in html and "1 July 2026" in html
    assert 'href="https://example.org/report"' in html and "Training report" in html
    assert "Lead@Fag.Example Tester" in html or "Lead Tester" in html or agency_lead.get_full_name() in html
    _cells_are_labelled(html)
    assert ("Add a progress update" in html) is (role != "board_member")
    assert ("Edit the action" in html) is (role == "la_officer")


def test_the_lead_adds_an_update_that_changes_the_rag(action, agency_lead, client_for):
    client = client_for(agency_lead)
    page = client.get(f"/strategy/actions/{action.pk}/update/").content.decode()
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    response = client.post(
        f"/strategy/actions/{action.pk}/update/", {"rag": "green", "narrative": "All trained.", "version": version}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.rag == "green"
    update = action.updates.get()
    assert (update.written_by, update.rag_before, update.narrative) == (agency_lead, "amber", "All trained.")


def test_an_update_form_keeps_what_was_typed_and_names_the_problem(action, agency_lead, client_for):
    response = client_for(agency_lead).post(f"/strategy/actions/{action.pk}/update/", {"narrative": "Half done"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Choose a RAG rating." in html
    assert "Half done" in html
    assert ProgressUpdate.objects.count() == 0


def test_a_stale_update_is_refused_and_keeps_the_text(action, agency_lead, la_officer, client_for):
    stale = action.version
    add_update(action, by=la_officer, rag="red", narrative="Officer first.")
    response = client_for(agency_lead).post(
        f"/strategy/actions/{action.pk}/update/", {"rag": "green", "narrative": "Mine", "version": stale}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Someone else saved changes" in html and "Mine" in html
    assert Action.objects.get(pk=action.pk).rag == "red"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "not a link", "ftp://example.org/x"])
def test_evidence_links_are_validated(url, action, agency_lead, client_for):
    response = client_for(agency_lead).post(
        f"/strategy/actions/{action.pk}/evidence/", {"evidence-url": url, "evidence-label": "Report"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Enter a web address starting https://" in html
    assert 'value="Report"' in html
    assert not EvidenceLink.objects.exists()


def test_an_evidence_link_is_added(action, agency_lead, client_for):
    response = client_for(agency_lead).post(
        f"/strategy/actions/{action.pk}/evidence/",
        {"evidence-url": "https://example.org/r.pdf", "evidence-label": "Report"},
    )
    assert response.status_code == 302
    assert EvidenceLink.objects.get().added_by == agency_lead


def test_the_officer_starts_a_plan_from_last_years(plan, action, overdue_action, la_officer, client_for):
    client = client_for(la_officer)
    bad = client.post("/strategy/new/", {"year": "2027-29", "objective_set": plan.objective_set_id})
    assert "Enter a financial year like 2026-27." in bad.content.decode() and 'value="2027-29"' in bad.content.decode()
    response = client.post(
        "/strategy/new/", {"year": "2027-28", "objective_set": plan.objective_set_id, "start_from_previous": "on"}
    )
    assert response.status_code == 302
    new = Plan.objects.get(year="2027-28")
    assert new.started_from == plan and new.actions.count() == 2
    client.post(f"/strategy/{new.year}/carry-forward/")
    assert new.actions.count() == 2  # idempotent
    html = client.get(f"/strategy/{new.year}/").content.decode()
    assert "Carried forward from 2026-27" in html
    old = client.get(f"/strategy/actions/{action.pk}/").content.decode()
    assert "Carried forward to" in old and "the 2027-28 plan" in old


def test_an_action_left_without_a_lead_says_which_field_to_fill(plan, la_officer, client_for):
    html = client_for(la_officer).post(f"/strategy/{plan.year}/actions/new/", {"description": "Audit"}).content
    html = html.decode()
    assert "Choose the person who leads the action." in html
    assert "Choose the organisation that leads the action." in html
    assert "This field is required." not in html and "(optional) (optional)" not in html
    assert "Audit" in html


def test_the_officer_adds_and_edits_an_action(plan, la_officer, agency_lead, agency, school, client_for):
    client = client_for(la_officer)
    objective = plan.objective_set.objectives.order_by("order")[1]
    bad = client.post(
        f"/strategy/{plan.year}/actions/new/",
        {
            "objective": objective.pk,
            "description": "Audit referrals",
            "lead_user": agency_lead.pk,
            "lead_organisation": school.pk,
            "due_date-day": "31",
            "due_date-month": "2",
            "due_date-year": "2027",
        },
    )
    html = bad.content.decode()
    assert "does not belong to Oak Tree Primary School" in html and "Enter a real date." in html
    assert "Audit referrals" in html
    response = client.post(
        f"/strategy/{plan.year}/actions/new/",
        {
            "objective": objective.pk,
            "description": "Audit referrals",
            "lead_user": agency_lead.pk,
            "lead_organisation": agency.pk,
            "due_date-day": "28",
            "due_date-month": "2",
            "due_date-year": "2027",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(description="Audit referrals")
    assert (action.rag, action.due_date, action.lead_user) == ("not_started", date(2027, 2, 28), agency_lead)

    page = client.get(f"/strategy/actions/{action.pk}/edit/").content.decode()
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    Action.objects.filter(pk=action.pk).update(version=int(version) + 1)  # someone else saved meanwhile
    stale = client.post(
        f"/strategy/actions/{action.pk}/edit/",
        {
            "objective": objective.pk,
            "description": "Changed",
            "lead_user": agency_lead.pk,
            "lead_organisation": agency.pk,
            "due_date-day": "28",
            "due_date-month": "2",
            "due_date-year": "2027",
            "version": version,
        },
    )
    assert "Someone else saved changes" in stale.content.decode()
    assert Action.objects.get(pk=action.pk).description == "Audit referrals"


def test_the_officer_writes_a_response(plan, la_officer, client_for):
    objective = plan.objective_set.objectives.first()
    client = client_for(la_officer)
    client.post(f"/strategy/{plan.year}/objectives/{objective.pk}/response/", {"text": "Clinical Forums", "version": 0})
    assert plan.responses.get().text == "Clinical Forums"
    assert "Clinical Forums" in client.get(f"/strategy/{plan.year}/").content.decode()


def test_an_action_from_a_recommendation_shows_the_link(plan, la_officer, agency_lead, agency, client_for):
    item = make_recommendation()
    client = client_for(la_officer)
    form = client.get(f"/strategy/{plan.year}/actions/from-recommendation/").content.decode()
    assert "Self-assessment 2019: recommendation 1" in form
    response = client.post(
        f"/strategy/{plan.year}/actions/from-recommendation/",
        {
            "recommendation": item.pk,
            "objective": plan.objective_set.objectives.first().pk,
            "lead_user": agency_lead.pk,
            "lead_organisation": agency.pk,
            "due_date-day": "31",
            "due_date-month": "1",
            "due_date-year": "2027",
        },
    )
    assert response.status_code == 302, response.content.decode()
    action = Action.objects.get(recommendation=item)
    assert response.status_code == 302 and action.description == "Run quarterly multi-agency case-file audits of EHAs"
    html = client.get(f"/strategy/actions/{action.pk}/").content.decode()
    assert "Self-assessment 2019" in html and "recommendation 1" in html


@pytest.mark.parametrize(
    "url",
    [
        "/strategy/2026-99/",
        "/strategy/1999-00/",
        "/strategy/2026-27/objectives/999999/response/",
        "/strategy/2026-27/objectives/99999999999999999999999/response/",
        "/strategy/actions/999999/",
        "/strategy/2026-27/actions/new/?objective=abc",
        "/strategy/2026-27/actions/new/?objective=99999999999999999999999",
    ],
)
def test_bad_urls_are_never_a_500(url, plan, la_officer, client_for):
    assert client_for(la_officer).get(url).status_code in (200, 404)


def _grow(plan, n, lead, organisation):
    for i in range(n):
        action = make_action(
            plan,
            lead_user=lead,
            lead_organisation=organisation,
            due_date=timezone.localdate() - timedelta(days=i - 5),
            description=f"Action {i}",
        )
        add_update(action, by=lead, rag="amber", narrative=f"Update {i}")


@pytest.mark.parametrize("size", [3, 30])
def test_the_plan_page_does_not_grow_in_queries(
    size, plan, agency_lead, agency, board_member, client_for, django_assert_max_num_queries
):
    _grow(plan, size, agency_lead, agency)
    client = client_for(board_member)
    with django_assert_max_num_queries(16):
        assert client.get(f"/strategy/{plan.year}/").status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_the_overview_section_does_not_grow_in_queries(size, plan, agency_lead, agency, django_assert_max_num_queries):
    from portal.overview import OverviewScope
    from strategy.overview import action_plan

    _grow(plan, size, agency_lead, agency)
    with django_assert_max_num_queries(5):
        section = action_plan(OverviewScope(today=timezone.localdate()))
    assert section.figure("Actions in the plan").value == size


def test_the_export_downloads(plan, action, board_member, client_for):
    response = client_for(board_member).get(f"/strategy/{plan.year}/export.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="strategy-action-plan-2026-27.xlsx"'


def test_a_second_plan_is_listed(plan, la_officer, client_for):
    make_plan("2025-26")
    html = client_for(la_officer).get("/strategy/").content.decode()
    assert "2025-26" in html and "Open the 2026-27 plan" in html
    _cells_are_labelled(html)


def test_a_response_created_meanwhile_is_a_stale_edit(plan, la_officer, client_for):
    objective = plan.objective_set.objectives.first()
    url = f"/strategy/{plan.year}/objectives/{objective.pk}/response/"
    first, second = client_for(la_officer), client_for(la_officer)
    assert 'name="version" value="0"' in second.get(url).content.decode()
    first.post(url, {"text": "First", "version": 0})
    html = second.post(url, {"text": "Second", "version": 0}).content.decode()
    assert "Someone else saved changes" in html and "Second" in html
    assert plan.responses.get().text == "First"


JUNK = [
    {"objective": "abc", "lead_user": "99999999999999999999", "lead_organisation": "-1", "recommendation": "x"},
    {"description": "x" * 10, "due_date-day": "99", "due_date-month": "ab", "due_date-year": "20"},
    {"due_date": "not-a-date", "objective": ""},
    {"rag": "purple", "narrative": "\x00", "version": "abc"},
    {"evidence-url": "http://" + "a" * 600 + ".org", "evidence-label": "y" * 400},
    {"year": "<script>", "objective_set": "999999", "start_from_previous": "on"},
]


@pytest.mark.parametrize("payload", JUNK)
def test_junk_posted_to_every_form_is_never_a_500(payload, plan, action, la_officer, client_for):
    client = client_for(la_officer)
    objective = plan.objective_set.objectives.first()
    for url in [
        "/strategy/new/",
        f"/strategy/{plan.year}/actions/new/",
        f"/strategy/{plan.year}/actions/from-recommendation/",
        f"/strategy/{plan.year}/objectives/{objective.pk}/response/",
        f"/strategy/actions/{action.pk}/edit/",
        f"/strategy/actions/{action.pk}/update/",
        f"/strategy/actions/{action.pk}/evidence/",
    ]:
        assert client.post(url, payload).status_code in (200, 302, 400), (url, payload)
