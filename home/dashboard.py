"""Dashboard sections for Early Help offers.

LA officers (and administrators): the partnership's figures, the offers waiting for them, the reviews
that are overdue. Organisation members: where their own organisation's offer stands and what to do next.
"""

from django.urls import reverse

from home import selectors
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
            ),
            DashboardItem(
                f"Overdue reviews: {figures.overdue}",
                f"{register}?state=review_overdue",
                "Published offers past their review date.",
                tag="Review overdue" if figures.overdue else "",
                tag_colour="red",
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
                f"Submitted {submitted_at:%d %B %Y}. Open it to approve and publish, or to request changes.",
                tag="Awaiting moderation",
                tag_colour="blue",
            )
            for page, submitted_at in waiting
        ],
        empty_text="No offers are waiting for you.",
        count=selectors.offer_figures().awaiting_moderation if len(waiting) == 10 else None,
    )


@section(order=12)
def overdue_reviews(user):
    if not offer_permissions.can_view_offer_register(user):
        return None
    overdue = selectors.overdue_offers(limit=10)
    return DashboardSection(
        title="Offer reviews overdue",
        items=[
            DashboardItem(
                page.organisation.name,
                selectors.edit_url(page.pk),
                f"Review was due by {page.review_date:%d %B %Y}.",
                tag="Review overdue",
                tag_colour="red",
            )
            for page in overdue
        ],
        empty_text="Every published offer is within its review date.",
    )


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
        items.append(DashboardItem(row.organisation.name, row.edit_url, detail, row.state.label, row.state.colour))
        if row.url:
            actions.append((f"View the public page of {row.organisation.name}", row.url))
    return DashboardSection(
        title="Your Early Help offer" if len(rows) == 1 else "Your Early Help offers",
        items=items,
        actions=actions,
    )
