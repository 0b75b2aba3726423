"""The header's sections, from one registry that each feature adds to.

A feature's `navigation.py` registers a provider `(user) -> NavSection | None` with `@section(order)`; it
returns None when the person may not use the section, asking the feature's own permission rule, so the
header never offers a page that would answer 403. `PortalConfig.ready()` discovers every app's
`navigation.py`: the core imports none of them (as with `portal.dashboard`).

A section owns the paths under its `prefixes`. That one fact marks it current in the header, starts the
breadcrumbs of every page under it, and shows its `pages` as the same sub-navigation on each of them.
Providers must stay cheap (the header is on every page): role and membership predicates, which are
cached on the user for the request, not queries of their own.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from portal import permissions
from portal.permissions import frameworks as framework_permissions

_providers = []


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str


@dataclass
class NavSection:
    label: str
    url: str
    prefixes: tuple = ()  # the paths the section owns; its url's path when empty
    pages: list = field(default_factory=list)  # [NavLink]: the section's sub-navigation

    def owns(self, path):
        return any(path.startswith(prefix) for prefix in self.prefixes or (_path(self.url),))


def section(order=100):
    def register(provider):
        _providers.append((order, provider))
        _providers.sort(key=lambda pair: pair[0])
        return provider

    return register


def sections_for(user):
    return [s for _, provider in _providers if (s := provider(user)) is not None]


def _path(url):
    return url.split("?", 1)[0]


def _current_link(links, path):
    """The link a path falls under: the exact one, else the longest that the path starts with."""
    exact = [link for link in links if _path(link.url) == path]
    if exact:
        return exact[0]
    under = [link for link in links if path.startswith(_path(link.url))]
    return max(under, key=lambda link: len(_path(link.url)), default=None)


class Navigation:
    """What the header, breadcrumbs and sub-navigation show for one request (built once, lazily)."""

    def __init__(self, request):
        self.path = request.path
        self.sections = sections_for(request.user)
        owning = [s for s in self.sections if s.owns(self.path)]
        # The most specific owner wins: /pledges/matrix/ may belong to a section narrower than /pledges/.
        self.current = max(owning, key=lambda s: max(len(p) for p in s.prefixes or (_path(s.url),)), default=None)
        self.current_page = _current_link(self.current.pages, self.path) if self.current else None

    def header(self):
        """[(section, aria-current value or "")]: "page" on the section's own page, "true" beneath it."""
        return [
            (s, ("page" if _path(s.url) == self.path else "true") if s is self.current else "") for s in self.sections
        ]

    def subnav(self):
        """[(link, is current)] for the current section, or [] when it has no sub-pages."""
        if not self.current or len(self.current.pages) < 2:
            return []
        return [(link, link == self.current_page) for link in self.current.pages]

    def trail_root(self):
        """The breadcrumbs' start beneath the dashboard: the current section, unless this is its own page."""
        if self.current and _path(self.current.url) != self.path:
            return [NavLink(self.current.label, self.current.url)]
        return []


# The core's own sections. Features add theirs from their navigation.py.


@section(order=0)
def dashboard(user):
    if not user.is_authenticated:
        return None
    return NavSection("Dashboard", reverse("dashboard"), prefixes=("/dashboard/", "/organisations/", "/accounts/"))


@section(order=800)
def frameworks(user):
    if not framework_permissions.can_read_frameworks(user):
        return None
    return NavSection("Frameworks", reverse("framework_list"))


@section(order=850)
def audit_trail(user):
    if not permissions.can_read_audit_trail(user):
        return None
    return NavSection("Audit trail", reverse("audit_trail"))


@section(order=900)
def administration(user):
    if not permissions.can_administer(user):
        return None
    # Wagtail's admin has its own menu; the header only takes the administrator there.
    return NavSection("Administration", reverse("wagtailadmin_home"), prefixes=("/admin/",))
