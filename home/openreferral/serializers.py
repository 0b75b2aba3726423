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
            "status": status(page),
            "minimum_age": page.min_age,
            "maximum_age": page.max_age,
            "assured_date": timezone.localdate(published).isoformat() if published else None,
            "alert": " ".join(
                note
                for note in (
                    page.closure_note,
                    "This offer is past its review date: check the details with the organisation."
                    if page.review_overdue
                    else "",
                )
                if note
            ),
            "last_modified": published.isoformat() if published else None,
        }
    )
    data["organization"] = organization(page.organisation)
    return data


def status(record, offer=None) -> str:
    """HSDS's service status: "temporarily closed" when the offer (or the service, or its offer) says so."""
    closed = record.temporarily_closed or (offer is not None and offer.temporarily_closed)
    return "temporarily closed" if closed else "active"


def location(page, *, service=None) -> dict | None:
    """The place families come to, when the offer gives an address; for one of its services, with that
    service's own id and the accessibility of the venue."""
    lines = [line.strip() for line in page.address.splitlines() if line.strip()]
    if not lines:
        return None
    location_id = ids.derived_id(ids.service_id(page) if service is None else str(service.key), "location")
    place = {
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
    if service is not None:
        # One entry per thing said (step-free access; the venue in words), each with its own stable id.
        said = {"step-free": service.step_free_label, "venue": service.venue_accessibility.strip()}
        access = [
            {
                "id": ids.derived_id(location_id, f"accessibility:{kind}"),
                "location_id": location_id,
                "description": text,
            }
            for kind, text in said.items()
            if text
        ]
        place["accessibility"] = access
    return place


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


def offer_service(service, request, *, full=False) -> dict:
    """One of an organisation's services (home.models.OfferService) as an HSDS service of that organisation:
    its cost options, eligibility (ages and words), languages and, at the offer's address, the venue's
    accessibility. `service.page` is its (published) offer."""
    page = service.page
    service_id = str(service.key)
    published = page.last_published_at
    url = absolute(request, page.get_url(request))
    data = _clean(
        {
            "id": service_id,
            "organization_id": ids.organization_id(page.organisation_id),
            "name": service.name,
            "description": service.description,
            "url": f"{url}#service-{service.key}" if url else None,
            "email": service.contact_email or page.email,
            "status": status(service, page),
            "fees": service.cost_label,
            "minimum_age": service.min_age,
            "maximum_age": service.max_age,
            # HSDS 3.0's field; the UK profile has only the ages, and lets a service carry more.
            "eligibility_description": service.eligibility,
            "assured_date": timezone.localdate(published).isoformat() if published else None,
            "alert": service.closure_note or page.closure_note,
            "last_modified": published.isoformat() if published else None,
        }
    )
    data["cost_options"] = [
        _clean(
            {
                "id": ids.derived_id(service_id, "cost"),
                "service_id": service_id,
                "option": "Free" if service.is_free else "Cost",
                "amount": 0
                if service.is_free
                else (float(service.cost_amount) if service.cost_amount is not None else None),
                "amount_description": service.cost_label if not service.is_free else "Free",
            }
        )
    ]
    data["languages"] = [
        {
            "id": ids.derived_id(service_id, f"language:{name.lower()}"),
            "service_id": service_id,
            "name": name,
        }
        for name in service.language_list
    ]
    data["organization"] = organization(page.organisation)
    if not full:
        return data
    data["organization"]["organization_identifiers"] = organization_identifiers(page.organisation)
    phone = service.contact_phone or page.phone
    data["phones"] = [{"id": ids.derived_id(service_id, "phone"), "number": phone}] if phone else []
    data["service_areas"] = _service_areas(page, service_id)
    place = location(page, service=service)
    data["service_at_locations"] = (
        [
            {
                "id": ids.service_at_location_id(service_id),
                "service_id": service_id,
                "location_id": place["id"],
                "location": place,
            }
        ]
        if place
        else []
    )
    return data


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
