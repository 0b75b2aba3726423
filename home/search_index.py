"""The directory's search index: each published offer's words by stem, weighted by where they appear.

Written when an offer is published (home/signals.py), removed when it is unpublished, rewritten when its
organisation is renamed; `manage.py index_offers` rebuilds it all (after a restore, or on a site that had
offers before the index existed, which `migrate` also fills). Only the published version is ever read
here, so the search cannot find a draft's words.

`lines(page)` is the one list of what an offer says, as (label, text, weight): the index weighs stems by
it and the results page picks the lines that matched from it, so "why it matched" always agrees with the
ranking. New kinds of content (an organisation's services) join the search by adding their lines here.
"""

import re
from collections import Counter, defaultdict

from django.db import transaction

from home import words as wording
from home.directory_cache import DIRECTORY
from home.models import OfferPage, SearchTerm, SearchWord

NAME, SUMMARY, PROVISION, AREA, TEXT, DETAIL = 3.0, 2.0, 1.5, 1.5, 1.0, 0.5
_HAS_DIGIT = re.compile(r"\d")


def lines(page) -> list[tuple[str, str, float]]:
    """What the offer says that a search reads: (label, text, weight), most telling first."""
    found = [("Name", page.organisation.name, NAME)]
    if page.title != page.organisation.name:
        found.append(("Name", page.title, NAME))
    found.append(("Summary", page.summary, SUMMARY))
    for block in page.areas:
        area = block.value
        found.append(("Offer area", area["name"], AREA))
        found += [(area["name"], item, PROVISION) for item in [*area["primary"], *area["secondary"]] if item]
        found += [(f"{area['name']}: outcomes", item, DETAIL) for item in area["outcomes"] if item]
    for label, field in (
        ("How to ask for help", "how_to_get_help"),
        ("First response", "first_response"),
        ("Early Help Assessment", "early_help_assessment"),
        ("Referral to social care", "social_care_referral"),
    ):
        found += [(label, paragraph, TEXT) for paragraph in getattr(page, field).splitlines() if paragraph.strip()]
    for service in page.services.all():
        found.append(("Service", service.name, PROVISION))
        found += [
            (service.name, paragraph, TEXT) for paragraph in service.description.splitlines() if paragraph.strip()
        ]
    for block in page.audiences:
        audience = block.value
        found += [(audience["name"], item, DETAIL) for item in [*audience["routes"], *audience["key_staff"]] if item]
    return [(label, text, weight) for label, text, weight in found if text and text.strip()]


def terms(page) -> tuple[dict[str, float], dict[str, str]]:
    """The offer's stems with their weights, and its words (as written, lower case) with their stems.

    A stem weighs the sum, over the lines it is in, of the line's weight times its count there (at most 2):
    a word in the name or the summary counts more than one in a list, and repeating it adds little.
    """
    weights, vocabulary = defaultdict(float), {}
    for _label, text, weight in lines(page):
        counts = Counter()
        for word in wording.words(text):
            counts[wording.stem(word)] += 1
            if not _HAS_DIGIT.search(word) and len(word) > 2:
                vocabulary[word] = wording.stem(word)
        for stem, count in counts.items():
            weights[stem] += weight * min(count, 2)
    return dict(weights), vocabulary


@transaction.atomic
def index_offers(pages):
    """(Re)write the index entries of these live offer pages, in a few bulk queries."""
    pages = list(pages)
    SearchTerm.objects.filter(page__in=[page.pk for page in pages]).delete()
    entries, vocabulary = [], {}
    for page in pages:
        weights, page_words = terms(page)
        entries += [SearchTerm(page_id=page.pk, stem=stem, weight=weight) for stem, weight in weights.items()]
        vocabulary.update(page_words)
    SearchTerm.objects.bulk_create(entries, batch_size=2000)
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, stem=stem) for word, stem in vocabulary.items()], batch_size=2000, ignore_conflicts=True
    )
    DIRECTORY.changed()


def index_offer(page):
    index_offers([OfferPage.objects.select_related("organisation").prefetch_related("services").get(pk=page.pk)])


def remove_offer(page):
    SearchTerm.objects.filter(page_id=page.pk).delete()
    DIRECTORY.changed()


def rebuild(*, only_missing=False, batch=500) -> int:
    """Index every live offer page (or only those with no entries yet); the number indexed."""
    live = OfferPage.objects.live().select_related("organisation").prefetch_related("services").order_by("pk")
    if only_missing:
        live = live.exclude(pk__in=SearchTerm.objects.values("page_id"))
    else:
        SearchTerm.objects.exclude(page__in=OfferPage.objects.live()).delete()
        SearchWord.objects.all().delete()  # words of offers since removed go too
    ids = list(live.values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        index_offers(live.filter(pk__in=ids[start : start + batch]))
    return len(ids)
