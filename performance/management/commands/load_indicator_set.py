"""manage.py load_indicator_set FILE.json [--make-current]: load a partnership's performance indicators."""

from portal.frameworks import LoadFrameworkCommand


class Command(LoadFrameworkCommand):
    kind_key = "indicators"
