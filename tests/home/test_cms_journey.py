"""The CMS inside the portal's journey: back to the portal after every step, told in the portal's words what
happened and what happens next; the Promote tab kept to the LA; what submission needs marked required."""

import json
import re
from datetime import timedelta

import pytest
from wagtail.models import WorkflowState

from home import rules, services
from testdata.offers import make_offer, record_lead

from .conftest import editor_form_data

pytestmark = pytest.mark.django_db

SUBMITTED = "submitted to the Early Help team for approval. You&#x27;ll get an email when it is published"
WAGTAIL_WORDS = ("has been updated", "has been submitted for moderation", "has been published")


def edit(client, page, **changes):
    return client.post(f"/admin/pages/{page.pk}/edit/", editor_form_data(client, page, **changes))


def sign_off(on):
    signed = str(on - timedelta(days=2))
    data = {"completed_on": str(on - timedelta(days=1)), "review_date": str(on + timedelta(days=364))}
    for prefix in ("head_teacher", "chair_of_governors", "senco"):
        data[f"{prefix}_name"] = f"{prefix} name"
    for prefix in ("head_teacher", "chair_of_governors", "senco", "dsl"):
        data[f"{prefix}_signed_on"] = signed
    return data


def landing(client, response):
    """Where the redirect leads, as the person sees it (the messages are shown there once)."""
    assert response.status_code == 302, response
    assert response["Location"] == "/dashboard/"
    html = client.get(response["Location"]).content.decode()
    for words in WAGTAIL_WORDS:
        assert words not in html
    return html


@pytest.fixture
def draft(school, school_editor, offer_index):
    record_lead(school)  # the sign-off reads the school's recorded lead
    page, _ = services.start_offer(school, school_editor)
    return page


def test_submitting_returns_the_editor_to_the_dashboard_saying_what_happens_next(client_for, school_editor, draft):
    client = client_for(school_editor)
    response = edit(client, draft, **{"action-submit": "Submit", "summary": "Help.", "how_to_get_help": "Ask."},
                    **sign_off(rules.today()))  # fmt: skip
    html = landing(client, response)
    assert f"Oak Tree Primary School: {SUBMITTED}" in html
    assert WorkflowState.objects.for_instance(draft).get().status == WorkflowState.STATUS_IN_PROGRESS
    # Shown once: the next page has no message.
    assert SUBMITTED not in client.get("/dashboard/").content.decode()


def test_saving_a_draft_returns_to_the_dashboard_saying_nothing_is_public_yet(client_for, school_editor, draft):
    client = client_for(school_editor)
    html = landing(client, edit(client, draft, summary="Half written."))
    assert "Oak Tree Primary School: your changes are saved as a draft. Nothing is public until you submit" in html


def test_saving_changes_to_a_published_offer_says_the_public_version_stays(client_for, school_editor, school):
    page = make_offer(school)
    client = client_for(school_editor)
    html = landing(client, edit(client, page, summary="Changed."))
    assert "The published offer stays as it is until you submit the changes" in html


def test_the_editors_autosave_stays_in_the_editor(client_for, school_editor, draft):
    client = client_for(school_editor)
    data = editor_form_data(client, draft, summary="Typing...")
    response = client.post(f"/admin/pages/{draft.pk}/edit/", data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json()["success"] is True


def test_an_officer_approving_in_the_editor_reads_approved_and_published(client_for, la_officer, school, offer_index):
    page = make_offer(school, state="awaiting")
    client = client_for(la_officer)
    data = {"action-workflow-action": "on", "workflow-action-name": "approve", **sign_off(rules.today())}
    html = landing(client, edit(client, page, **data))
    assert "Oak Tree Primary School: approved and published. It is now in the public directory" in html
    page.refresh_from_db()
    assert page.live


def test_an_officer_sending_back_in_the_editor_reads_sent_back(client_for, la_officer, school, offer_index):
    page = make_offer(school, state="awaiting")
    client = client_for(la_officer)
    data = {"action-workflow-action": "on", "workflow-action-name": "reject", **sign_off(rules.today())}
    data["workflow-action-extra-data"] = json.dumps({"comment": "Add outcomes."})
    html = landing(client, edit(client, page, **data))
    assert "Oak Tree Primary School: sent back to its editors with your comment" in html
    assert WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_NEEDS_CHANGES


@pytest.mark.parametrize("ajax", [False, True], ids=["form", "dashboard-modal"])
def test_approving_from_the_cms_dashboard_reads_approved_and_published(client_for, la_officer, school, offer_index,
                                                                       ajax):  # fmt: skip
    page = make_offer(school, state="awaiting")
    task_state = WorkflowState.objects.for_instance(page).get().current_task_state
    client = client_for(la_officer)
    headers = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if ajax else {}
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    response = client.post(url, {"comment": ""}, **headers)
    if ajax:
        assert response.json()["step"] == "success" and response.json()["redirect"] == "/dashboard/"
        html = client.get("/dashboard/").content.decode()
    else:
        html = landing(client, response)
    assert "Oak Tree Primary School: approved and published." in html
    page.refresh_from_db()
    assert page.live


def test_a_refused_dashboard_action_changes_nothing_and_says_nothing(client_for, school_editor, school, offer_index):
    page = make_offer(school, state="awaiting", user=school_editor)
    task_state = WorkflowState.objects.for_instance(page).get().current_task_state
    client = client_for(school_editor)  # the editor cannot approve their own submission
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert "approved and published" not in client.get("/dashboard/").content.decode()
    page.refresh_from_db()
    assert not page.live


@pytest.mark.parametrize("role", ["admin", "la_officer", "school_editor", "school_lead"])
def test_every_cms_user_has_a_way_back_to_their_dashboard(client_for, everyone, role, school, offer_index):
    make_offer(school)
    html = client_for(everyone[role]).get("/admin/").content.decode()
    assert "Back to your dashboard" in html
    assert re.search(r'"url": "/dashboard/"', html) or 'href="/dashboard/"' in html


@pytest.mark.parametrize("role, promote", [("school_editor", False), ("school_lead", False), ("la_officer", True),
                                           ("admin", True)])  # fmt: skip
def test_the_promote_tab_is_the_las(client_for, everyone, role, promote, school, offer_index):
    page = make_offer(school)
    html = client_for(everyone[role]).get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert ('name="slug"' in html) is promote
    assert ('name="show_in_menus"' in html) is promote
    assert ('id="tab-label-promote"' in html) is promote


def test_an_editor_cannot_change_the_offers_address(client_for, school_editor, school):
    page = make_offer(school)
    client = client_for(school_editor)
    data = editor_form_data(client, page, summary="Changed.")
    data["slug"] = "somewhere-else"
    client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert page.get_latest_revision_as_object().slug == "oak-tree-primary-school"


def required_marked(html, field_id):
    label = re.search(rf'<label[^>]*for="{field_id}"[^>]*>(.*?)</label>', html, re.S)
    assert label, field_id
    return "w-required-mark" in label.group(1)


def test_what_submission_needs_is_marked_required(client_for, school_editor, draft):
    html = client_for(school_editor).get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    for name in ("summary", "how_to_get_help", "head_teacher_name", "senco_signed_on", "dsl_signed_on",
                 "review_date",
                 "completed_on"):  # fmt: skip
        assert required_marked(html, f"id_{name}"), name
    for name in ("phone", "first_response"):
        assert not required_marked(html, f"id_{name}"), name
    assert "marked * are needed before you submit" in html


def test_an_agency_is_asked_for_its_designated_lead(client_for, agency_editor, agency, offer_index):
    page, _ = services.start_offer(agency, agency_editor)
    html = client_for(agency_editor).get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert required_marked(html, "id_designated_lead_signed_on")
    assert "id_designated_lead_name" not in html  # the name is the recorded lead's (shown, not typed)


def test_a_missing_signature_on_submission_is_named_in_the_rules_words(client_for, school_editor, draft):
    data = {"action-submit": "Submit", "summary": "Help.", "how_to_get_help": "Ask.", **sign_off(rules.today())}
    data["senco_name"] = ""
    response = edit(client_for(school_editor), draft, **data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter the name of the SENCo who signed the offer." in html
    assert "This field is required." not in html


def test_a_draft_may_still_leave_the_sign_off_empty(client_for, school_editor, draft):
    client = client_for(school_editor)
    landing(client, edit(client, draft, summary="Started."))
    assert draft.revisions.count() == 2
