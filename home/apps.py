from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Public site and Early Help offers"
