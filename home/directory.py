"""Reads of the public directory (/offers/) and the Open Referral feed: published offers only.

A published offer is a live, unrestricted offer page of an active organisation. Only the published
version of a page is in the page tables and the search index (drafts live in revisions), so nothing
here can show a draft or an unpublished change.

Every read is a fixed number of queries whatever the number of offers: the filters are one subquery,
the search runs over it, and what a result shows comes with select_related / prefetch_related.
"""

from django.core.paginator import Paginator
from django.db.models import Q

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
    offers = (
        OfferPage.objects.live()
        .filter(pk__in=matching.values("pk"))
        .select_related("organisation__locality")
        .prefetch_related("areas_offered")
    )
    offers = offers.order_by("title", "id")
    if search:
        return offers.search(search, operator="and", order_by_relevance=False)
    return offers


def directory_context(request, index_page):
    form = DirectoryForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    search = filters.pop("q", "")
    paginator = Paginator(find_offers(filters, search=search), PER_PAGE)
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
