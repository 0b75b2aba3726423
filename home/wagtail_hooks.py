"""The CMS as organisation editors and LA officers see it.

Editors reach the CMS only to edit their own organisation's offer page, so the parts of the admin that
count or name other organisations' pages are kept to the local authority: the explorer, the page, document
and image choosers list only the person's own organisations' offers and uploads, the reports are the LA's,
and the people filters name only the person's colleagues and the LA (home/cms_scope.py does what no hook
can: views that name another organisation's page by id, and the filters). The LA gets a link to the
offer register beside the CMS's own reports. Where the admin's own pages fall short of WCAG 2.2 AA (found
by axe in tests/browser/), a stylesheet and a script fix them on every admin page and in the editor.
"""

from django.contrib.auth.models import Group
from django.db.models import Q
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.cms_journey import after_offer_edited
from home.cms_scope import scope_people_filters
from home.models import OfferPage, OrganisationOfferGroup
from home.services import QA_GROUP_NAME
from portal.permissions import offers as offer_permissions

scope_people_filters()


def _without_hidden_offers(request, pages):
    return offer_permissions.cms_pages(request.user, pages, OfferPage.objects.all())


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_own_offers(parent_page, pages, request):
    return _without_hidden_offers(request, pages)


# Saved, submitted or moderated: back to the portal with a confirmation in its words (home/cms_journey.py).
hooks.register("after_edit_page", after_offer_edited)


@hooks.register("construct_page_chooser_queryset")
def page_chooser_shows_own_offers(pages, request):
    return _without_hidden_offers(request, pages)


@hooks.register("construct_document_chooser_queryset")
def document_chooser_shows_own_uploads(documents, request):
    return offer_permissions.cms_documents(request.user, documents)


@hooks.register("construct_image_chooser_queryset")
def image_chooser_shows_own_uploads(images, request):
    return offer_permissions.cms_documents(request.user, images)


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail adds its items
def site_summary_for_the_la_only(request, summary_items):
    if not offer_permissions.can_view_offer_register(request.user):
        summary_items.clear()


@hooks.register("construct_reports_menu")
def reports_for_the_la_only(request, menu_items):
    # Every report lists or names other organisations' pages and people (KeepTheCMSToEachOrganisation
    # refuses their URLs too).
    if not offer_permissions.can_use_cms_reports(request.user):
        menu_items.clear()


class OfferRegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return offer_permissions.can_view_offer_register(request.user)


@hooks.register("register_reports_menu_item")
def offer_register_menu_item():
    return OfferRegisterMenuItem(
        "Early Help offers register",
        reverse("home:offer_register"),
        name="offer-register",
        icon_name="list-ul",
        order=50,
    )


@hooks.register("register_managed_groups")
def offer_groups():
    # Kept equal to the memberships and partnership roles by home/services.py: not for ticking by hand.
    return Group.objects.filter(Q(pk__in=OrganisationOfferGroup.objects.values("group_id")) | Q(name=QA_GROUP_NAME))


@hooks.register("insert_global_admin_css")
def accessibility_fixes_css():
    return format_html('<link rel="stylesheet" href="{}">', static("home/admin-accessibility.css"))


@hooks.register("insert_editor_js")
def accessibility_fixes_js():
    return format_html('<script src="{}"></script>', static("home/admin-accessibility.js"))
