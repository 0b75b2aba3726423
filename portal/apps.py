from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Partnership"

    def ready(self):
        # Each app contributes sections to the signed-in dashboards from its own dashboard.py.
        autodiscover_modules("dashboard")
