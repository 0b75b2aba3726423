"""Editing an offer in the CMS: the checklist, the sign-off checks, and moderation end to end."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils.html import escape
from wagtail.models import WorkflowState

from home import rules, services
from home.models import OfferPage
from testdata.offers import BEREAVEMENT, complete, make_offer, record_lead

from .conftest import editor_form_data

pytestmark = pytest.mark.django_db


def edit(client, page, **changes):
    return client.post(f"/admin/pages/{page.pk}/edit/", editor_form_data(client, page, **changes))


@pytest.fixture
def draft(school, school_editor, offer_index):
    page, _ = services.start_offer(school, school_editor)
    return page


@pytest.fixture
def school_lead_recorded(school):
    return record_lead(school)


def test_a_primary_school_sees_the_primary_and_outcome_checklists(client_for, school_editor, draft):
    html = client_for(school_editor).get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert "Primary provision" in html and "Measurable outcomes" in html
    assert "Secondary provision" not in html
    assert 'value="First day calling"' in html
    assert "Children and young people" in html and 'name="audiences-children-key_staff"' in html
    # A school signs off with four signatures; the DSL's name is the recorded lead's, never typed here.
    assert 'name="senco_name"' in html and 'name="dsl_signed_on"' in html
    assert 'name="dsl_name"' not in html and 'name="designated_lead_signed_on"' not in html
    assert "No designated lead is recorded for this organisation." in html
    assert (
        f'href="/pledges/organisations/{draft.organisation.slug}/designated-lead/">Record the designated lead' in html
    )


def test_an_agency_has_no_school_areas_and_signs_off_with_its_designated_lead(
    client_for, agency_editor, agency, offer_index
):
    page, _ = services.start_offer(agency, agency_editor)
    html = client_for(agency_editor).get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="areas-semh-primary"' not in html
    assert 'name="designated_lead_signed_on"' in html and 'name="senco_name"' not in html
    assert 'name="designated_lead_name"' not in html
    assert 'name="first_response"' in html


def test_the_sign_off_panel_shows_the_recorded_lead_read_only_with_a_link(
    client_for, agency_editor, agency, offer_index
):
    record_lead(agency, name="Priya Lead", role="Early Help coordinator")
    page, _ = services.start_offer(agency, agency_editor)
    html = client_for(agency_editor).get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Priya Lead, Early Help coordinator" in html
    assert f'href="/pledges/organisations/{agency.slug}/designated-lead/">Change the designated lead' in html
    assert 'value="Priya Lead"' not in html  # shown, not an input to type over


def test_submitting_without_a_recorded_lead_says_where_to_record_it(client_for, agency_editor, agency, offer_index):
    page, _ = services.start_offer(agency, agency_editor)
    today = rules.today()
    data = {
        "action-submit": "Submit",
        "summary": "Help.",
        "how_to_get_help": "Ask.",
        "first_response": "We listen.",
        "designated_lead_signed_on": str(today - timedelta(days=2)),
        "completed_on": str(today - timedelta(days=1)),
        "review_date": str(today + timedelta(days=364)),
    }
    response = edit(client_for(agency_editor), page, **data)
    assert response.status_code == 200
    assert escape(rules.NO_RECORDED_LEAD) in response.content.decode()
    assert not WorkflowState.objects.for_instance(page).exists()


def test_saving_a_draft_stores_ticks_and_own_lines(client_for, school_editor, draft):
    response = edit(
        client_for(school_editor),
        draft,
        summary="We help early.",
        **{
            "areas-semh-primary": [BEREAVEMENT, "Play therapy"],
            "areas-semh-primary-own": "Wellbeing dog on Fridays\n\nplay therapy\n",
            "areas-semh-outcomes": ["Reduction in fixed term exclusions"],
            "audiences-parents-routes": ["Information in newsletters"],
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    latest = draft.get_latest_revision_as_object()
    [semh] = [b.value for b in latest.areas if b.value["section"] == "semh"]
    assert list(semh["primary"]) == [BEREAVEMENT, "Play therapy", "Wellbeing dog on Fridays"]
    assert list(semh["outcomes"]) == ["Reduction in fixed term exclusions"]
    assert [b.value["section"] for b in latest.areas] == ["semh"]  # untouched areas are not saved empty
    [parents] = [b.value for b in latest.audiences]
    assert list(parents["routes"]) == ["Information in newsletters"]
    # Never published: the draft is on the page row too (as Wagtail does), but the page is not live.
    assert draft.summary == "We help early." and not draft.live
    assert [s.slug for s in draft.areas_offered.all()] == ["semh"]


def test_the_form_shows_what_was_saved(client_for, school_editor, draft):
    client = client_for(school_editor)
    edit(client, draft, **{"areas-semh-primary": [BEREAVEMENT], "areas-semh-primary-own": "Wellbeing dog"})
    html = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert f'value="{BEREAVEMENT}" checked' in html
    assert ">Wellbeing dog</textarea>" in html


def test_a_wrong_date_is_explained_and_nothing_typed_is_lost(client_for, school_editor, draft):
    today = rules.today()
    response = edit(
        client_for(school_editor),
        draft,
        summary="Typed summary that must survive",
        completed_on=str(today),
        review_date=str(today - timedelta(days=1)),
        **{"areas-attendance-primary": ["First day calling"], "areas-attendance-primary-own": "Walking bus on Mondays"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The review date must be after the date completed." in html
    assert "Typed summary that must survive" in html
    assert 'value="First day calling" checked' in html and "Walking bus on Mondays</textarea>" in html
    assert draft.revisions.count() == 1  # nothing saved


def test_an_overlong_checklist_item_is_refused_with_a_message(client_for, school_editor, draft):
    response = edit(client_for(school_editor), draft, **{"areas-curriculum-primary-own": "x" * 301})
    assert response.status_code == 200
    assert "The curriculum, primary provision: Each item must be 300 characters or fewer." in response.content.decode()


def test_submitting_needs_a_complete_sign_off(client_for, school_editor, draft):
    response = edit(client_for(school_editor), draft, **{"action-submit": "Submit", "summary": "Help."})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter the name of the SENCo who signed the offer." in html
    assert not WorkflowState.objects.for_instance(draft).exists()


def _sign_off(on):
    signed = str(on - timedelta(days=2))
    data = {"completed_on": str(on - timedelta(days=1)), "review_date": str(on + timedelta(days=364))}
    for prefix in ("head_teacher", "chair_of_governors", "senco"):
        data[f"{prefix}_name"] = f"{prefix} name"
    for prefix in ("head_teacher", "chair_of_governors", "senco", "dsl"):
        data[f"{prefix}_signed_on"] = signed
    return data


def test_editor_submits_la_officer_approves_and_it_is_public(
    client_for, school_editor, la_officer, draft, client, school_lead_recorded
):
    editor = client_for(school_editor)
    response = edit(
        editor,
        draft,
        **{
            "action-submit": "Submit",
            "summary": "Oak Tree helps families early.",
            "how_to_get_help": "Ask the office.",
            "areas-semh-primary": [BEREAVEMENT],
        },
        **_sign_off(rules.today()),
    )
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(draft).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get("/offers/?q=bereavement").content.decode().count("Oak Tree Primary School") == 0
    assert any(la_officer.email in message.to for message in mail.outbox)  # the reviewers are told

    # The editor cannot approve their own submission.
    task_state = state.current_task_state
    approve_url = f"/admin/pages/workflow/action/{draft.pk}/approve/{task_state.pk}/"
    editor.post(approve_url, {"comment": ""})
    assert not OfferPage.objects.get(pk=draft.pk).live

    response = client_for(la_officer).post(approve_url, {"comment": "Good offer."})
    assert response.status_code == 302
    page = OfferPage.objects.get(pk=draft.pk)
    assert page.live and page.summary == "Oak Tree helps families early."
    assert "Oak Tree Primary School" in client.get("/offers/?q=bereavement").content.decode()
    public = client.get("/offers/oak-tree-primary-school/").content.decode()
    assert "Oak Tree helps families early." in public
    # The DSL who signed is the recorded lead, though no name for them was posted with the offer.
    assert "<dt>Designated Safeguarding Lead</dt><dd>Dee Lead," in public


def test_la_officer_sends_it_back_with_a_comment(client_for, school_editor, la_officer, school, offer_index):
    page = make_offer(school, state="awaiting", user=school_editor)
    task_state = WorkflowState.objects.for_instance(page).get().current_task_state
    client_for(la_officer).post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/", {"comment": "Add the SENCo's date."}
    )
    assert WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_NEEDS_CHANGES
    dashboard = client_for(school_editor).get("/dashboard/").content.decode()
    assert "Changes requested" in dashboard and "Add the SENCo&#x27;s date." in dashboard
    assert not OfferPage.objects.get(pk=page.pk).live


def test_an_editor_cannot_publish_directly(client_for, school_editor, draft):
    complete(draft)
    services.save_draft(draft, school_editor)
    edit(client_for(school_editor), draft, **{"action-publish": "Publish"}, **_sign_off(rules.today()))
    assert not OfferPage.objects.get(pk=draft.pk).live


def test_an_la_officer_can_publish_and_unpublish(client_for, la_officer, school, offer_index):
    page = make_offer(school, state="draft")
    client = client_for(la_officer)
    edit(client, page, **{"action-publish": "Publish"}, **_sign_off(rules.today()))
    assert OfferPage.objects.get(pk=page.pk).live
    client.post(f"/admin/pages/{page.pk}/unpublish/")
    assert not OfferPage.objects.get(pk=page.pk).live


def test_unpublished_changes_never_reach_the_public(client_for, school_editor, school_offer, client):
    edit(client_for(school_editor), school_offer, summary="Xylophone lessons for everyone")
    school_offer.refresh_from_db()
    assert school_offer.has_unpublished_changes
    assert "Xylophone" not in client.get("/offers/oak-tree-primary-school/").content.decode()
    assert "No offers found" in client.get("/offers/?q=xylophone").content.decode()
    assert "Xylophone" not in client.get("/api/openreferral/services?search=xylophone").content.decode()


def test_a_checklist_revision_keeps_what_an_offer_already_says(client_for, school_editor, draft, tmp_path):
    import json

    from django.core.management import call_command

    from home.framework_kind import OfferChecklistFramework

    LEICESTER_FILE = OfferChecklistFramework.examples / "leicester-2019.json"

    client = client_for(school_editor)
    edit(client, draft, **{"areas-semh-primary": [BEREAVEMENT, "Lego therapy"]})
    data = json.loads(LEICESTER_FILE.read_text(encoding="utf-8"))
    del data["version"]  # a revision: the next version of Leicester's checklist
    semh = next(a for a in data["areas"] if a["slug"] == "semh")
    semh["primary"] = [i for i in semh["primary"] if i != "Lego therapy"] + ["Forest school"]
    path = tmp_path / "revision.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    call_command("load_offer_checklist", str(path), "--make-current")

    html = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert 'value="Forest school"' in html
    # No longer a suggestion, so it is shown as the school's own line: nothing the offer said is lost.
    assert ">Lego therapy</textarea>" in html and 'value="Lego therapy"' not in html
    edit(client, draft, summary="Saved again")
    [semh_block] = [b.value for b in OfferPage.objects.get(pk=draft.pk).get_latest_revision_as_object().areas]
    assert list(semh_block["primary"]) == [BEREAVEMENT, "Lego therapy"]
