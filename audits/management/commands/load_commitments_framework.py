"""manage.py load_commitments_framework FILE.json [--make-current]: load a schools commitments framework."""

from portal.frameworks import LoadFrameworkCommand


class Command(LoadFrameworkCommand):
    kind_key = "commitments"
