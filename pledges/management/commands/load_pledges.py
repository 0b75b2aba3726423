"""manage.py load_pledges FILE.json [--make-current]: load a partnership's pledges as data."""

from portal.frameworks import LoadFrameworkCommand


class Command(LoadFrameworkCommand):
    kind_key = "pledges"
