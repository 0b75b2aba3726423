"""The board's dashboard sections.

- The board's lead: the partnership overview, where every tool's headline figures are read from one place. A
  board member's dashboard shows this instead of each tool's figures
  (portal.permissions.board.reads_figures_on_the_overview).
- Board meetings: the LA's next meeting whose pack is not issued, the board's latest pack, and a locality
  chair's own locality's section of the latest issued pack.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from localities import selectors as locality_selectors
from localities.models import LocalityPartnership
from portal.dashboard import DashboardItem, DashboardSection, section
from portal.permissions import board as can

from . import selectors

# A pack not issued this close to its meeting asks the officer to act: the board reads it beforehand.
ISSUE_WARNING_DAYS = 14


@section(order=1)
def partnership_overview(user):
    # The board's lead: its members read every tool's figures there. LA officers keep each tool's own sections
    # (with the work they ask of them) and reach the overview from the header's Board section.
    if not can.reads_figures_on_the_overview(user):
        return None
    items = [
        DashboardItem(
            "Open the partnership overview",
            reverse("board:overview"),
            detail="Offers, pledges, schools commitments, case-file audits, maturity and the performance book: "
            "this period beside the last, for the partnership or one locality, each figure linked to its page.",
        )
    ]
    return DashboardSection(title="The partnership at a glance", items=items)


def _chair_section(user):
    """A locality chair's own locality's report in the latest issued pack that has one."""
    # Already asked in this request by the localities' own section, so no query for most people.
    if not locality_selectors.partnership_ids_for(user):
        return None
    slugs = list(LocalityPartnership.objects.filter(chair=user).values_list("locality__slug", flat=True))
    if not slugs:
        return None
    items = []
    for meeting in selectors.issued_with_localities()[:1]:
        items += [
            DashboardItem(
                text=f"{meeting.locality_snapshot[slug]['title']}, {meeting.date:%-d %B %Y}",
                url=reverse("board:pack_locality", args=[meeting.pk, slug]),
            )
            for slug in slugs
            if slug in meeting.locality_snapshot
        ]
    return DashboardSection("Your locality in the board pack", items, empty_text="No board pack has included it yet.")


@section(order=75)
def board_meetings(user):
    if not can.can_view_meetings(user):
        return _chair_section(user) if user.is_authenticated else None
    today = timezone.localdate()
    if can.can_manage_meetings(user):
        meeting = selectors.next_meeting(today)
        items = []
        if meeting is not None:
            issued = meeting.is_issued
            items.append(
                DashboardItem(
                    text=f"Next meeting: {meeting.title}, {meeting.date:%-d %B %Y}",
                    url=reverse("board:meeting", args=[meeting.pk]),
                    tag="Pack issued" if issued else "Pack not issued",
                    tag_colour="green" if issued else "amber",
                    needs_action=not issued and meeting.date - today <= timedelta(days=ISSUE_WARNING_DAYS),
                )
            )
        return DashboardSection(
            "Board meetings",
            items,
            empty_text="No board meeting is scheduled.",
            actions=[("Schedule a meeting", reverse("board:meeting_new"))],
            url=reverse("board:meetings"),
        )
    meeting = selectors.latest_issued()
    items = []
    if meeting is not None:
        items.append(
            DashboardItem(
                text=f"Latest pack: {meeting.title}, {meeting.date:%-d %B %Y}",
                url=reverse("board:pack_print", args=[meeting.pk]),
                detail=f"Issued {timezone.localtime(meeting.issued_at):%-d %B %Y}",
            )
        )
    return DashboardSection(
        "Board packs", items, empty_text="No board pack has been issued yet.", url=reverse("board:meetings")
    )
