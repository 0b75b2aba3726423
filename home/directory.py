"""Reads of the public directory (/offers/) and the Open Referral feed: published offers only.

A published offer is a live, unrestricted offer page of an active organisation. Only the published
version of a page is in the page tables and the search index (drafts live in revisions), so nothing
here can show a draft or an unpublished change.

Every read is a fixed number of queries whatever the number of offers: the filters are one subquery,
the search runs over it, and what a result shows comes with select_related / prefetch_related.

What is the same for every visitor (how many offers match, which ones are on each page) is kept in
the shared cache under the DIRECTORY generation, retired whenever an offer, an organisation or a
filter's choices change (home/signals.py). A request then reads only its own page of offers, so its
cost does not grow with the directory; counting and sorting every match happens once per change.
"""

from django.core.paginator import Paginator
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from wagtail.models import Site

from home import geocoding
from home import search as search_service
from home.directory_cache import DIRECTORY
from home.forms import KIND_LABELS, DirectoryForm
from home.models import OfferPage, OfferService, Synonym
from portal.models import Organisation

PER_PAGE = 20


def published_offers():
    return OfferPage.objects.live().public().filter(organisation__status=Organisation.Status.ACTIVE)


def age_filter(age):
    """Offers serving a child of this age (an empty bound is no limit); see rules.serves_age."""
    return (Q(min_age__isnull=True) | Q(min_age__lte=age)) & (Q(max_age__isnull=True) | Q(max_age__gte=age))


def locality_filter(slug):
    """Offers serving the locality: listed in its localities, or city-wide (no localities listed)."""
    return Q(localities__slug=slug) | Q(localities__isnull=True)


# The filters that read an offer's services (home/models/services.py): an offer matches when one of its
# services meets all of them (and is open, with "hide what is temporarily closed"), so "free" and "self-referral"
# together find a service that is both, not one free service and another one families can ask for.
SERVICE_FILTERS = ("free", "self_referral")


def service_filter(filters):
    """The services meeting the service filters in use (with the child's age, when given), or None."""
    if not any(filters.get(name) for name in SERVICE_FILTERS):
        return None
    services = OfferService.objects.all()
    if filters.get("free"):
        services = services.filter(cost=OfferService.Cost.FREE)
    if filters.get("self_referral"):
        services = services.filter(self_referral=True)
    if "age" in filters:
        services = services.filter(age_filter(filters["age"]))
    if filters.get("open_now"):
        services = services.filter(temporarily_closed=False)
    return services


def filtered_offers(filters):
    """Published offers matching the directory filters (kind, phase, locality, area, age, services, open)."""
    offers = published_offers()
    if "kind" in filters:
        offers = offers.filter(organisation__kind=filters["kind"])
    if "phase" in filters:
        offers = offers.filter(organisation__phase=filters["phase"])
    if "locality" in filters:
        offers = offers.filter(locality_filter(filters["locality"]))
    if "area" in filters:
        offers = offers.filter(areas_offered__slug=filters["area"])
    if "age" in filters:
        offers = offers.filter(age_filter(filters["age"]))
    if filters.get("open_now"):
        offers = offers.filter(temporarily_closed=False)
    services = service_filter(filters)
    if services is not None:
        offers = offers.filter(pk__in=services.values("page_id"))
    return offers


def find_offers(filters, *, search="", within=None, sort="name", origin=None):
    """Matching offers in `sort` order (home.search): their ids, and the parsed search.

    `within` (a queryset of published offers) replaces the directory filters, for the feed's own.
    """
    matching = within if within is not None else filtered_offers(filters)
    query = search_service.parse(search)
    return search_service.find(matching, query, sort, origin), query


def shown(offers):
    """What a listed offer shows, fetched with the offers."""
    return offers.select_related("organisation__locality").prefetch_related("areas_offered", "services")


class CachedResults:
    """Matching offers as Paginator and the feed read them (count() and slices), from the shared cache.

    `parts` says which matches these are (the filters, search and order, as plain values); `rank()` gives
    the count and the ids (home.search.Ranked), made and run only when the cache misses (even building the
    queryset reads the view restrictions).
    """

    def __init__(self, parts, rank):
        self.parts, self.rank = parts, rank

    @cached_property
    def ranked(self):
        return self.rank()

    def count(self):
        return DIRECTORY.cached(("count", self.parts), lambda: self.ranked.count())

    def __len__(self):
        return self.count()

    def ids(self, window):
        """The ids of the matches in `window` (a slice), in order."""
        if not isinstance(window, slice) or window.step is not None:
            raise TypeError("CachedResults only gives slices")
        start, stop = window.start or 0, window.stop
        return DIRECTORY.cached(("ids", self.parts, start, stop), lambda: self.ranked.ids(start, stop))

    def __getitem__(self, window):
        return shown_in_order(self.ids(window))

    def only_ids(self):
        """The same matches as Paginator reads them, whose slices are ids (the page loads nothing itself)."""
        return CachedIds(self)


class CachedIds:
    def __init__(self, results):
        self.results = results

    def count(self):
        return self.results.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        return self.results.ids(window)


def shown_in_order(ids):
    """The published offers with these ids, in the same order, with what a listed offer shows."""
    by_id = {offer.pk: offer for offer in shown(OfferPage.objects.live().filter(pk__in=ids))}
    return [by_id[pk] for pk in ids if pk in by_id]


def cached_offers(parts, filters, *, search="", within=None, sort="name", origin=None):
    """find_offers through the shared cache, and the parsed search. `within`, when given, is a function
    returning the queryset to search (called only when the cache misses); `parts` must name everything
    that queryset was filtered by."""
    query = search_service.parse(search)
    key = (parts, sorted(filters.items()), query.key(), sort, origin)

    def rank():
        matching = within() if within is not None else None
        return find_offers(filters, search=search, within=matching, sort=sort, origin=origin)[0]

    return CachedResults(key, rank), query


def describe(offers, query, origin):
    """Give each listed offer what its result shows: the lines that matched, and how far away it is."""
    for offer in offers:
        offer.matched = search_service.why_matched(offer, query)
        offer.distance = None
        if origin and offer.latitude is not None:
            offer.distance = geocoding.distance_label(
                geocoding.haversine_miles(origin, (offer.latitude, offer.longitude))
            )
    return offers


def result_cards(request, ids, query, origin):
    """The results of one page of the directory as HTML (home/includes/offer_results.html).

    What a result shows is the same for every visitor who sees these offers for this search from this
    postcode on this site (the site decides whether its links are relative), so it comes from the shared
    cache under the DIRECTORY generation: a warm request neither loads nor renders its offers.
    """
    site = Site.find_for_request(request)

    def render():
        offers = describe(shown_in_order(ids), query, origin)
        return str(render_to_string("home/includes/offer_results.html", {"offers": offers, "request": request}))

    parts = ("cards", site.pk if site else None, tuple(ids), query.key(), origin)
    return mark_safe(DIRECTORY.cached(parts, render))  # our own template's output, escaped when it was rendered


def directory_context(request, index_page):
    form = DirectoryForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    search = filters.pop("q", "")
    sort = form.sort_for({**filters, "q": search})
    filters.pop("sort", None)
    postcode = filters.pop("postcode", "")
    origin = form.origin if postcode else None
    results, query = cached_offers("directory", filters, search=search, sort=sort, origin=origin)
    paginator = Paginator(results.only_ids(), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return {
        "form": form,
        "search": search,
        "query": query,
        "sort": sort,
        "sort_choices": [(key, label) for key, label in search_service.SORTS.items() if key != "nearest" or origin],
        "postcode": postcode,
        "filters_applied": bool(filters),
        "applied_filters": applied_filters(form, filters, request.GET),
        "results_page": page,
        "result_cards": result_cards(request, page.object_list, query, origin) if page.object_list else "",
        "paginator": paginator,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "query_string": query_string.urlencode(),
        "kind_labels": KIND_LABELS,
        "suggested_words": suggested_words() if not paginator.count else [],
        "did_you_mean_query": with_search(request.GET, query.did_you_mean) if query.did_you_mean else "",
    }


def applied_filters(form, filters, params):
    """Each filter in use, its label and value and the link that drops it (to loosen a search that found little)."""
    found = []
    for name, value in filters.items():
        choices = dict(getattr(form.fields[name], "choices", ()))
        rest = params.copy()
        for dropped in (name, "page"):
            rest.pop(dropped, None)
        shown_value = "yes" if value is True else choices.get(value, value)  # a ticked box
        found.append({"label": form[name].label, "value": shown_value, "without": rest.urlencode()})
    return found


def with_search(params, search):
    """The query string of the same page of filters with another search."""
    changed = params.copy()
    changed["q"] = search
    changed.pop("page", None)
    return changed.urlencode()


def suggested_words(limit=10):
    """Words to try when nothing was found: what the LA's synonyms call the help, as the offers do."""
    meanings = DIRECTORY.cached(
        ("suggested words",), lambda: [meaning for synonym in Synonym.objects.all() for meaning in synonym.meanings()]
    )
    return list(dict.fromkeys(meanings))[:limit]
