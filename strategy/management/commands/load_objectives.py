"""manage.py load_objectives FILE.json [--make-current]: load a partnership's strategy objectives or themes."""

from portal.frameworks import LoadFrameworkCommand


class Command(LoadFrameworkCommand):
    kind_key = "objectives"
