"""The signed-in dashboards: each app contributes sections from its own `dashboard.py`.

A section provider is a function `(user) -> DashboardSection | None`, registered with `@section(order)`.
It returns None when the section does not concern the person's role, and a section with no items when it
does but there is nothing to act on yet (the page then shows `empty_text`).

The page leads with "Needs your action": the items a provider marks `needs_action` (a review overdue, an
audit to continue, a round to sign off), gathered from every section by `needs_action()`. The sections
follow as short summaries: a section with `limit` shows that many items and links to `url` for the rest,
so the page stays a page (an LA officer's once ran past 4,000 px).
"""

from dataclasses import dataclass, field

from django.urls import reverse

from portal import permissions
from portal.models import Membership, Organisation

_providers = []


@dataclass
class DashboardItem:
    text: str
    url: str = ""
    detail: str = ""
    tag: str = ""  # short status text, e.g. "Review overdue"
    tag_colour: str = "grey"
    needs_action: bool = False  # something the person should do now: also listed under "Needs your action"


@dataclass
class DashboardSection:
    title: str
    items: list = field(default_factory=list)
    empty_text: str = "Nothing to act on yet."
    actions: list = field(default_factory=list)  # [(label, url)]
    count: int | None = None  # a headline figure, when the list is a sample of more
    url: str = ""  # the page with the whole list
    limit: int | None = None  # items shown on the dashboard; None shows them all

    @property
    def shown(self):
        return self.items if self.limit is None else self.items[: self.limit]

    @property
    def total(self):
        return self.count if self.count is not None else len(self.items)

    @property
    def hidden_count(self):
        """How many more the section's page lists than the dashboard shows."""
        return max(self.total - len(self.shown), 0)


def section(order=100):
    def register(provider):
        _providers.append((order, provider))
        _providers.sort(key=lambda pair: pair[0])
        return provider

    return register


def sections_for(user):
    return [s for _, provider in _providers if (s := provider(user)) is not None]


def needs_action(sections):
    """[(section, item)] for every item that asks the person to act, in the sections' order."""
    return [(s, item) for s in sections for item in s.items if item.needs_action]


ROLE_HEADINGS = {
    "admin": "Site administrator",
    "la_officer": "Local-authority quality assurance",
    "board_member": "Strategic board",
    "lead": "Organisation lead",
    "editor": "Organisation editor",
    "none": "Your account",
}


@section(order=0)
def your_organisations(user):
    memberships = (
        Membership.objects.filter(user=user, organisation__status=Organisation.Status.ACTIVE)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    if not memberships and permissions.is_partnership_wide(user):
        return None
    return DashboardSection(
        title="Your organisations",
        items=[
            DashboardItem(
                text=m.organisation.name,
                url=reverse("organisation_detail", args=[m.organisation.slug]),
                detail=m.organisation.get_kind_display(),
                tag=m.get_role_display(),
            )
            for m in memberships
        ],
        empty_text="You are not linked to an organisation yet. Ask your local-authority Early Help team to add you.",
    )


@section(order=900)
def administration(user):
    if not permissions.can_administer(user):
        return None
    return DashboardSection(
        title="Administration",
        items=[
            DashboardItem("Organisations", reverse("organisation:index"), "Add, edit, close; people and roles"),
            DashboardItem("Import organisations", reverse("organisation_import"), "From a CSV or Excel file"),
            DashboardItem("Localities", reverse("locality:index")),
            DashboardItem("People", reverse("wagtailusers_users:index"), "Accounts and partnership roles"),
            DashboardItem(
                "Frameworks", reverse("framework_list"), "Pledges, commitments, principles, maturity, checklist"
            ),
        ],
    )


@section(order=950)
def account_security(user):
    if not permissions.may_use_two_factor(user):
        return None
    from django_otp import user_has_device

    on = user_has_device(user)
    return DashboardSection(
        title="Account security",
        items=[
            DashboardItem(
                "Two-factor sign-in",
                reverse("two_factor"),
                "A code from an authenticator app each time you sign in",
                tag="On" if on else "Off",
                tag_colour="green" if on else "grey",
            )
        ],
    )
