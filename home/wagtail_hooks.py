"""The CMS as organisation editors and LA officers see it.

Editors reach the CMS only to edit their own organisation's offer page, so the parts of the admin that
count or name other organisations' pages are kept to the local authority. The LA gets a link to the
offer register beside the CMS's own reports. Where the admin's own pages fall short of WCAG 2.2 AA (found
by axe in tests/browser/), a stylesheet and a script fix them on every admin page and in the editor.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.permissions import offers as offer_permissions

LA_ONLY_REPORTS = {"page-types-usage"}  # names the most recently edited page of each type, whoever owns it


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail adds its items
def site_summary_for_the_la_only(request, summary_items):
    if not offer_permissions.can_view_offer_register(request.user):
        summary_items.clear()


@hooks.register("construct_reports_menu")
def reports_for_the_la_only(request, menu_items):
    if not offer_permissions.can_view_offer_register(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in LA_ONLY_REPORTS]


class OfferRegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return offer_permissions.can_view_offer_register(request.user)


@hooks.register("register_reports_menu_item")
def offer_register_menu_item():
    return OfferRegisterMenuItem(
        "Early Help offers register", reverse("home:offer_register"), name="offer-register", icon_name="list-ul",
        order=50,
    )


@hooks.register("insert_global_admin_css")
def accessibility_fixes_css():
    return format_html('<link rel="stylesheet" href="{}">', static("home/admin-accessibility.css"))


@hooks.register("insert_editor_js")
def accessibility_fixes_js():
    return format_html('<script src="{}"></script>', static("home/admin-accessibility.js"))
