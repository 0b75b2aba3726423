"""Dashboard sections for Early Help offers.

LA officers (and administrators): the partnership's figures, the offers waiting for them, the reviews
that are overdue. Organisation members: where their own organisation's offer stands and what to do next.
"""

from django.urls import reverse
from django.utils.text import Truncator

from home import selectors
from home.models import ProblemReport
from portal.dashboard import DashboardItem, DashboardSection, section
from portal.models import Organisation
from portal.permissions import offers as offer_permissions


@section(order=10)
def offer_figures(user):
    if not offer_permissions.can_view_offer_register(user):
        return None
    figures = selectors.offer_figures()
    register = reverse("home:offer_register")
    return DashboardSection(
        title="Early Help offers",
        items=[
            DashboardItem(
                f"Organisations engaged: {figures.engaged} of {figures.organisations}",
                register,
                "Engaged means the organisation has started its offer page.",
            ),
            DashboardItem(
                f"Offers published: {figures.schools_published} of {figures.schools_engaged} schools",
                f"{register}?kind=school&state=published",
                f"Of the schools engaged ({figures.schools} schools in the partnership). "
                f"Other partners: {figures.others_published} of {figures.others_engaged} engaged.",
            ),
            DashboardItem(
                f"Awaiting moderation: {figures.awaiting_moderation}",
                f"{register}?state=awaiting_moderation",
                f"Sent back for changes: {figures.changes_requested}.",
                tag="To review" if figures.awaiting_moderation else "",
                tag_colour="blue",
                needs_action=bool(figures.awaiting_moderation),
            ),
            DashboardItem(
                f"Offer reviews overdue: {figures.overdue}",
                f"{register}?state=review_overdue",
                "Published offers past their review date.",
                tag="Review overdue" if figures.overdue else "",
                tag_colour="red",
                needs_action=bool(figures.overdue),
            ),
        ],
        actions=[
            ("Offer register", register),
            ("Download the register (xlsx)", reverse("home:offer_register_xlsx")),
            ("Public directory", "/offers/"),
        ],
    )


@section(order=11)
def offers_to_moderate(user):
    if not offer_permissions.can_moderate_offers(user):
        return None
    waiting = selectors.offers_awaiting_moderation(limit=10)
    return DashboardSection(
        title="Offers awaiting moderation",
        items=[
            DashboardItem(
                page.organisation.name,
                selectors.edit_url(page.pk),
                f"Submitted {submitted_at:%-d %B %Y}: open it to approve it or ask for changes.",
                tag="Awaiting moderation",
                tag_colour="blue",
            )
            for page, submitted_at in waiting
        ],
        empty_text="No offers are waiting for you.",
        count=selectors.offer_figures().awaiting_moderation if len(waiting) == 10 else None,
        url=reverse("home:offer_register") + "?state=awaiting_moderation",
        limit=3,
    )


TO_DO = {"not_started", "draft", "changes_requested", "review_overdue"}  # the states that wait on the editor

NEXT_STEP = {
    "not_started": "Start your offer page: it takes you to the editor.",
    "draft": "Finish the draft and submit it for moderation.",
    "awaiting_moderation": "The local authority's Early Help team is reviewing it.",
    "changes_requested": "Make the changes asked for and submit it again.",
    "published": "It is in the public directory.",
    "review_overdue": "Review your offer, update it and submit it again.",
}


@section(order=10)
def your_offer(user):
    org_ids = offer_permissions.offer_organisation_ids(user)
    if not org_ids:
        return None
    rows = selectors.offer_overview(Organisation.objects.filter(pk__in=org_ids).order_by("name"))
    items, actions = [], []
    for row in rows:
        detail = NEXT_STEP[row.state.key]
        if row.review_date and row.state.key in ("published", "review_overdue"):
            detail += f" Review date: {row.review_date:%d %B %Y}."
        if row.comment:
            detail += f" Comment from the reviewer: “{row.comment}”"
        items.append(
            DashboardItem(
                row.organisation.name,
                row.edit_url,
                detail,
                row.state.label,
                row.state.colour,
                needs_action=row.state.key in TO_DO,
            )
        )
        if row.url:
            actions.append((f"View the public page of {row.organisation.name}", row.url))
    return DashboardSection(
        title="Your Early Help offer" if len(rows) == 1 else "Your Early Help offers",
        items=items,
        actions=actions,
    )


@section(order=13)
def problem_reports(user):
    """Open "Report a problem" reports about the offer pages the person handles (the LA: every one)."""
    if not offer_permissions.can_view_problem_reports(user):
        return None
    open_reports = offer_permissions.problem_reports_for(user, ProblemReport.objects.filter(resolved_at=None))
    shown = list(open_reports.select_related("organisation").order_by("-created_at")[:10])
    if not shown:
        return None  # nothing to act on: the dashboard stays short (the reports' page keeps the resolved ones)
    listing = reverse("home:problem_reports")
    return DashboardSection(
        title="Problems reported with offer pages",
        items=[
            DashboardItem(
                report.organisation.name,
                listing,
                f"Reported {report.created_at:%d %B %Y}: “{Truncator(report.what_is_wrong).chars(120)}”",
                tag="To resolve",
                tag_colour="red",
                needs_action=True,
            )
            for report in shown
        ],
        count=open_reports.count() if len(shown) == 10 else None,
        url=listing,
        limit=3,
    )
