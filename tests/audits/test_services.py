"""Starting audits, carrying forward, saving a commitment, RAG history, stale edits and submission."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone

from audits import services
from audits.forms import CommitmentForm
from audits.models import Action, Audit, OutcomeRecord, RagChange, TrainedStaff
from portal.concurrency import StaleEditError
from portal.rag import Rag
from tests.audits.helpers import form_data


def test_start_audit_from_the_suggested_actions(audit, framework, school_lead):
    assert audit.framework == framework and audit.status == Audit.Status.IN_PROGRESS
    assert audit.started_by == school_lead
    assert audit.outcome_records.count() == 9
    assert audit.actions.count() == 25
    first = audit.actions.get(commitment__number=1, outcome__position=1)
    assert first.description == "Identify the responsible DSL or DSLs" and first.rag == Rag.NOT_STARTED
    assert not RagChange.objects.exists()


def test_one_audit_per_school_per_year(audit, school, school_lead, this_year):
    with pytest.raises(services.AuditExists):
        services.start_audit(school, this_year, school_lead)
    assert Audit.objects.filter(organisation=school).count() == 1


def test_no_current_framework(framework, school, school_lead, this_year):
    framework.is_current = False
    framework.save()
    with pytest.raises(services.NoFramework):
        services.start_audit(school, this_year, school_lead)


def test_new_year_carries_open_actions_and_staff_forward(school, school_lead, framework, this_year):
    last_year = f"{int(this_year[:4]) - 1}/{this_year[2:4]}"
    previous = services.start_audit(school, last_year, school_lead)
    Action.objects.filter(audit=previous, commitment__number=1).update(rag=Rag.GREEN)
    Action.objects.filter(audit=previous, commitment__number=2).update(rag=Rag.AMBER, owner="SENCo")
    TrainedStaff.objects.create(audit=previous, name="Aisha Begum", part_a_on=timezone.localdate())
    audit = services.start_audit(school, this_year, school_lead, carry_forward=True)

    assert audit.carried_forward_from == previous
    assert audit.actions.count() == 25 - 3  # the three green actions of commitment 1 are done
    carried = audit.actions.get(description="Identify appropriate staff to receive training")
    assert (carried.rag, carried.owner, carried.carried_forward_from.audit) == (Rag.AMBER, "SENCo", previous)
    assert carried.commitment.framework == framework
    assert list(audit.trained_staff.values_list("name", flat=True)) == ["Aisha Begum"]
    assert audit.outcome_records.filter(complete__isnull=False).exclude(outcome__kind="trained_staff").count() == 0


def _post_data(form, **changes):
    """What a browser posts for this (unbound) CommitmentForm as rendered, with some values changed."""
    page = Template("<form>{% include 'audits/includes/commitment_fields.html' %}</form>").render(
        Context({"form": form, "commitment": form.commitment, "offer_status": None})
    )
    data = form_data(page)
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _form(audit, number, data=None, **kwargs):
    commitment = audit.framework.commitments.get(number=number)
    if data is not None:
        return CommitmentForm(audit, commitment, data=data, **kwargs)
    return CommitmentForm(audit, commitment, **kwargs)


def test_saving_a_commitment_records_rag_changes(audit, school_lead, school_editor):
    form = _form(audit, 1)
    first_action = form.actions.forms[0]
    data = _post_data(form, **{first_action.add_prefix("rag"): "amber"})
    bound = _form(audit, 1, data)
    assert bound.is_valid(), bound.error_summary
    services.save_commitment(bound, school_editor)

    action = first_action.instance
    action.refresh_from_db()
    assert action.rag == Rag.AMBER and action.updated_by == school_editor
    change = RagChange.objects.get()
    assert (change.action, change.from_rag, change.to_rag, change.changed_by) == (
        action,
        Rag.NOT_STARTED,
        Rag.AMBER,
        school_editor,
    )
    assert audit.sections.get().saved_by == school_editor
    assert Audit.objects.get(pk=audit.pk).version > audit.version

    # An unchanged save records nothing more; a change to green records from amber.
    again = _form(audit, 1, _post_data(_form(audit, 1)))
    assert again.is_valid()
    services.save_commitment(again, school_lead)
    assert RagChange.objects.count() == 1
    form = _form(audit, 1)
    services_form = _form(audit, 1, _post_data(form, **{form.actions.forms[0].add_prefix("rag"): "green"}))
    assert services_form.is_valid()
    services.save_commitment(services_form, school_lead)
    latest = RagChange.objects.first()
    assert (latest.from_rag, latest.to_rag, latest.changed_by) == (Rag.AMBER, Rag.GREEN, school_lead)


def test_add_and_delete_actions(audit, school_lead):
    form = _form(audit, 1)
    new = form.actions.forms[-1]
    doomed = form.actions.forms[0]
    data = _post_data(
        form,
        **{
            new.add_prefix("description"): "Add Early Help to the DSL's job description",
            new.add_prefix("rag"): "red",
            doomed.add_prefix("DELETE"): "on",
        },
    )
    bound = _form(audit, 1, data)
    assert bound.is_valid(), bound.error_summary
    services.save_commitment(bound, school_lead)
    added = Action.objects.get(description="Add Early Help to the DSL's job description")
    assert added.commitment.number == 1 and added.rag == Rag.RED and added.audit == audit
    assert not Action.objects.filter(pk=doomed.instance.pk).exists()
    change = RagChange.objects.get()
    assert (change.from_rag, change.to_rag) == ("", Rag.RED)


def test_rag_history_outlives_a_deleted_action(audit, school_lead):
    form = _form(audit, 1)
    row = form.actions.forms[0]
    bound = _form(audit, 1, _post_data(form, **{row.add_prefix("rag"): "amber"}))
    bound.is_valid()
    services.save_commitment(bound, school_lead)
    form = _form(audit, 1)
    bound = _form(audit, 1, _post_data(form, **{form.actions.forms[0].add_prefix("DELETE"): "on"}))
    bound.is_valid()
    services.save_commitment(bound, school_lead)
    change = RagChange.objects.get()
    assert change.action is None and change.action_description == row.instance.description


def test_second_editor_is_told_what_changed_and_nothing_is_saved(audit, school_lead, school_editor):
    opened_by_lead = _form(audit, 1)
    opened_by_editor = _form(audit, 1)
    row = opened_by_lead.actions.forms[0]
    lead_data = _post_data(opened_by_lead, **{row.add_prefix("rag"): "green", row.add_prefix("owner"): "Sam"})
    editor_data = _post_data(
        opened_by_editor,
        **{row.add_prefix("rag"): "red", opened_by_editor.actions.forms[1].add_prefix("owner"): "Emma"},
    )
    first = _form(audit, 1, lead_data)
    assert first.is_valid()
    services.save_commitment(first, school_lead)

    second = _form(audit, 1, editor_data)
    assert second.is_valid()
    with pytest.raises(services.SectionChanged) as changed:
        services.save_commitment(second, school_editor)
    [stale] = changed.value.rows
    message = str(stale)
    assert "The action 'Identify the responsible DSL or DSLs' was changed by Dsl Tester" in message
    assert "RAG Green" in message and "who: Sam" in message
    stored = Action.objects.get(pk=row.instance.pk)
    assert (stored.rag, stored.owner) == (Rag.GREEN, "Sam")
    assert Action.objects.get(pk=opened_by_editor.actions.forms[1].instance.pk).owner == ""  # all or nothing


def test_rows_someone_else_did_not_touch_do_not_conflict(audit, school_lead, school_editor):
    opened_by_lead = _form(audit, 1)
    opened_by_editor = _form(audit, 1)
    lead_row, editor_row = opened_by_lead.actions.forms[0], opened_by_editor.actions.forms[1]
    due = (timezone.localdate() + timedelta(days=30)).strftime("%d/%m/%Y")
    first = _form(
        audit,
        1,
        _post_data(
            opened_by_lead,
            **{
                lead_row.add_prefix("owner"): "Sam",
                lead_row.add_prefix("due_date"): due,
                lead_row.add_prefix("rag"): "amber",
            },
        ),
    )
    first.is_valid()
    services.save_commitment(first, school_lead)
    second = _form(audit, 1, _post_data(opened_by_editor, **{editor_row.add_prefix("owner"): "Emma"}))
    assert second.is_valid()
    services.save_commitment(second, school_editor)
    assert set(audit.actions.exclude(owner="").values_list("owner", flat=True)) == {"Sam", "Emma"}
    kept = Action.objects.get(pk=lead_row.instance.pk)
    assert (kept.rag, kept.due_date.strftime("%d/%m/%Y")) == (Rag.AMBER, due)


def test_deleting_a_row_someone_changed_is_refused(audit, school_lead, school_editor):
    opened = _form(audit, 1)
    row = opened.actions.forms[0]
    Action.objects.filter(pk=row.instance.pk).update(version=row.instance.version + 1, updated_by=school_lead)
    bound = _form(audit, 1, _post_data(opened, **{row.add_prefix("DELETE"): "on"}))
    bound.is_valid()
    with pytest.raises(services.SectionChanged):
        services.save_commitment(bound, school_editor)
    assert Action.objects.filter(pk=row.instance.pk).exists()


def test_trained_staff_outcome_follows_the_table(audit, school_lead):
    today = timezone.localdate()
    form = _form(audit, 2)
    row = form.staff.forms[0]
    data = _post_data(
        form,
        **{
            row.add_prefix("name"): "Aisha Begum",
            row.add_prefix("part_a_on"): (today - timedelta(days=20)).strftime("%d/%m/%Y"),
            row.add_prefix("part_b_on"): (today - timedelta(days=5)).strftime("%d/%m/%Y"),
        },
    )
    bound = _form(audit, 2, data)
    assert bound.is_valid(), bound.error_summary
    services.save_commitment(bound, school_lead)
    record = OutcomeRecord.objects.get(audit=audit, outcome__kind="trained_staff")
    assert record.complete is False  # no login yet

    form = _form(audit, 2)
    bound = _form(audit, 2, _post_data(form, **{form.staff.forms[0].add_prefix("login_received"): "on"}))
    assert bound.is_valid(), bound.error_summary
    services.save_commitment(bound, school_lead)
    record.refresh_from_db()
    assert record.complete is True


def test_submit_is_refused_from_a_stale_version(audit, school_lead):
    version = audit.version
    services.touch_audit(audit)
    with pytest.raises(StaleEditError):
        services.submit_audit(audit, school_lead, version)
    audit.refresh_from_db()
    submitted = services.submit_audit(audit, school_lead, audit.version)
    assert submitted.is_submitted and submitted.submitted_by == school_lead and submitted.submitted_at
    with pytest.raises(StaleEditError):  # and only once
        services.submit_audit(audit, school_lead, submitted.version)


def test_submission_problems(audit, school_lead, offer_unpublished, today):
    from audits.selectors import audit_detail

    problems = services.submission_problems(audit_detail(audit, today))
    assert len(problems) == 4 and problems[0].startswith("You have not saved commitment 1")
    OutcomeRecord.objects.filter(audit=audit, outcome__kind="offer_published").update(complete=True)
    problems = services.submission_problems(audit_detail(audit, today))
    assert (
        "is marked complete, but your Early Help offer is not published and in date (its status is: Draft)"
        in problems[-1]
    )
