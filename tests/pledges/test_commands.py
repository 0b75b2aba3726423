"""Management commands: export_pledges, send_pledge_reminders, load_pledges."""

import json
import smtplib
from datetime import timedelta
from io import StringIO

import openpyxl
import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from pledges.framework_kind import PledgesFramework
from pledges.models import PledgeSet, ReminderSent
from portal.models import Membership

from .conftest import MET, NOT_APPLICABLE

LEICESTER_2016 = PledgesFramework.examples / "leicester-2016.json"


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


class TestExport:
    def test_one_row_per_organisation_one_column_per_pledge(
        self, tmp_path, school, other_school, agency, set_status, sign, pledge_set
    ):
        sign(school)
        set_status(school, 1, MET, 30)
        set_status(school, 2, MET, -1)
        set_status(agency, 3, NOT_APPLICABLE, reason="Commissioner")
        out = tmp_path / "pledges.xlsx"
        message = run("export_pledges", "--out", str(out))
        assert f"Wrote 3 organisations x 5 pledges to {out}" in message
        sheet = openpyxl.load_workbook(out)["Pledge compliance"]
        rows = {r[0]: r for r in sheet.iter_rows(min_row=4, values_only=True)}
        assert set(rows) == {school.name, other_school.name, agency.name}
        assert rows[school.name][5:10] == ("Met", "Met (review overdue)", "Not started", "Not started", "Not started")
        assert rows[agency.name][7] == "Not applicable"
        assert rows[other_school.name][4] == "Not signed"
        assert [c.value for c in sheet[3]][5:10] == [f"Pledge {p.number}: {p.title}" for p in pledge_set.pledges.all()]
        school_row = next(r for r in sheet.iter_rows(min_row=4) if r[0].value == school.name)
        assert school_row[5].fill.fgColor.rgb.endswith("00703C") and school_row[6].fill.fgColor.rgb.endswith("B10E1E")

    def test_closed_organisations_are_left_out(self, tmp_path, school, other_school, pledge_set):
        other_school.status = "closed"
        other_school.save()
        out = tmp_path / "p.xlsx"
        run("export_pledges", "--out", str(out))
        names = [r[0] for r in openpyxl.load_workbook(out)["Pledge compliance"].iter_rows(min_row=4, values_only=True)]
        assert names == [school.name]

    def test_errors(self, tmp_path, pledge_set):
        with pytest.raises(CommandError, match="no such pledge set"):
            run("export_pledges", "--out", str(tmp_path / "x.xlsx"), "--pledge-set", "999")
        with pytest.raises(CommandError, match="Cannot write"):
            run("export_pledges", "--out", str(tmp_path / "missing-dir" / "x.xlsx"))


@pytest.fixture
def reviews(school, school_lead, school_editor, other_school, agency, agency_lead, set_status, today):
    """school: pledge 1 overdue, 2 due soon, 3 far off, 4 N/A; other_school (no lead) overdue; agency nothing due."""
    set_status(school, 1, MET, -3)
    set_status(school, 2, MET, 10)
    set_status(school, 3, MET, 100)
    set_status(school, 4, NOT_APPLICABLE, reason="x")
    set_status(other_school, 1, MET, -1)
    set_status(agency, 1, MET, 200)
    return school


class TestReminders:
    def test_leads_get_one_email_about_overdue_and_coming_due(self, reviews, school_lead):
        output = run("send_pledge_reminders")
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [school_lead.email]  # the lead only, not the editor
        assert message.subject == f"Partnership pledge reviews for {reviews.name}: 1 overdue and 1 due soon"
        assert "overdue:\n\n- Pledge 1: Name a member of staff" in message.body
        assert "coming due:\n\n- Pledge 2: Train staff" in message.body
        assert "Pledge 3" not in message.body and "Pledge 4" not in message.body
        assert f"/pledges/organisations/{reviews.slug}/" in message.body
        assert "Sent 1 reminder email(s) covering 2 review(s)." in output
        assert "No lead account to remind at Birch Academy" in output
        assert ReminderSent.objects.count() == 2

    def test_second_run_same_day_and_next_day_send_nothing_new(self, reviews, today):
        run("send_pledge_reminders")
        run("send_pledge_reminders")
        output = run("send_pledge_reminders", "--today", str(today + timedelta(days=1)))
        assert len(mail.outbox) == 1
        assert "Sent 0 reminder email(s)" in output

    def test_coming_due_then_overdue_each_once(self, reviews, today):
        run("send_pledge_reminders")
        after_due = today + timedelta(days=11)  # pledge 2's review (today + 10) has now passed
        run("send_pledge_reminders", "--today", str(after_due))
        run("send_pledge_reminders", "--today", str(after_due + timedelta(days=1)))
        assert len(mail.outbox) == 2
        second = mail.outbox[1]
        assert second.subject.endswith(": 1 overdue")
        assert "Pledge 2: Train staff" in second.body and "Pledge 1:" not in second.body

    def test_a_new_review_date_gets_a_new_reminder(self, reviews, set_status):
        run("send_pledge_reminders")
        set_status(reviews, 1, MET, 5)  # the lead reviewed it and set the next date
        run("send_pledge_reminders")
        assert len(mail.outbox) == 2
        assert "coming due:\n\n- Pledge 1:" in mail.outbox[1].body

    def test_wider_window(self, reviews):
        run("send_pledge_reminders", "--days", "120")
        assert "Pledge 3:" in mail.outbox[0].body

    def test_failed_send_is_not_recorded_and_is_retried(self, reviews, monkeypatch):
        def refuse(self, messages):
            raise smtplib.SMTPServerDisconnected("mail server went away")

        monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
        output = run("send_pledge_reminders")
        assert "Could not send to Oak Tree Primary School" in output and "tried again next run" in output
        assert not ReminderSent.objects.exists()
        monkeypatch.undo()
        run("send_pledge_reminders")
        assert len(mail.outbox) == 1

    def test_no_lead_organisation_is_reminded_once_a_lead_is_added(self, reviews, other_school, other_school_lead):
        run("send_pledge_reminders")
        recipients = sorted(address for m in mail.outbox for address in m.to)
        assert other_school_lead.email in recipients

    def test_inactive_leads_and_closed_organisations_get_nothing(self, reviews, school_lead, other_school):
        school_lead.is_active = False
        school_lead.save()
        other_school.status = "closed"
        other_school.save()
        output = run("send_pledge_reminders")
        assert mail.outbox == []
        assert "No lead account to remind at Oak Tree Primary School" in output
        assert "Birch Academy" not in output

    def test_all_leads_of_the_organisation_are_told(self, reviews, school_editor):
        Membership.objects.filter(user=school_editor).update(role=Membership.Role.LEAD)
        run("send_pledge_reminders")
        assert sorted(mail.outbox[0].to) == ["dsl@oak.example", "office@oak.example"]

    def test_bad_arguments(self, db):
        with pytest.raises(CommandError, match="--today must be a date"):
            run("send_pledge_reminders", "--today", "tomorrow")
        with pytest.raises(CommandError, match="--days must be 0 or more"):
            run("send_pledge_reminders", "--days", "-1")


class TestLoadPledges:
    def write(self, tmp_path, data):
        path = tmp_path / "pledges.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    def another_partnership(self):
        return {
            "slug": "example-partnership-pledges",
            "title": "Example Partnership Pledges",
            "introduction": "We pledge:",
            "pledges": [
                {"number": 1, "title": "Name an Early Help champion", "evidence": "designated_lead"},
                {"number": 2, "title": "Share data with the partnership"},
            ],
        }

    def test_another_partnerships_pledges_load_as_the_current_set(self, tmp_path, pledge_set):
        output = run("load_pledges", str(self.write(tmp_path, self.another_partnership())), "--make-current")
        loaded = PledgeSet.objects.current()
        assert loaded.title == "Example Partnership Pledges" and loaded.version == 1
        assert [(p.number, p.title, p.evidence) for p in loaded.pledges.all()] == [
            (1, "Name an Early Help champion", "designated_lead"),
            (2, "Share data with the partnership", "notes"),
        ]
        assert "loaded as version 1. (2 pledges)" in output and "It is the current version." in output
        pledge_set.refresh_from_db()
        assert not pledge_set.is_current and pledge_set.pledges.count() == 5  # kept, not edited

    def test_loading_the_same_file_again_changes_nothing(self, pledge_set):
        output = run("load_pledges", str(LEICESTER_2016))
        assert "version 1 already says this; nothing changed" in output
        assert PledgeSet.objects.count() == 1 and PledgeSet.objects.current() == pledge_set

    def test_a_revision_is_a_new_version(self, tmp_path, pledge_set):
        data = json.loads(LEICESTER_2016.read_text())
        data["pledges"][4]["commentary"] = "Revised commentary."
        del data["version"]
        run("load_pledges", str(self.write(tmp_path, data)), "--make-current")
        revised = PledgeSet.objects.current()
        assert (revised.title, revised.version) == (pledge_set.title, 2)
        assert pledge_set.pledges.get(number=5).commentary.startswith("This means that each organisation")

    def test_not_current(self, tmp_path, pledge_set):
        run("load_pledges", str(self.write(tmp_path, self.another_partnership())))
        assert PledgeSet.objects.current() == pledge_set

    @pytest.mark.parametrize(
        "mutate, message",
        [
            (lambda d: d.pop("title"), r"- title: required"),
            (lambda d: d.update(pledges=[]), r"pledges: required"),
            (lambda d: d["pledges"][1].update(number=1), r"pledges\[1\].number: '1' is used twice"),
            (lambda d: d["pledges"][0].update(number="one"), r"pledges\[0\].number: must be a whole number"),
            (lambda d: d["pledges"][0].update(title=" "), r"pledges\[0\].title: required"),
            (lambda d: d["pledges"][0].update(evidence="vibes"), r"pledges\[0\].evidence: must be one of"),
        ],
    )
    def test_bad_files_are_refused_with_a_reason(self, tmp_path, pledge_set, mutate, message):
        data = self.another_partnership()
        mutate(data)
        with pytest.raises(CommandError, match=message):
            run("load_pledges", str(self.write(tmp_path, data)))
        assert PledgeSet.objects.count() == 1

    def test_unreadable_files(self, tmp_path, pledge_set):
        broken = tmp_path / "broken.json"
        broken.write_text("{not json", encoding="utf-8")
        with pytest.raises(CommandError, match="not valid JSON"):
            run("load_pledges", str(broken))
        with pytest.raises(CommandError, match="Cannot read"):
            run("load_pledges", str(tmp_path / "absent.json"))
