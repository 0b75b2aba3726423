"""Demo data for board meetings: last quarter's business meeting with its issued pack and decisions, and
the next meeting, a deep dive on adolescent mental health, being prepared. Idempotent: found by title."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from portal.models import User
from portal.seeding import demo_seeder

from . import selectors, services
from .models import Meeting

LAST_TITLE = "Early Help Partnership Board: business meeting"
NEXT_TITLE = "Early Help Partnership Board: deep dive"

PAPER = (
    "Referrals of young people aged 11 to 17 for emotional wellbeing support have risen over the year.\n\n"
    "This deep dive asks partners what early help is offered before a referral to CAMHS, and where the gaps are."
)


def _sections(meeting, kinds):
    if meeting.sections.exists():
        return
    for kind, extra in kinds:
        services.add_section(meeting, kind, **extra)


@demo_seeder(90)
def seed_board(stdout=None):
    today = timezone.localdate()
    officer = User.objects.filter(partnership_role=User.PartnershipRole.LA_OFFICER).order_by("pk").first()

    last, _ = Meeting.objects.get_or_create(
        title=LAST_TITLE,
        defaults={"date": today - timedelta(days=75), "kind": Meeting.Kind.BUSINESS, "created_by": officer},
    )
    if not last.agenda.exists():
        for order, (title, presenter) in enumerate(
            [
                ("Actions from the last meeting", "Chair"),
                ("Partnership overview", "Early Help QA lead"),
                ("Quarterly case-file audit report", "Early Help QA lead"),
                ("Locality partnership reports", "Locality chairs"),
                ("Any other business", "Chair"),
            ],
            start=1,
        ):
            last.agenda.create(order=order, title=title, presenter=presenter)
    _sections(
        last,
        [
            ("overview", {}),
            ("scorecard_exceptions", {}),
            ("caseaudits_report", {}),
            ("commitments_summary", {}),
            ("locality_reports", {}),  # each chair reads their own locality's part
        ],
    )
    if not last.follow_ups.exists():
        last.follow_ups.create(
            kind="decision",
            text="Adopt the revised quality assurance framework.",
            owner="Board chair",
            due_date=last.date + timedelta(days=30),
        )
        last.follow_ups.create(
            kind="action",
            text="Report on the schools that have not started their commitments audit.",
            owner="Early Help QA lead",
            due_date=today + timedelta(days=7),
        )
    if not last.is_issued:
        sent_out = last.date - timedelta(days=7)
        services.issue_pack(last, officer, today=sent_out)
        # The demo's pack went out a week before its meeting, as a real one would (issuing stamps "now").
        issued_at = timezone.make_aware(datetime.combine(sent_out, time(10, 0)))
        Meeting.objects.filter(pk=last.pk).update(issued_at=issued_at)

    upcoming, _ = Meeting.objects.get_or_create(
        title=NEXT_TITLE,
        defaults={
            "date": today + timedelta(days=10),
            "kind": Meeting.Kind.DEEP_DIVE,
            "theme": "Adolescent mental health",
            "created_by": officer,
        },
    )
    if not upcoming.agenda.exists():
        for order, (title, presenter, paper) in enumerate(
            [
                ("Actions from the last meeting", "Chair", ""),
                ("Adolescent mental health: what the audits tell us", "Early Help QA lead", "Deep dive paper"),
                ("Partners' perspectives", "CAMHS and schools", ""),
            ],
            start=1,
        ):
            upcoming.agenda.create(order=order, title=title, presenter=presenter, paper=paper)
    _sections(
        upcoming,
        [
            ("last_actions", {}),
            ("caseaudits_report", {}),
            ("paper", {"title": "Adolescent mental health: deep dive", "text": PAPER}),
        ],
    )
    if stdout:
        stdout.write(f"Board: {selectors.meetings().count()} meetings")
