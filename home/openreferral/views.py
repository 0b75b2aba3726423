"""The feed's endpoints. Open to anyone, GET only, JSON, `Access-Control-Allow-Origin: *` on every
response (errors too), published offers only, a fixed number of queries per request."""

import math
from functools import wraps

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from home.directory import cached_offers, published_offers
from home.models import ChecklistSection
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


def _paged(request, items, serialize):
    """The requested page of `items` (a queryset, search results or a list) in the Page envelope."""
    number = _whole_number(request, "page", 1, 1)
    per_page = _whole_number(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total = len(items) if isinstance(items, list) else items.count()
    total_pages = math.ceil(total / per_page)
    start = (number - 1) * per_page
    contents = [serialize(item) for item in items[start : start + per_page]] if start < total else []
    return _json(serializers.page_of(number, total, total_pages, contents))


def _area_sections():
    return ChecklistSection.objects.filter(checklist__is_current=True, kind=ChecklistSection.Kind.AREA).order_by(
        "sort_order"
    )


def _filtered_services(request, *, with_address=False):
    """Published offers matching the feed's filter parameters (search, taxonomy, ages)."""
    offers = published_offers()
    if with_address:
        offers = offers.exclude(address="")
    minimum_age, maximum_age = _number(request, "minimum_age"), _number(request, "maximum_age")
    if minimum_age is not None:
        offers = offers.filter(min_age__gte=minimum_age)
    if maximum_age is not None:
        offers = offers.filter(max_age__lte=maximum_age)
    term = request.GET.get("taxonomy_term_id")
    if term:
        slugs = {ids.taxonomy_term_id(slug): slug for slug in _area_sections().values_list("slug", flat=True)}
        offers = offers.filter(areas_offered__slug=slugs.get(ids.parse(term), ""))
    taxonomy = request.GET.get("taxonomy_id")
    if taxonomy:
        offers = offers.filter(areas_offered__isnull=False) if ids.parse(taxonomy) == ids.TAXONOMY_ID else offers.none()
    # Everything `offers` was narrowed by, so that the shared cache keeps each combination apart.
    parts = ("feed", with_address, minimum_age, maximum_age, term, taxonomy)
    return cached_offers(parts, {}, search=search_terms(request.GET.get("search")), within=offers)


@open_endpoint
def api_root(request):
    return _json({"version": VERSION, "profile": PROFILE_URL, "openapi_url": OPENAPI_URL})


@open_endpoint
def services(request):
    return _paged(request, _filtered_services(request), lambda page: serializers.service_summary(page, request))


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


@open_endpoint
def service_detail(request, service_id):
    page = _published_service(service_id)
    if page is None:
        return _not_found("service")
    return _json(serializers.service_full(page, request))


@open_endpoint
def service_at_locations(request):
    return _paged(
        request,
        _filtered_services(request, with_address=True),
        lambda page: serializers.service_at_location(page, request),
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
