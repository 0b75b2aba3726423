"""The feed's endpoints. Open to anyone, GET only, JSON, `Access-Control-Allow-Origin: *` on every
response (errors too), published offers only, a fixed number of queries per request."""

import math
from collections import defaultdict
from functools import wraps

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from home import geocoding, search
from home.directory import cached_offers, published_offers, shown
from home.directory_cache import DIRECTORY
from home.models import ChecklistSection, OfferPage, OfferService
from home.openreferral import ids, serializers
from portal.input_guard import search_terms

VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200


class BadParameter(Exception):
    pass


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def open_endpoint(view):
    """GET only, CORS for everyone, and a JSON 400 for a parameter that is not understood."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            response = require_GET(view)(request, *args, **kwargs)
        except BadParameter as problem:
            response = _json({"error": str(problem)}, status=400)
        if response.status_code == 405:
            response = _json({"error": "Only GET requests are supported."}, status=405)
            response["Allow"] = "GET"
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapped


def _not_found(what):
    return _json({"error": f"No published {what} has that id."}, status=404)


def _whole_number(request, name, default, minimum, maximum=None):
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"{name} must be a whole number.") from None
    if value < minimum or (maximum is not None and value > maximum):
        limit = f"between {minimum} and {maximum}" if maximum is not None else f"{minimum} or more"
        raise BadParameter(f"{name} must be {limit}.")
    return value


def _number(request, name):
    raw = request.GET.get(name, "")
    if raw == "":
        return None
    try:
        value = float(raw)
    except ValueError:
        raise BadParameter(f"{name} must be a number of years.") from None
    if not math.isfinite(value) or value < 0:
        raise BadParameter(f"{name} must be a number of years, 0 or more.")
    return value


def _paged(request, items, serialize, name=None):
    """The requested page of `items` (a queryset, search results or a list) in the Page envelope.

    Search results (which carry `parts`, what they are) are the same for every client of this host: a
    page of them, serialised by the endpoint `name`, is kept in the shared cache beside their count and
    ids, so a warm request neither loads nor serialises its items.
    """
    number = _whole_number(request, "page", 1, 1)
    per_page = _whole_number(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total = len(items) if isinstance(items, list) else items.count()
    total_pages = math.ceil(total / per_page)
    start = (number - 1) * per_page

    def contents():
        return [serialize(item) for item in items[start : start + per_page]] if start < total else []

    if name is not None and hasattr(items, "parts"):
        # The serialised links are absolute: the host they were built for is part of what they are.
        parts = ("feed page", name, items.parts, start, per_page, request.build_absolute_uri("/"))
        return _json(serializers.page_of(number, total, total_pages, DIRECTORY.cached(parts, contents)))
    return _json(serializers.page_of(number, total, total_pages, contents()))


def _area_sections():
    return ChecklistSection.objects.filter(checklist__is_current=True, kind=ChecklistSection.Kind.AREA).order_by(
        "sort_order"
    )


def _place(request):
    """The `postcode` and `proximity` parameters (UK profile): where, and how many metres from it, or None."""
    postcode, proximity = request.GET.get("postcode", "").strip(), request.GET.get("proximity", "").strip()
    if not postcode:
        if proximity:
            raise BadParameter("proximity needs a postcode to measure from.")
        return None, None
    normal = geocoding.normalise(postcode)
    if normal is None:
        raise BadParameter("postcode must be a UK postcode, for example LE4 6AB, or its outward code, LE4.")
    origin = geocoding.geocoder().locate(normal)
    if origin is None:
        raise BadParameter(
            f"postcode {normal} is outside the area this directory covers ({geocoding.geocoder().covers()})."
        )
    metres = None
    if proximity:
        try:
            metres = float(proximity)
        except ValueError:
            raise BadParameter("proximity must be a number of metres.") from None
        if not math.isfinite(metres) or metres <= 0:
            raise BadParameter("proximity must be a number of metres, more than 0.")
    return origin, metres


def _aged(records, minimum_age, maximum_age):
    """Offers or services by the feed's age parameters: minimum age at least, maximum age at most."""
    if minimum_age is not None:
        records = records.filter(min_age__gte=minimum_age)
    if maximum_age is not None:
        records = records.filter(max_age__lte=maximum_age)
    return records


def _filtered_services(request, *, with_address=False, by_place=False, ages=True):
    """Published offers matching the feed's filter parameters (search, taxonomy, ages; and for the
    service_at_locations, postcode and proximity: the nearest first, only those within proximity metres)."""
    origin, metres = _place(request) if by_place else (None, None)
    minimum_age, maximum_age = (
        (_number(request, "minimum_age"), _number(request, "maximum_age")) if ages else (None, None)
    )
    term = request.GET.get("taxonomy_term_id")
    taxonomy = request.GET.get("taxonomy_id")

    def matching():
        """The offers to search, built only when the shared cache misses (building them reads the database)."""
        offers = published_offers()
        if metres is not None:
            offers = search.within(offers.exclude(latitude=None), origin, metres)
        if with_address:
            offers = offers.exclude(address="")
        offers = _aged(offers, minimum_age, maximum_age)
        if term:
            slugs = {ids.taxonomy_term_id(slug): slug for slug in _area_sections().values_list("slug", flat=True)}
            offers = offers.filter(areas_offered__slug=slugs.get(ids.parse(term), ""))
        if taxonomy:
            wanted = ids.parse(taxonomy) == ids.TAXONOMY_ID
            offers = offers.filter(areas_offered__isnull=False) if wanted else offers.none()
        return offers

    # Everything `matching` narrows by, so that the shared cache keeps each combination apart.
    parts = ("feed", with_address, minimum_age, maximum_age, term, taxonomy, metres)
    text = search_terms(request.GET.get("search"))
    sort = "nearest" if origin else ("relevance" if text else "name")
    results, _query = cached_offers(parts, {}, search=text, within=matching, sort=sort, origin=origin)
    return results


class WithServices:
    """The /services list: each matching offer followed by the services its organisation lists on it.

    `aged` (None: no age parameters) returns the ids of the offers of the right ages, called only when the
    shared cache misses.

    An offer's services come after it (the offer's words, services included, are what a search finds); the
    age parameters apply to each offer's and each service's own ages, and a taxonomy filter leaves the
    services out (they carry no offer-area terms). Count and order are kept in the shared cache like the
    offers'; a page of the list reads only its own offers and services, so a request costs the same
    whatever the size.
    """

    def __init__(self, offers, services, aged, parts):
        self.offers, self.services, self.aged, self.parts = offers, services, aged, parts

    def _entries(self):
        def build():
            by_offer = defaultdict(list)
            if self.services is not None:
                rows = self.services.filter(page__in=published_offers().values("pk")).order_by(
                    "page_id", "sort_order", "pk"
                )
                for page_id, pk in rows.values_list("page_id", "pk"):
                    by_offer[page_id].append(("service", pk))
            kept = None if self.aged is None else set(self.aged())
            return [
                entry
                for pk in self.offers.ranked.ids(0, None)
                for entry in ([("offer", pk)] if kept is None or pk in kept else []) + by_offer[pk]
            ]

        return DIRECTORY.cached(("feed entries", self.parts), build)

    def count(self):
        # Its own entry: a warm request must not read the whole list of entries for its length.
        return DIRECTORY.cached(("feed entries count", self.parts), lambda: len(self._entries()))

    def __getitem__(self, window):
        entries = self._entries()[window]
        wanted = defaultdict(list)
        for kind, pk in entries:
            wanted[kind].append(pk)
        found = {("offer", o.pk): o for o in shown(OfferPage.objects.live().filter(pk__in=wanted["offer"]))}
        if wanted["service"]:
            services = OfferService.objects.filter(pk__in=wanted["service"]).select_related(
                "page__organisation__locality"
            )
            found.update({("service", s.pk): s for s in services})
        return [found[entry] for entry in entries if entry in found]


def _serialize(request, *, full=False):
    def serialize(item):
        if isinstance(item, OfferService):
            return serializers.offer_service(item, request, full=full)
        return serializers.service_full(item, request) if full else serializers.service_summary(item, request)

    return serialize


@open_endpoint
def api_root(request):
    return _json({"version": VERSION, "profile": PROFILE_URL, "openapi_url": OPENAPI_URL})


def _listed_services(request):
    """The organisations' own services the /services list shows beside their offers (None: none of them)."""
    if request.GET.get("taxonomy_term_id") or request.GET.get("taxonomy_id"):
        return None
    return _aged(OfferService.objects.all(), _number(request, "minimum_age"), _number(request, "maximum_age"))


@open_endpoint
def services(request):
    # The offers in order without the age parameters, so that a service of the right ages is listed even
    # when its offer's own ages are not; the offers themselves are then kept to those of the right ages.
    offers = _filtered_services(request, ages=False)
    minimum_age, maximum_age = _number(request, "minimum_age"), _number(request, "maximum_age")

    def aged():
        return _aged(published_offers(), minimum_age, maximum_age).values_list("pk", flat=True)

    if minimum_age is None and maximum_age is None:
        aged = None
    parts = ("with services", offers.parts, minimum_age, maximum_age)
    listed = WithServices(offers, _listed_services(request), aged, parts)
    return _paged(request, listed, _serialize(request), name="services")


def _published_service(service_id):
    key = ids.parse(service_id)
    if key is None:
        return None
    return (
        published_offers()
        .filter(translation_key=key)
        .select_related("organisation__locality")
        .prefetch_related("localities", "areas_offered")
        .first()
    )


def _published_listed_service(service_id):
    """One of the organisations' own services, when its offer is published."""
    key = ids.parse(service_id)
    if key is None:
        return None
    return (
        OfferService.objects.filter(key=key, page__in=published_offers().values("pk"))
        .select_related("page__organisation__locality")
        .prefetch_related("page__localities")
        .first()
    )


@open_endpoint
def service_detail(request, service_id):
    page = _published_service(service_id)
    if page is not None:
        return _json(serializers.service_full(page, request))
    listed = _published_listed_service(service_id)
    if listed is None:
        return _not_found("service")
    return _json(serializers.offer_service(listed, request, full=True))


@open_endpoint
def service_at_locations(request):
    return _paged(
        request,
        _filtered_services(request, with_address=True, by_place=True),
        lambda page: serializers.service_at_location(page, request),
        name="service_at_locations",
    )


@open_endpoint
def service_at_location_detail(request, sal_id):
    wanted = ids.parse(sal_id)
    if wanted is None:
        return _not_found("service at location")
    for key in published_offers().exclude(address="").values_list("translation_key", flat=True):
        if ids.service_at_location_id(str(key)) == wanted:
            page = _published_service(str(key))
            return _json(serializers.service_at_location(page, request, full=True))
    return _not_found("service at location")


@open_endpoint
def taxonomies(request):
    return _paged(request, [serializers.TAXONOMY], lambda taxonomy: taxonomy)


@open_endpoint
def taxonomy_detail(request, taxonomy_id):
    if ids.parse(taxonomy_id) != ids.TAXONOMY_ID:
        return _not_found("taxonomy")
    return _json({**serializers.TAXONOMY, "taxonomy_terms": [serializers.taxonomy_term(s) for s in _area_sections()]})


@open_endpoint
def taxonomy_terms(request):
    return _paged(request, list(_area_sections()), serializers.taxonomy_term)


@open_endpoint
def taxonomy_term_detail(request, term_id):
    wanted = ids.parse(term_id)
    for section in _area_sections():
        if ids.taxonomy_term_id(section.slug) == wanted:
            return _json(serializers.taxonomy_term(section))
    return _not_found("taxonomy term")
