from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Public site and Early Help offers"

    def ready(self):
        from home import signals  # noqa: F401  (connects the receivers)
