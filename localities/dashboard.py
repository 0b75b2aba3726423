"""The chair's dashboard section, "Your locality partnership": this quarter's report, and last quarter's
if it is still not submitted (then it needs their action). A member who does not chair sees a link to the
partnership: this is how chairs and members reach their partnership, since the header offers it only to the
LA and the board (asking whether someone sits on one would cost the header a query on every page)."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from portal.dashboard import DashboardItem, DashboardSection, section

from . import rules, selectors
from .models import LocalityPartnership, QuarterlyReport


def _report_item(partnership, quarter, submitted, today):
    state = rules.report_state(quarter, submitted, today)
    return DashboardItem(
        text=f"{quarter.label} report to the board",
        url=reverse("localities:report", args=[partnership.locality.slug, rules.quarter_slug(quarter)]),
        detail=f"{partnership.locality.name}; due by {quarter.last_day:%d %B %Y}",
        tag=rules.STATE_TEXT[state],
        tag_colour=rules.STATE_COLOUR[state],
        needs_action=state == rules.OVERDUE,
    )


@section(order=68)
def your_locality_partnership(user):
    # One query for everyone (the partnerships they chair or sit on); the records only for those who do.
    ids = selectors.partnership_ids_for(user)
    if not ids:
        return None
    theirs = list(LocalityPartnership.objects.filter(pk__in=ids).select_related("locality").order_by("locality__name"))
    partnerships = [p for p in theirs if p.chair_id == user.pk]
    if not partnerships:
        return DashboardSection(
            title="Your locality partnership" if len(theirs) == 1 else "Your locality partnerships",
            items=[
                DashboardItem(p.name, reverse("localities:detail", args=[p.locality.slug]), "You are a member")
                for p in theirs
            ],
        )
    today = timezone.localdate()
    this = rules.current_quarter(today)
    last = rules.previous_quarter(this)
    submitted = set(
        QuarterlyReport.objects.filter(partnership__in=partnerships, status=QuarterlyReport.Status.SUBMITTED)
        .filter(Q(year=this.start_year, quarter=this.quarter) | Q(year=last.start_year, quarter=last.quarter))
        .values_list("partnership_id", "year", "quarter")
    )
    items = []
    for partnership in partnerships:
        if (partnership.pk, last.start_year, last.quarter) not in submitted:
            items.append(_report_item(partnership, last, False, today))
        items.append(
            _report_item(partnership, this, (partnership.pk, this.start_year, this.quarter) in submitted, today)
        )
    title = "Your locality partnership" if len(partnerships) == 1 else "Your locality partnerships"
    return DashboardSection(
        title=title,
        items=items,
        actions=[(p.name, reverse("localities:detail", args=[p.locality.slug])) for p in partnerships],
    )
