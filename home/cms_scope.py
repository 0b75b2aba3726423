"""The CMS kept to each organisation: what the Wagtail admin's own views cannot be told through hooks.

Editors and leads reach the CMS to edit their own organisations' offers. Wagtail shows them more than that
by default: it lets anyone explore below their explorable root (a person editing two schools' offers may
open every offer under /offers/), its choosers list every page, and its reports and filters name every
page and person. The rules are in portal.permissions.offers; this module applies them where Wagtail has
no hook, and home/wagtail_hooks.py where it has one (choosers, explorer listing, menus).

- `KeepTheCMSToEachOrganisation` (middleware) refuses any admin view that names, by id in its URL or
  query string, another organisation's offer page (explorer, chooser, history, workflow, move, API...),
  and the partnership-wide views (reports, page-types listing, form submissions, the API's documents and
  images, bulk actions on pages).
- `scope_people_filters()` narrows the page listings' "owner" and "edited by" filters to the people the
  person may see named.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.pages.listing import GenericPageFilterSet, PageFilterSet
from wagtail.models import Page

from home.models import OfferPage
from portal.permissions import is_la_officer
from portal.permissions import offers as offer_permissions

# URL parameters that hold a page's id, in every Wagtail admin URL that has one.
PAGE_ID_PARAMETERS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
# URL namespaces whose <pk> is a page's id.
PAGE_PK_NAMESPACES = {"wagtailadmin_pages", "wagtailadmin_api:pages"}
# Views that list or count every organisation's pages or people: for the LA only.
LA_ONLY_NAMESPACES = {"wagtailadmin_reports", "wagtailforms", "wagtailadmin_api:documents", "wagtailadmin_api:images"}
LA_ONLY_VIEWS = {"wagtailadmin_pages:type_use", "wagtailadmin_pages:type_use_results"}


# Query-string parameters that hold page ids: the page chooser's (?id= of the pages chosen, target pages,
# the parent) and the listings' bulk actions (?childOf=).
PAGE_ID_QUERY_PARAMETERS = {"childOf", "target_pages[]", "parent_page_id"}
PAGE_CHOOSER_VIEWS = "wagtailadmin_choose_page"  # every page chooser view's URL name starts so


def _page_ids(request, match):
    kwargs = match.kwargs
    ids = [kwargs[name] for name in PAGE_ID_PARAMETERS if name in kwargs]
    if "pk" in kwargs and match.namespace in PAGE_PK_NAMESPACES:
        ids.append(kwargs["pk"])
    if "object_id" in kwargs and _is_page_model(kwargs.get("app_label"), kwargs.get("model_name")):
        ids.append(kwargs["object_id"])
    for name in PAGE_ID_QUERY_PARAMETERS:
        ids.extend(request.GET.getlist(name))
    if match.url_name and match.url_name.startswith(PAGE_CHOOSER_VIEWS):
        ids.extend(request.GET.getlist("id"))
    # Anything but a plausible id is left to Wagtail, which answers it with a 404 or ignores it.
    return [int(value) for value in map(str, ids) if value.isdigit() and len(value) <= 18]


def _is_page_bulk_action(match):
    return match.url_name == "wagtail_bulk_action" and _is_page_model(
        match.kwargs.get("app_label"), match.kwargs.get("model_name")
    )


def _is_page_model(app_label, model_name):
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError, TypeError):
        return False
    return issubclass(model, Page)


def names_a_hidden_offer(user, page_ids) -> bool:
    """Does any of these page ids belong to an offer page the person may not see?"""
    pages = Page.objects.filter(pk__in=page_ids)
    return offer_permissions.cms_pages(user, pages, OfferPage.objects.all()).count() != pages.count()


class KeepTheCMSToEachOrganisation:
    """Refuse editors and leads any admin view of another organisation's page, and the LA-only views."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        user = getattr(request, "user", None)
        if not request.path.startswith(self.admin_prefix) or user is None or is_la_officer(user):
            return None
        if not user.has_perm("wagtailadmin.access_admin"):
            return None  # Wagtail sends those without CMS access to its sign-in page
        match = request.resolver_match
        if match is None:
            return None
        # Editors may not delete, publish, unpublish or move offers, and a bulk action's confirmation names
        # every page it is given (?id=all&childOf=: all of a listing's), so page bulk actions are the LA's.
        refused = match.namespace in LA_ONLY_NAMESPACES or match.view_name in LA_ONLY_VIEWS
        refused = refused or _is_page_bulk_action(match)
        if not refused:
            page_ids = _page_ids(request, match)
            refused = bool(page_ids) and names_a_hidden_offer(user, page_ids)
        if not refused:
            return None
        if match.namespace.startswith("wagtailadmin_api"):
            raise PermissionDenied  # a plain 403 for the API's scripts, not a redirect to a page
        return permission_denied(request)


def _scoped_people(choices):
    def people(request):
        return offer_permissions.cms_people(request.user, choices(request))

    people.scoped_to_the_organisation = True
    return people


def scope_people_filters():
    """Give the page listings' people filters only the people the signed-in person may see named.

    Wagtail builds these choices from every page's owner and every page editor; its filters take a
    `queryset(request)` callable, so the original is wrapped rather than replaced. Safe to call twice.
    """
    for filterset in (PageFilterSet, GenericPageFilterSet):
        for name in ("owner", "edited_by"):
            people_filter = filterset.base_filters[name]
            if not getattr(people_filter.queryset, "scoped_to_the_organisation", False):
                people_filter.queryset = _scoped_people(people_filter.queryset)
