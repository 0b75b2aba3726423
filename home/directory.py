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
from django.db.models import Q, QuerySet

from home.directory_cache import DIRECTORY
from home.forms import KIND_LABELS, DirectoryForm
from home.models import OfferPage
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


def filtered_offers(filters):
    """Published offers matching the directory filters (kind, phase, locality, area, age)."""
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
    return offers


def find_offers(filters, *, search="", within=None):
    """Matching offers in name order: a queryset, or Wagtail search results when searching.

    Search results keep the name order too: every result contains all the words searched for, an
    A to Z list is what a directory reader expects, and ranking by relevance makes the database score
    every match (seconds, not milliseconds, at 10,000 offers on SQLite; see bench/offers_bench.py).

    `within` (a queryset of published offers) replaces the directory filters, for the feed's own.
    The joins in the filters would repeat rows, so they narrow a plain queryset by primary key; the
    search backend accepts that (and only that) alongside its own filter fields.
    """
    matching = within if within is not None else filtered_offers(filters)
    offers = shown(OfferPage.objects.live().filter(pk__in=matching.values("pk")))
    offers = offers.order_by("title", "id")
    if search:
        return offers.search(search, operator="and", order_by_relevance=False)
    return offers


def shown(offers):
    """What a listed offer shows, fetched with the offers."""
    return offers.select_related("organisation__locality").prefetch_related("areas_offered")


class CachedResults:
    """Matching offers as Paginator and the feed read them (count() and slices), from the shared cache.

    `parts` says which matches these are (the filters and search, as plain values); `results` is the
    lazy queryset or search results that find_offers gives, evaluated only when the cache misses.
    """

    def __init__(self, parts, results):
        self.parts, self.results = parts, results

    def count(self):
        return DIRECTORY.cached(("count", self.parts), self.results.count)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if not isinstance(window, slice) or window.step is not None:
            raise TypeError("CachedResults only gives slices")
        start, stop = window.start or 0, window.stop
        ids = DIRECTORY.cached(("ids", self.parts, start, stop), lambda: self._ids(start, stop))
        by_id = {offer.pk: offer for offer in shown(OfferPage.objects.live().filter(pk__in=ids))}
        return [by_id[pk] for pk in ids if pk in by_id]

    def _ids(self, start, stop):
        if isinstance(self.results, QuerySet):
            return list(self.results.values_list("pk", flat=True)[start:stop])
        return [offer.pk for offer in self.results[start:stop]]


def cached_offers(parts, filters, *, search="", within=None):
    """find_offers through the shared cache; `parts` must name everything that `within` was filtered by."""
    return CachedResults((parts, sorted(filters.items()), search), find_offers(filters, search=search, within=within))


def directory_context(request, index_page):
    form = DirectoryForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    search = filters.pop("q", "")
    paginator = Paginator(cached_offers("directory", filters, search=search), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "form": form,
        "search": search,
        "filters_applied": bool(filters),
        "results_page": page,
        "paginator": paginator,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "query_string": query.urlencode(),
        "kind_labels": KIND_LABELS,
    }
