"""Stable UUIDs for everything the feed publishes."""

import uuid

NAMESPACE = uuid.UUID("8d3c6f0e-5b8a-4a57-9d3e-0f6c2b7a9e41")  # this portal's; never change it
TAXONOMY_ID = str(uuid.uuid5(NAMESPACE, "taxonomy:early-help-offer-areas"))


def service_id(page) -> str:
    return str(page.translation_key)


def derived_id(parent_id, kind: str) -> str:
    """An id for a record that belongs to `parent_id` (a location, a contact, a schedule...)."""
    return str(uuid.uuid5(uuid.UUID(str(parent_id)), kind))


def organization_id(organisation_id: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"organisation:{organisation_id}"))


def taxonomy_term_id(area_slug: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"taxonomy-term:{area_slug}"))


def service_at_location_id(service: str) -> str:
    return derived_id(service, "service-at-location")


def parse(value: str):
    """The canonical form of an id from a URL, or None when it is not a UUID."""
    try:
        return str(uuid.UUID(value))
    except (ValueError, TypeError, AttributeError):
        return None
