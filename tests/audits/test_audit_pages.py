"""The audit page, the quick action update with its RAG history, comments, and the action plan export."""

from datetime import timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook

from audits import services
from audits.models import Action, OutcomeRecord, RagChange, TrainedStaff
from pledges.models import DesignatedLead
from portal.rag import RAG_XLSX_COLOURS, Rag
from tests.audits.helpers import form_data


def edit_url(action):
    return f"/audits/{action.audit_id}/actions/{action.pk}/"


def test_quick_rag_update_records_and_shows_history(client_for, school_lead, school_editor, audit, today):
    action = audit.actions.get(description="Identify the responsible DSL or DSLs")
    lead, editor = client_for(school_lead), client_for(school_editor)
    data = form_data(lead.get(edit_url(action)).content.decode())
    data.update(rag="amber", due_date=(today - timedelta(days=2)).strftime("%d/%m/%Y"), owner="Deputy head")
    response = lead.post(edit_url(action), data)
    assert response.url == f"/audits/{audit.pk}/#commitment-1"
    data = form_data(editor.get(edit_url(action)).content.decode())
    data.update(rag="green")
    editor.post(edit_url(action), data)

    changes = list(RagChange.objects.order_by("changed_at", "pk").values_list("from_rag", "to_rag", "changed_by"))
    assert changes == [(Rag.NOT_STARTED, Rag.AMBER, school_lead.pk), (Rag.AMBER, Rag.GREEN, school_editor.pk)]
    history = editor.get(edit_url(action)).content.decode()
    assert history.index("Amber</strong> to <strong") < history.index("Not started</strong> to")  # newest first
    assert "by Office Tester" in history and "by Dsl Tester" in history
    page = editor.get(f"/audits/{audit.pk}/").content.decode()
    assert 'RAG history<span class="visually-hidden"> of this action</span> (2)' in page
    assert page.count("Overdue</strong>") == 0  # green: no longer overdue


def test_overdue_action_is_flagged_and_makes_the_commitment_red(client_for, school_lead, audit, today):
    Action.objects.filter(pk=audit.actions.get(description="Identify the responsible DSL or DSLs").pk).update(
        rag=Rag.AMBER, due_date=today - timedelta(days=1)
    )
    page = client_for(school_lead).get(f"/audits/{audit.pk}/").content.decode()
    assert 'tag--red">Overdue</strong>' in page
    summary = page[page.index("Summary by commitment") : page.index("</table>", page.index("Summary by commitment"))]
    first_row = summary[
        summary.index("1. DSL responsible") : summary.index("</tr>", summary.index("1. DSL responsible"))
    ]
    assert ">Red<" in first_row


def test_quick_update_refuses_a_stale_save_and_keeps_input(client_for, school_lead, school_editor, audit):
    action = audit.actions.first()
    lead, editor = client_for(school_lead), client_for(school_editor)
    lead_data = form_data(lead.get(edit_url(action)).content.decode())
    editor_data = form_data(editor.get(edit_url(action)).content.decode())
    lead.post(edit_url(action), {**lead_data, "rag": "green"})
    response = editor.post(edit_url(action), {**editor_data, "rag": "red", "notes": "Training cancelled"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved changes to this record after you opened it" in page
    assert "Training cancelled" in page
    assert Action.objects.get(pk=action.pk).rag == Rag.GREEN
    assert RagChange.objects.count() == 1


def test_bad_date_on_quick_update(client_for, school_lead, audit):
    action = audit.actions.first()
    client = client_for(school_lead)
    data = form_data(client.get(edit_url(action)).content.decode())
    page = client.post(edit_url(action), {**data, "due_date": "next week"}).content.decode()
    assert "<title>Error:" in page and "Enter by when as a real date, for example 27 3 2027." in page
    assert 'value="next week"' in page


def test_other_schools_action_is_404_even_under_own_audit(client_for, school_lead, audit, other_audit):
    foreign = other_audit.actions.first()
    assert client_for(school_lead).get(f"/audits/{audit.pk}/actions/{foreign.pk}/").status_code == 404


def test_la_officer_comments_and_the_school_reads_them(client_for, la_officer, school_lead, audit):
    officer = client_for(la_officer)
    empty = officer.post(f"/audits/{audit.pk}/comments/", {"text": "  "})
    assert "Enter your comment." in empty.content.decode()
    commitment = audit.framework.commitments.get(number=3)
    officer.post(f"/audits/{audit.pk}/comments/", {"text": "Publish the offer by Easter", "commitment": commitment.pk})
    officer.post(f"/audits/{audit.pk}/comments/", {"text": "A good start"})
    page = client_for(school_lead).get(f"/audits/{audit.pk}/").content.decode()
    c3 = page[page.index('id="commitment-3"') : page.index('id="commitment-4"')]
    assert "Publish the offer by Easter" in c3 and "Officer Tester" in c3
    general = page[page.index('id="comments"') :]
    assert "A good start" in general and "Add comment" not in page


def test_action_plan_export_reads_back(client_for, school_lead, audit, today):
    action = audit.actions.get(description="Identify the responsible DSL or DSLs")
    Action.objects.filter(pk=action.pk).update(
        rag=Rag.RED, owner='=HYPERLINK("http://evil")', due_date=today + timedelta(days=30)
    )
    # Commitment 1's named DSL is the school's designated-lead record, not what was once typed in the audit.
    OutcomeRecord.objects.filter(audit=audit, outcome__commitment__number=1, outcome__position=1).update(
        complete=False, details="Typed long ago"
    )
    DesignatedLead.objects.create(organisation=audit.organisation, name="Sam Patel", role="Deputy head and DSL")
    TrainedStaff.objects.create(audit=audit, name="Aisha Begum", part_a_on=today, part_b_on=today, login_received=True)
    services.update_trained_staff_outcome(audit, school_lead)
    RagChange.objects.create(
        audit=audit,
        action=action,
        action_description=action.description,
        from_rag=Rag.AMBER,
        to_rag=Rag.RED,
        changed_by=school_lead,
        changed_at=audit.started_at,
    )

    response = client_for(school_lead).get(f"/audits/{audit.pk}/action-plan.xlsx")
    assert response["Content-Disposition"].startswith('attachment; filename="action-plan-oak-tree-primary-school-')
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Summary", "Commitment 1", "Commitment 2", "Commitment 3", "Commitment 4", "RAG history"]
    summary = book["Summary"]
    assert summary["B3"].value == "Oak Tree Primary School" and summary["B5"].value == audit.academic_year

    c1 = book["Commitment 1"]
    assert c1["A1"].value.startswith("The Designated Safeguarding Lead")
    assert c1["A4"].value == "Actions required"
    assert [c.value for c in c1[5]] == ["Outcome", "Action", "By when", "Who?", "RAG rating", "Overdue", "Notes"]
    row = [c.value for c in c1[6]]
    assert row[1] == "Identify the responsible DSL or DSLs"
    assert row[2].date() == today + timedelta(days=30)
    assert row[3] == '=HYPERLINK("http://evil")' and c1["D6"].data_type == "s"  # text, never a formula
    assert row[4] == "Red" and c1["E6"].fill.fgColor.rgb.endswith(RAG_XLSX_COLOURS[Rag.RED][1].lstrip("#"))
    values = [[c.value for c in r] for r in c1.iter_rows()]
    outcomes_at = next(i for i, r in enumerate(values) if r[0] == "Outcomes achieved")
    assert values[outcomes_at + 1][:5] == ["Outcome", "Complete?", "Details", "Date", "Review date"]
    assert values[outcomes_at + 2][1:3] == ["Yes", "Recorded lead: Sam Patel, Deputy head and DSL"]
    assert values[outcomes_at + 3][1] == "Not answered"

    c2 = [[c.value for c in r] for r in book["Commitment 2"].iter_rows()]
    staff_at = next(i for i, r in enumerate(c2) if r[0] == "Name of staff member")
    assert c2[staff_at + 1][0] == "Aisha Begum" and c2[staff_at + 1][3] == "Yes"
    history = book["RAG history"]
    assert [c.value for c in history[2]][2:] == ["Identify the responsible DSL or DSLs", "Amber", "Red"]


def test_start_audit_from_last_year(client_for, school_lead, school, framework, this_year):
    last = f"{int(this_year[:4]) - 1}/{this_year[2:4]}"
    previous = services.start_audit(school, last, school_lead)
    Action.objects.filter(audit=previous).update(rag=Rag.GREEN)
    Action.objects.filter(pk=previous.actions.first().pk).update(rag=Rag.AMBER)
    client = client_for(school_lead)
    page = client.get(f"/audits/schools/{school.slug}/start/").content.decode()
    assert "From last year&#x27;s audit, carrying its open actions and trained staff forward" in page
    client.post(f"/audits/schools/{school.slug}/start/", {"carry_forward": "yes"})
    audit = school.commitment_audits.get(academic_year=this_year)
    assert audit.carried_forward_from == previous and audit.actions.count() == 1
    assert f"The {last} audit (open actions carried forward)" in client.get(f"/audits/{audit.pk}/").content.decode()
    # Starting again goes to the existing audit.
    assert client.get(f"/audits/schools/{school.slug}/start/").url == f"/audits/{audit.pk}/"


@pytest.mark.parametrize("missing", ["", "maybe"])
def test_start_choice_must_be_made(client_for, school_lead, school, framework, this_year, missing):
    services.start_audit(school, f"{int(this_year[:4]) - 1}/{this_year[2:4]}", school_lead)
    page = client_for(school_lead).post(f"/audits/schools/{school.slug}/start/", {"carry_forward": missing})
    assert page.status_code == 200 and "<title>Error:" in page.content.decode()
    assert not school.commitment_audits.filter(academic_year=this_year).exists()
