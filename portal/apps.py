from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from wagtail.users.apps import WagtailUsersAppConfig


class PortalConfig(AppConfig):
    default = True  # this module also holds PortalUsersAppConfig, so say which config "portal" means
    name = "portal"
    verbose_name = "Partnership"

    def ready(self):
        # Each app contributes sections to the signed-in dashboards from its own dashboard.py.
        autodiscover_modules("dashboard")
        # ...and its header section (with its sub-pages) from its navigation.py.
        autodiscover_modules("navigation")
        # ...its headline figures for the partnership overview (portal/overview.py), and the board pack's
        # section kinds (portal/board_pack.py).
        autodiscover_modules("overview")
        autodiscover_modules("board_pack")


class PortalUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with the portal's person fields (see portal/users_admin.py)."""

    user_viewset = "portal.users_admin.PersonViewSet"
