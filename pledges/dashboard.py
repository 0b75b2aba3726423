"""Dashboard sections for partnership pledges: the board and LA see overdue reviews across the partnership;
an organisation's people see whether it has signed and which of its reviews need attention."""

from django.urls import reverse
from django.utils import timezone

from pledges import selectors
from portal.dashboard import DashboardItem, DashboardSection, section
from portal.permissions import board as board_can
from portal.permissions.pledges import (
    can_sign,
    can_view_matrix,
    has_own_pledges,
    own_pledge_organisations,
    pledge_organisations,
)

SAMPLE = 5  # overdue reviews listed on the board's dashboard; the matrix has them all


@section(order=20)
def pledges(user):
    pledge_set = selectors.current_pledge_set()
    if pledge_set is None:
        return None
    if can_view_matrix(user):
        return None if board_can.reads_figures_on_the_overview(user) else _partnership_section(user, pledge_set)
    if has_own_pledges(user):
        return _organisation_section(user)
    return None


def _partnership_section(user, pledge_set):
    today = timezone.localdate()
    matrix = selectors.compliance_matrix(pledge_organisations(user), pledge_set, today)
    overdue = matrix.overdue_reviews
    items = [
        DashboardItem(
            text=f"{row.organisation.name}: pledge {cell.pledge.number}",
            url=reverse("pledges:pledge", args=[row.organisation.slug, cell.pledge.number]),
            detail=f"{cell.label}; review was due {cell.review_date:%d %B %Y}",
            tag="Review overdue",
            tag_colour="red",
        )
        for row, cell in overdue[:SAMPLE]
    ]
    return DashboardSection(
        title="Pledge reviews overdue",
        items=items,
        count=len(overdue),
        url=reverse("pledges:matrix"),
        limit=3,
        empty_text=f"No pledge reviews are overdue. {matrix.signed_count} of {matrix.count} organisations have signed.",
        actions=[
            ("Open the compliance matrix", reverse("pledges:matrix")),
            ("Designated leads", reverse("pledges:designated_leads")),
        ],
    )


def _organisation_section(user):
    today = timezone.localdate()
    items = []
    organisations = own_pledge_organisations(user).order_by("name")
    for organisation in organisations:
        signature = selectors.latest_signature(organisation)
        url = reverse("pledges:organisation", args=[organisation.slug])
        if signature is None:
            action = "Sign the pledges" if can_sign(user, organisation) else "Not signed yet: your lead signs"
            items.append(
                DashboardItem(
                    organisation.name,
                    url,
                    action,
                    tag="Not signed",
                    tag_colour="grey",
                    needs_action=can_sign(user, organisation),
                )
            )
        cells = selectors.organisation_cells(organisation, selectors.working_pledge_set(signature), today)
        for cell in cells:
            if cell.overdue or cell.due_soon:
                items.append(
                    DashboardItem(
                        text=f"{organisation.name}: pledge {cell.pledge.number}",
                        url=reverse("pledges:pledge", args=[organisation.slug, cell.pledge.number]),
                        detail=(
                            f"{cell.pledge.title}. Review {'was ' if cell.overdue else ''}"
                            f"due {cell.review_date:%d %B %Y}."
                        ),
                        tag="Review overdue" if cell.overdue else "Review due soon",
                        tag_colour="red" if cell.overdue else "amber",
                        needs_action=True,
                    )
                )
    return DashboardSection(
        title="Partnership pledges",
        items=items,
        empty_text="No pledge reviews are due in the next 30 days.",
        actions=[("Your pledges", reverse("pledges:index"))],
    )
