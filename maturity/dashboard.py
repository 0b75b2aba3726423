"""Dashboard sections for maturity self-assessment: what each role can act on now."""

from django.urls import reverse

from portal.dashboard import DashboardItem, DashboardSection, section
from portal.permissions import maturity as can

from . import selectors
from .rules import STATUS_COLOURS, Status


def _round_item(round_, url_name="maturity:round_detail", detail="", needs_action=False):
    return DashboardItem(
        text=round_.title,
        url=reverse(url_name, args=[round_.pk]),
        detail=detail,
        tag=Status(round_.status).label,
        tag_colour=STATUS_COLOURS[round_.status],
        needs_action=needs_action,
    )


def _contributors(round_):
    n = round_.contributor_count
    opened = "open to contributors" if round_.accepting_contributions else "not open to contributors"
    return f"{round_.period_label}; {opened}; {n} {'person has' if n == 1 else 'people have'} given ratings"


@section(order=50)
def maturity(user):
    if can.can_manage_rounds(user):
        rounds = list(selectors.dashboard_rounds([Status.DRAFT, Status.SUBMITTED]))
        return DashboardSection(
            title="Maturity self-assessments in progress",
            items=[_round_item(r, detail=_contributors(r)) for r in rounds],
            empty_text="No round in progress.",
            url=reverse("maturity:index"),
            limit=3,
            actions=[
                ("Start a new round", reverse("maturity:round_create")),
                ("Compare rounds", reverse("maturity:compare")),
            ],
        )
    if can.can_sign_off(user):
        rounds = list(selectors.dashboard_rounds([Status.SUBMITTED]))
        items = [
            _round_item(
                r,
                "maturity:round_review",
                f"{r.period_label}; submitted {r.submitted_at:%d %B %Y}" if r.submitted_at else r.period_label,
                needs_action=True,
            )
            for r in rounds
        ]
        items += [
            DashboardItem(
                text=f"Give your views: {r.title}",
                url=reverse("maturity:round_contribute", args=[r.pk]),
                needs_action=True,
            )
            for r in selectors.open_rounds_for(user)
            if not r.responded
        ]
        return DashboardSection(
            title="Maturity rounds awaiting sign-off",
            items=items,
            empty_text="No rounds to review.",
            actions=[("Compare rounds", reverse("maturity:compare"))],
        )
    if can.may_contribute(user):
        rounds = list(selectors.open_rounds_for(user))
        if not rounds:
            return None
        return DashboardSection(
            title="Partnership self-assessment: your views",
            items=[
                DashboardItem(
                    text=r.title,
                    url=reverse("maturity:round_contribute", args=[r.pk]),
                    detail="Rate how mature the partnership is on each strand, with a comment.",
                    tag="You have responded" if r.responded else "Not yet responded",
                    tag_colour="green" if r.responded else "amber",
                    needs_action=not r.responded,
                )
                for r in rounds
            ],
        )
    return None
