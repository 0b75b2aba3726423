"""The Wagtail admin for the partnership core: localities, organisations (with their people) and imports,
and the way back from the CMS to the portal for everyone who uses it."""

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from portal import admin_views, users_admin
from portal.models import Locality, Organisation
from portal.permissions.admin import AdministratorsOnly


class LocalityViewSet(ModelViewSet):
    model = Locality
    name = "locality"
    icon = "site"
    menu_label = "Localities"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganisationDeleteView(DeleteView):
    """An organisation with work on record (an offer page, audits...) cannot be deleted: say so and
    point to closing it instead, rather than failing."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                f"{self.object} cannot be deleted because its work is on record (for example its offer page). "
                "Set its status to Closed instead: it then disappears from the public directory and sign-in.",
            )
            return redirect(self.get_success_url())


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    name = "organisation"
    icon = "group"
    menu_label = "Organisations"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind", "phase", "urn", "locality", "status"]
    list_filter = ["kind", "phase", "sector", "locality", "status"]
    search_fields = ["name", "urn"]
    # The database's own matching (icontains), not the search backend: the backend's index holds only the
    # name, so asking it for the URN failed every search ("Cannot search with field urn"), and a part of
    # a URN or a name is what an administrator types.
    search_backend_name = None
    list_per_page = 50
    delete_view_class = OrganisationDeleteView


register_permission_policy(Locality, AdministratorsOnly(Locality))
register_permission_policy(Organisation, AdministratorsOnly(Organisation))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [LocalityViewSet(), OrganisationViewSet(), users_admin.PersonChooserViewSet("person_chooser")]


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("organisations-import/", admin_views.import_organisations, name="organisation_import"),
        path("organisations-import/template.csv", admin_views.import_template, name="organisation_import_template"),
        path(
            "organisations-import/template.xlsx",
            admin_views.import_template_xlsx,
            name="organisation_import_template_xlsx",
        ),
        path("people/<int:user_id>/invite/", users_admin.send_invitation, name="person_invite"),
    ]


@hooks.register("register_admin_menu_item")
def back_to_the_portal_menu_item():
    # The CMS is one step of the portal's journeys: its menu leads back first, for everyone who reaches it.
    return MenuItem(
        "Back to your dashboard", reverse("dashboard"), name="portal-dashboard", icon_name="arrow-left", order=1
    )


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        from portal.permissions import can_administer

        return can_administer(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return AdministratorMenuItem("Import organisations", reverse("organisation_import"), icon_name="upload", order=205)
