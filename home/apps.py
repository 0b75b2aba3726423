from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Public site and Early Help offers"

    def ready(self):
        from home import signals  # noqa: F401  (connects the receivers)
        from home.directory import directory_context
        from home.models import OfferIndexPage

        # The page shows the directory, and the directory reads the pages: the page is handed the
        # directory here, once every module has loaded, rather than importing it (an import cycle).
        OfferIndexPage.directory_context = staticmethod(directory_context)
