"""manage.py load_maturity_framework FILE.json [--make-current]: load a maturity framework as data."""

from portal.frameworks import LoadFrameworkCommand


class Command(LoadFrameworkCommand):
    kind_key = "maturity"
