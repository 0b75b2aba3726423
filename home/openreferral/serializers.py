"""Offer pages as Open Referral UK objects (plain dicts, ready for JSON).

Field names and shapes follow the UK profile's compiled schemas (schema/compiled/*.json); `phones` is
the HSDS 3.0 service field (schema/phone.json), which the UK profile allows alongside its own.
"""

from django.utils import timezone

from home import rules
from home.openreferral import ids

TAXONOMY = {
    "id": ids.TAXONOMY_ID,
    "name": "Early Help offer areas",
    "description": (
        "The areas in which schools set out their Early Help provision (Leicester Early Help Schools Guide)."
    ),
    "version": "1",
}


def _clean(data: dict) -> dict:
    """Leave out empty optional values rather than publish blanks that fail 'email' or 'uri' formats."""
    return {key: value for key, value in data.items() if value not in ("", None)}


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if path else ""


def organization(organisation) -> dict:
    data = _clean(
        {
            "id": ids.organization_id(organisation.pk),
            "name": organisation.name,
            "description": rules.describe_organisation(
                organisation.kind,
                organisation.phase,
                organisation.get_sector_display() if organisation.sector else "",
                organisation.locality.name if organisation.locality_id else "",
            ),
            "email": organisation.email,
            "website": organisation.website,
        }
    )
    data["description"] = data.get("description", "")
    return data


def organization_identifiers(organisation) -> list:
    if not organisation.urn:
        return []
    org_id = ids.organization_id(organisation.pk)
    return [
        {
            "id": ids.derived_id(org_id, "urn"),
            "organization_id": org_id,
            "identifier_scheme": "GB-EDU",
            "identifier_type": "Unique Reference Number (URN)",
            "identifier": organisation.urn,
        }
    ]


def taxonomy_term(section) -> dict:
    return _clean(
        {
            "id": ids.taxonomy_term_id(section.slug),
            "name": section.name,
            "description": section.description or section.name,
            "taxonomy": TAXONOMY["name"],
            "taxonomy_id": ids.TAXONOMY_ID,
            "term": section.slug,
        }
    )


def _description(page) -> str:
    parts = [page.summary]
    if page.how_to_get_help:
        parts.append(f"How to ask for help: {page.how_to_get_help}")
    return "\n\n".join(p for p in parts if p)


def service_summary(page, request) -> dict:
    """A service with its one-to-one fields and its organization (the /services list item)."""
    service = ids.service_id(page)
    published = page.last_published_at
    data = _clean(
        {
            "id": service,
            "organization_id": ids.organization_id(page.organisation_id),
            "name": page.title,
            "description": _description(page),
            "url": absolute(request, page.get_url(request)),
            "email": page.email,
            "status": "active",
            "minimum_age": page.min_age,
            "maximum_age": page.max_age,
            "assured_date": timezone.localdate(published).isoformat() if published else None,
            "alert": "This offer is past its review date: check the details with the organisation."
            if page.review_overdue
            else None,
            "last_modified": published.isoformat() if published else None,
        }
    )
    data["organization"] = organization(page.organisation)
    return data


def location(page) -> dict | None:
    """The place families come to, when the offer gives an address."""
    lines = [line.strip() for line in page.address.splitlines() if line.strip()]
    if not lines:
        return None
    location_id = ids.derived_id(ids.service_id(page), "location")
    return {
        "id": location_id,
        "location_type": "physical",
        "name": page.title,
        "addresses": [
            {
                "id": ids.derived_id(location_id, "address"),
                "location_id": location_id,
                "address_1": lines[0],
                "city": lines[-1] if len(lines) > 1 else "",
                "region": ", ".join(lines[1:-1]),
                "state_province": "",
                "postal_code": page.postcode,
                "country": "GB",
                "address_type": "physical",
            }
        ],
    }


def _schedules(page, service):
    schedules = []
    for block in page.opening_times:
        hours = block.value
        schedules.append(
            _clean(
                {
                    "id": ids.derived_id(service, f"schedule:{block.id}"),
                    "service_id": service,
                    "freq": "WEEKLY",
                    "interval": 1,
                    "byday": ",".join(code for code in rules.DAY_CODES if code in hours["days"]),
                    "opens_at": hours["opens_at"].isoformat() if hours["opens_at"] else None,
                    "closes_at": hours["closes_at"].isoformat() if hours["closes_at"] else None,
                    "description": " ".join(part for part in (rules.days_label(hours["days"]), hours["notes"]) if part),
                    "notes": page.opening_times_note,
                }
            )
        )
    return schedules


def _service_areas(page, service):
    localities = list(page.localities.all())
    names = [(locality.slug, locality.name) for locality in localities] or [("city", "The whole city")]
    return [
        {
            "id": ids.derived_id(service, f"service-area:{slug}"),
            "service_id": service,
            "name": name,
            "service_area": name,
            "extent_type": "text",
        }
        for slug, name in names
    ]


def service_full(page, request) -> dict:
    """A fully nested service (/services/{id})."""
    data = service_summary(page, request)
    service = data["id"]
    data["organization"]["organization_identifiers"] = organization_identifiers(page.organisation)
    data["contacts"] = (
        [
            _clean(
                {
                    "id": ids.derived_id(service, "contact"),
                    "service_id": service,
                    "name": page.contact_name,
                    "title": page.contact_role,
                }
            )
        ]
        if page.contact_name
        else []
    )
    data["phones"] = (
        [{"id": ids.derived_id(service, "phone"), "number": page.phone, "description": "Ask for Early Help"}]
        if page.phone
        else []
    )
    data["schedules"] = _schedules(page, service)
    data["service_areas"] = _service_areas(page, service)
    place = location(page)
    data["service_at_locations"] = (
        [
            {
                "id": ids.service_at_location_id(service),
                "service_id": service,
                "location_id": place["id"],
                "location": place,
            }
        ]
        if place
        else []
    )
    data["attributes"] = [
        {
            "id": ids.derived_id(service, f"attribute:{section.slug}"),
            "link_id": service,
            "taxonomy_term_id": ids.taxonomy_term_id(section.slug),
            "link_type": "service",
            "taxonomy_term": taxonomy_term(section),
        }
        for section in page.areas_offered.all()
    ]
    return data


def service_at_location(page, request, *, full=False) -> dict:
    """An offer at its address (/service_at_locations); only offers that give an address have one."""
    service = ids.service_id(page)
    place = location(page)
    return {
        "id": ids.service_at_location_id(service),
        "service_id": service,
        "location_id": place["id"],
        "location": place,
        "service": service_full(page, request) if full else service_summary(page, request),
    }


def page_of(number: int, total: int, total_pages: int, contents: list) -> dict:
    """The UK profile's Page envelope around one page of a list."""
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
