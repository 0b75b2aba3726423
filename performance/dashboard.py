"""Dashboard sections for the performance book: an owner's indicators (what is due, when, what is late) and
the LA's late returns."""

from django.urls import reverse
from django.utils import timezone

from performance import scorecard as board
from performance.rules import RATING_MEANINGS
from portal.dashboard import DashboardItem, DashboardSection, section
from portal.permissions import is_board_member
from portal.permissions import performance as can

from . import selectors

SHOWN = 8


def _item(owed, *, for_owner=False):
    """A return still owed; the owner's own late ones also lead their dashboard ("Needs your action")."""
    indicator, period = owed.indicator, owed.period
    owner = getattr(indicator, "owner", None)
    detail = f"{period.label}, due {period.due_on:%d %B %Y}"
    if owner is not None and not for_owner:
        # The person to chase; their organisation is on the return's page (the dashboard stays short).
        detail += f"; {owner.user.get_full_name() or owner.user.email}"
    return DashboardItem(
        text=f"{indicator.reference} {indicator.name}",
        url=reverse("performance:return", args=[indicator.pk, period.start.isoformat()]),
        detail=detail,
        tag=owed.status_text,
        tag_colour="red" if owed.is_late else ("blue" if owed.return_record else "amber"),
        needs_action=for_owner and owed.is_late,
    )


@section(order=60)
def your_indicators(user):
    """The owner's indicators: every return still owed, late first."""
    owned = selectors.owned_indicators(user)
    if not owned:
        return None
    owed = selectors.outstanding_returns(timezone.localdate(), owner=user)
    return DashboardSection(
        title="Your indicators",
        items=[_item(item, for_owner=True) for item in owed[:SHOWN]],
        empty_text=f"All {len(owned)} of your indicators are up to date.",
        actions=[("Your indicators and bulk returns", reverse("performance:index"))],
        count=len(owed) if len(owed) > SHOWN else None,
    )


@section(order=61)
def late_returns(user):
    if not can.can_manage_performance(user):
        return None
    late = selectors.outstanding_returns(timezone.localdate(), late_only=True)
    return DashboardSection(
        title="Late performance returns",
        items=[_item(item) for item in late[:SHOWN]],
        empty_text="No performance return is late.",
        actions=[("Performance book", reverse("performance:index"))],
        count=len(late) if len(late) > SHOWN else None,
        # The LA's dashboard is a summary: three, then "See all" on the late-returns page.
        limit=3,
        url=reverse("performance:late"),
    )


@section(order=62)
def scorecard_exceptions(user):
    """The board's way in: the current set's exceptions (Red, or worse two periods running), from the
    scorecard's own selector so the dashboard and the scorecard agree."""
    if not is_board_member(user):
        return None
    indicator_set = board.current_set()
    if indicator_set is None:
        return None
    today = timezone.localdate()
    closed_only = can.scorecard_closed_periods_only(user)
    card = board.scorecard(
        indicator_set, board.default_year(indicator_set, today, closed_only=closed_only), today, closed_only=closed_only
    )
    colours = {"red": "red", "amber": "amber", "green": "green"}
    items = [
        DashboardItem(
            text=f"{row.reference} {row.indicator.name}",
            url=reverse("performance:indicator", args=[row.indicator.pk]),
            detail=(
                f"{row.latest.text if row.latest else 'No figure'} against a target of {row.target_text}; "
                f"{row.vs_previous.label.lower()} since the previous period. {RATING_MEANINGS[row.rating]}."
            ),
            tag=row.rating.label,
            tag_colour=colours.get(row.rating.value, "grey"),
        )
        for row in card.exceptions[:SHOWN]
    ]
    return DashboardSection(
        title=f"Performance by exception, {card.year}",
        items=items,
        empty_text="No indicator is Red or has worsened two periods running.",
        actions=[("The performance scorecard", reverse("performance:scorecard"))],
        count=len(card.exceptions) if len(card.exceptions) > SHOWN else None,
    )
