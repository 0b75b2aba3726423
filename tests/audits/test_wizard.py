"""The wizard as a school's DSL uses it: start, one step per commitment, check your answers, submit;
progress saved at every step and resumed from any session; errors shown and nothing typed lost."""

import pytest
from django.utils import timezone

from audits.models import Action, Audit, OutcomeRecord, WizardPosition
from testdata.offers import record_lead
from tests.audits.helpers import form_data, names

DATE = timezone.localdate().strftime("%d/%m/%Y")


def step_url(audit, step):
    return f"/audits/{audit.pk}/steps/{step}/"


def post_step(client, audit, step, button="save_and_continue", **changes):
    page = client.get(step_url(audit, step))
    assert page.status_code == 200
    data = form_data(page.content.decode())
    data.update(changes)
    data[button] = ""
    return client.post(step_url(audit, step), data)


def first(data, suffix):
    return names(data, suffix)[0]


@pytest.fixture
def lead(client_for, school_lead):
    return client_for(school_lead)


def test_dsl_completes_and_submits_the_audit(lead, school, school_lead, framework, this_year, offer_unpublished):
    school_page = lead.get(f"/audits/schools/{school.slug}/").content.decode()
    assert f"Start the {this_year} audit" in school_page
    started = lead.post(f"/audits/schools/{school.slug}/start/", {})
    audit = Audit.objects.get(organisation=school, academic_year=this_year)
    assert started.url == f"/audits/{audit.pk}/steps/"
    assert lead.get(started.url).url == step_url(audit, "commitment-1")

    page = lead.get(step_url(audit, "commitment-1")).content.decode()
    assert "step 1 of 5" in page and "Commitment 1: The Designated Safeguarding Lead" in page
    # The DSL is not typed: the step shows the school's recorded lead (pledge 1), or where to record one.
    assert "No designated lead is recorded for your school" in page
    assert f'href="/pledges/organisations/{school.slug}/designated-lead/">Record the designated lead' in page
    assert not names(form_data(page), "-outcomes-0-complete") and not names(form_data(page), "-outcomes-0-details")
    record_lead(school, name="Sam Patel", role="Designated Safeguarding Lead")
    page = lead.get(step_url(audit, "commitment-1")).content.decode()
    assert "<strong>Sam Patel, Designated Safeguarding Lead</strong>" in page
    response = post_step(
        lead,
        audit,
        "commitment-1",
        **{
            "commitment-1-outcomes-1-complete": "yes",
            "commitment-1-outcomes-1-achieved_on": DATE,
            "commitment-1-actions-0-rag": "green",
        },
    )
    assert response.url == step_url(audit, "commitment-2")
    record = OutcomeRecord.objects.get(audit=audit, outcome__commitment__number=1, outcome__position=1)
    # Nothing typed for the DSL: the outcome counts as complete from the lead's record (the roll-up reads it).
    assert record.details == ""
    assert WizardPosition.objects.get(audit=audit, user=school_lead).step == "commitment-2"

    response = post_step(
        lead,
        audit,
        "commitment-2",
        **{
            "commitment-2-staff-0-name": "Aisha Begum",
            "commitment-2-staff-0-part_a_on": DATE,
            "commitment-2-staff-0-part_b_on": DATE,
            "commitment-2-staff-0-login_received": "on",
        },
    )
    assert response.url == step_url(audit, "commitment-3")
    assert OutcomeRecord.objects.get(audit=audit, outcome__kind="trained_staff").complete is True

    assert post_step(lead, audit, "commitment-3").url == step_url(audit, "commitment-4")
    assert post_step(lead, audit, "commitment-4").url == step_url(audit, "check")

    check = lead.get(step_url(audit, "check")).content.decode()
    assert "Check your answers before submitting" in check
    assert "Sam Patel" in check and "Aisha Begum" in check
    assert f'href="{step_url(audit, "commitment-2")}"' in check  # change links
    missing = lead.post(step_url(audit, "check"), form_data(check))
    assert "Confirm that the audit is accurate before you submit it." in missing.content.decode()
    assert Audit.objects.get(pk=audit.pk).status == Audit.Status.IN_PROGRESS

    data = form_data(check)
    data["check-confirm"] = "on"
    submitted = lead.post(step_url(audit, "check"), data)
    assert submitted.url == f"/audits/{audit.pk}/"
    audit.refresh_from_db()
    assert audit.is_submitted and audit.submitted_by == school_lead
    detail = lead.get(submitted.url).content.decode()
    assert "has been submitted to the local authority" in detail
    assert "Submitted</strong> by Dsl Tester" in detail
    # The wizard is closed once submitted; the direct edit view keeps the audit up to date.
    assert lead.get(step_url(audit, "commitment-1")).url == f"/audits/{audit.pk}/"
    assert lead.get(f"/audits/{audit.pk}/commitments/1/").status_code == 200


def test_errors_show_in_summary_and_beside_the_field_and_keep_input(lead, audit):
    response = post_step(
        lead,
        audit,
        "commitment-1",
        **{
            "commitment-1-outcomes-1-complete": "yes",
            "commitment-1-outcomes-1-achieved_on": "31/02/2026",
            "commitment-1-actions-0-owner": "Deputy head",
            "commitment-1-actions-3-description": "",  # the blank new action stays blank: no error
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Commitment 1" in page
    assert 'class="error-summary"' in page
    summary = page[page.index('class="error-summary"') : page.index("</ul>", page.index('class="error-summary"'))]
    assert 'href="#id_commitment-1-outcomes-1-achieved_on' in summary
    assert "Enter date of the briefing as a real date" in summary
    assert 'id="id_commitment-1-outcomes-1-achieved_on_error"' in page  # beside the field
    assert 'value="Deputy head"' in page and 'value="31/02/2026"' in page  # nothing typed is lost
    assert not audit.sections.exists()
    assert not Action.objects.filter(owner="Deputy head").exists()


def test_an_emptied_action_description_is_an_error(lead, audit):
    response = post_step(lead, audit, "commitment-1", **{"commitment-1-actions-0-description": ""})
    assert "Action 1: Enter what needs to be done." in response.content.decode()


def test_resume_where_the_person_was_from_another_session(client_for, school_lead, school_editor, audit):
    lead = client_for(school_lead)
    post_step(lead, audit, "commitment-1")
    saved = post_step(lead, audit, "commitment-2", button="save_and_exit")
    assert saved.url == f"/audits/{audit.pk}/"
    assert "Commitment 2 is saved" in lead.get(saved.url).content.decode()

    fresh = client_for(school_lead)  # a new session: another device, another app server
    assert fresh.get(f"/audits/{audit.pk}/steps/").url == step_url(audit, "commitment-2")
    # The editor has not been in the wizard: they start at the first commitment nobody has saved.
    assert client_for(school_editor).get(f"/audits/{audit.pk}/steps/").url == step_url(audit, "commitment-3")
    nav = fresh.get(step_url(audit, "commitment-2")).content.decode()
    assert nav.count("Not saved yet") == 2  # commitments 3 and 4


def test_add_another_action_stays_on_the_step(lead, audit):
    response = post_step(
        lead,
        audit,
        "commitment-1",
        button="add_another",
        **{
            "commitment-1-actions-3-description": "Add Early Help to the DSL's job description",
            "commitment-1-actions-3-due_date": DATE,
        },
    )
    assert response.url == step_url(audit, "commitment-1") + "#new-action"
    page = lead.get(step_url(audit, "commitment-1")).content.decode()
    assert "Add Early Help to the DSL&#x27;s job description" in page
    assert 'id="new-action"' in page


def test_offer_cannot_be_complete_while_unpublished(lead, audit, offer_unpublished):
    page = lead.get(step_url(audit, "commitment-3")).content.decode()
    assert "Your Early Help offer on the portal:" in page and "Draft" in page
    response = post_step(lead, audit, "commitment-3", **{"commitment-3-outcomes-1-complete": "yes"})
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "You cannot mark this complete until your Early Help offer is published and its review date has not "
        "passed (its status is: Draft)." in page
    )
    assert (
        'href="#id_commitment-3-outcomes-1-complete_0"' in page and 'id="id_commitment-3-outcomes-1-complete_0"' in page
    )
    assert OutcomeRecord.objects.get(audit=audit, outcome__kind="offer_published").complete is None


def test_published_offer_shows_and_may_be_complete(lead, audit, offer_published):
    page = lead.get(step_url(audit, "commitment-3")).content.decode()
    assert "Published" in page and "5 October 2026" in page
    assert f'href="/offers/school-{audit.organisation_id}/"' in page
    response = post_step(
        lead,
        audit,
        "commitment-3",
        **{
            "commitment-3-outcomes-1-complete": "yes",
            "commitment-3-outcomes-1-achieved_on": DATE,
        },
    )
    assert response.url == step_url(audit, "commitment-4")
    assert OutcomeRecord.objects.get(audit=audit, outcome__kind="offer_published").complete is True


def test_only_the_lead_submits(client_for, school_editor, audit):
    editor = client_for(school_editor)
    for n in (1, 2, 3, 4):
        post_step(editor, audit, f"commitment-{n}")
    check = editor.get(step_url(audit, "check")).content.decode()
    assert "Only your school's Designated Safeguarding Lead can submit the audit (Dsl Tester)" in check
    assert "check-confirm" not in check
    audit.refresh_from_db()
    data = {f"audit_wizard_{audit.pk}-current_step": "check", "check-confirm": "on", "check-version": audit.version}
    assert editor.post(step_url(audit, "check"), data).status_code == 403
    assert not Audit.objects.get(pk=audit.pk).is_submitted


def test_submission_needs_every_commitment_saved(lead, audit):
    post_step(lead, audit, "commitment-1")
    data = form_data(lead.get(step_url(audit, "check")).content.decode())
    data["check-confirm"] = "on"
    page = lead.post(step_url(audit, "check"), data).content.decode()
    assert "You have not saved commitment 2 (Staff trained in LiquidLogic) yet" in page
    assert not Audit.objects.get(pk=audit.pk).is_submitted


def test_a_stale_submission_is_refused_and_shows_the_latest(client_for, school_lead, school_editor, audit):
    lead, editor = client_for(school_lead), client_for(school_editor)
    for n in (1, 2, 3, 4):
        post_step(lead, audit, f"commitment-{n}")
    data = form_data(lead.get(step_url(audit, "check")).content.decode())
    post_step(editor, audit, "commitment-1", **{"commitment-1-actions-0-owner": "Changed meanwhile"})
    data["check-confirm"] = "on"
    page = lead.post(step_url(audit, "check"), data).content.decode()
    assert "Someone saved changes to this audit after you opened this page" in page
    assert "Changed meanwhile" in page
    assert not Audit.objects.get(pk=audit.pk).is_submitted
    again = form_data(page)
    assert again["check-confirm"] == "on"  # their tick is kept
    assert lead.post(step_url(audit, "check"), again).status_code == 302
    assert Audit.objects.get(pk=audit.pk).is_submitted


def test_two_people_editing_the_same_action(client_for, school_lead, school_editor, audit):
    lead, editor = client_for(school_lead), client_for(school_editor)
    lead_data = form_data(lead.get(step_url(audit, "commitment-1")).content.decode())
    editor_data = form_data(editor.get(step_url(audit, "commitment-1")).content.decode())
    lead_data.update({"commitment-1-actions-0-rag": "green", "save_and_continue": ""})
    assert lead.post(step_url(audit, "commitment-1"), lead_data).status_code == 302
    editor_data.update(
        {"commitment-1-actions-0-rag": "red", "commitment-1-actions-0-notes": "Booked for May", "save_and_continue": ""}
    )
    response = editor.post(step_url(audit, "commitment-1"), editor_data)
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error:" in page
    changed = "The action &#x27;Identify the responsible DSL or DSLs&#x27; was changed by Dsl Tester"
    assert page.count(changed) == 2  # in the error summary, and beside the action
    assert "Someone else saved changes to this record after you opened it" in page
    assert "It now reads: RAG Green" in page
    assert "Booked for May" in page  # their input is kept
    assert Action.objects.get(audit=audit, description="Identify the responsible DSL or DSLs").rag == "green"


def test_tampered_management_form_is_a_bad_request(lead, audit):
    data = form_data(lead.get(step_url(audit, "commitment-1")).content.decode())
    data[f"audit_wizard_{audit.pk}-current_step"] = "commitment-3"
    assert lead.post(step_url(audit, "commitment-1"), data).status_code == 400


def test_unknown_step_is_404_and_done_goes_to_check(lead, audit):
    assert lead.get(step_url(audit, "commitment-9")).status_code == 404
    assert lead.get(step_url(audit, "done")).url == step_url(audit, "check")
