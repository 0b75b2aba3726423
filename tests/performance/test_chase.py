"""Late returns: listed for the LA, and chased daily by `chase_late_returns`, one email per return per due date."""

from datetime import date
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from performance import periods, selectors
from performance.models import ChaseEmail, Return
from testdata.performance import indicator, make_owner, make_return

TODAY = date(2026, 11, 20)  # Q2 2026-27 (July-September) was due on 15 October
Q2 = periods.period_starting(periods.QUARTERLY, date(2026, 7, 1))


def chase(today=TODAY):
    out = StringIO()
    call_command("chase_late_returns", f"--today={today.isoformat()}", stdout=out)
    return out.getvalue()


def test_a_late_return_is_chased_once_per_due_date(owned, agency_lead):
    make_return(owned, Q2.previous(), value=40, user=agency_lead)  # Q1 submitted: Q2 is owed
    assert "Sent 1 chase email(s) covering 1 late return(s)." in chase()
    (message,) = mail.outbox
    assert message.to == [agency_lead.email] and message.subject == "1 performance return overdue"
    assert (
        "15 The number of First Time Entrants (FTEs) into the Criminal Justice System: Q2 2026-27, due 15 October 2026"
        in (message.body)
    )
    assert f"/performance/indicators/{owned.pk}/returns/2026-07-01/" in message.body
    chased = ChaseEmail.objects.get()
    assert (chased.due_on, chased.sent_to, chased.return_record.status) == (Q2.due_on, agency_lead.email, "draft")

    # Safe to rerun, the same day or the next: nothing new is sent.
    assert "Sent 0 chase email(s)" in chase()
    assert "Sent 0 chase email(s)" in chase(date(2026, 11, 21))
    assert len(mail.outbox) == 1 and ChaseEmail.objects.count() == 1


def test_nothing_is_chased_before_the_due_date_has_passed(owned, agency_lead):
    make_return(owned, Q2.previous(), value=40, user=agency_lead)
    assert "Sent 0 chase email(s)" in chase(date(2026, 10, 15))
    assert mail.outbox == [] and not Return.objects.filter(status="draft").exists()


def test_a_submitted_return_is_not_chased_and_one_email_covers_an_owners_late_returns(owned, book, agency_lead, agency):
    other = indicator("18", book)
    make_owner(other, agency_lead, agency)
    make_return(owned, Q2.previous(), value=40, user=agency_lead)
    make_return(other, Q2.previous(), value=8, user=agency_lead)
    make_return(other, Q2, value=9, user=agency_lead)  # up to date
    make_return(owned, Q2, submitted=False, narrative="started")  # a draft is still late
    chase()
    (message,) = mail.outbox
    assert "Q2 2026-27" in message.body and "16-17 year olds presenting as homeless" not in message.body


def test_a_late_return_is_chased_again_when_the_next_period_falls_due(owned, agency_lead):
    make_return(owned, Q2.previous(), value=40, user=agency_lead)
    chase()
    # Q3 fell due on 15 January: it is chased; Q2, still late, was chased for its due date already.
    assert "covering 1 late return(s)" in chase(date(2027, 1, 20))
    assert ChaseEmail.objects.count() == 2 and len(mail.outbox) == 2
    assert "Q3 2026-27" in mail.outbox[1].body and "Q2 2026-27" not in mail.outbox[1].body


def test_an_indicator_with_no_owner_is_not_chased_and_computed_ones_never_are(book):
    assert selectors.outstanding_returns(TODAY) == []
    assert "Sent 0 chase email(s)" in chase()


def test_a_bad_today_is_a_clear_error(db):
    from django.core.management import CommandError

    try:
        chase_text = call_command("chase_late_returns", "--today=yesterday")
    except CommandError as error:
        chase_text = str(error)
    assert "--today must be a date like" in chase_text


def test_the_la_sees_late_returns_with_owner_and_when_chased(client_for, la_officer, owned, agency_lead):
    make_return(
        owned, periods.last_ended(periods.QUARTERLY, date.today()).previous().previous(), value=4, user=agency_lead
    )
    page = client_for(la_officer).get(reverse("performance:late")).content.decode()
    assert "The number of First Time Entrants" in page and "Late" in page and "Not yet" in page
    assert "Lead Tester" in page and "Family Action Group" in page
    client_for(la_officer).post(reverse("performance:chase"))
    assert len(mail.outbox) == 1
    page = client_for(la_officer).get(reverse("performance:late")).content.decode()
    assert "Not yet" not in page
