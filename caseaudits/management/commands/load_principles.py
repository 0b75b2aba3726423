"""manage.py load_principles FILE.json [--make-current]: load a partnership's principle set as data."""

from portal.frameworks import LoadFrameworkCommand


class Command(LoadFrameworkCommand):
    kind_key = "principles"
