"""manage.py load_offer_checklist FILE.json [--make-current]: load a suggested-provision checklist as data."""

from portal.frameworks import LoadFrameworkCommand


class Command(LoadFrameworkCommand):
    kind_key = "offer-checklist"
