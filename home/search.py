"""The directory search: what a search means, the offers it finds in order, and why each matched.

The rules, in words:
- Each word typed (stopwords aside) must be found in an offer, as itself or another form of it (the same
  stem: "groups" finds "group"), or as one of its synonyms: the LA's everyday words (home.models.Synonym)
  make "grief" also find "bereavement", and every everyday word of a row finds the others. A phrase that
  is a synonym ("mental health") counts as one word. A directory word of several words ("emotional
  wellbeing") is found when all of its words are in the offer.
- A word the directory has never used, that no synonym knows, and that is a small misspelling of exactly
  one word the directory or a synonym uses (home.words.closest) is searched as that word, and the page
  says so ("Showing offers for ..."). A word that is found but is written unlike any word the offers use
  ("bereavment" has the stem of "bereavement") gets "Did you mean ...?" alone.
- Relevance: an offer scores the weights of the stems it matched (home/search_index.py: the name counts
  most, then the summary, then the provision); a stem found through a synonym or a correction counts
  half. Ties go by name. The same arithmetic runs on SQLite and PostgreSQL, so the order is the same on both.
- Sorts: relevance (the default when searching), name (A to Z, the default when browsing) and nearest
  (once a postcode is given: by distance from its centre, offers without a location last, then by name).

Every search is a fixed number of queries whatever the size of the directory: one to look the typed words
up and one (only when a word is unknown) for the vocabulary, both kept in the shared cache, and the
ranking itself, one aggregate query over the index (its count and page of ids cached too).
"""

import math
from dataclasses import dataclass, field

from django.db.models import Case, Count, ExpressionWrapper, F, FloatField, Q, Sum, Value, When

from home import search_index
from home import words as wording
from home.directory_cache import DIRECTORY
from home.models import OfferPage, SearchTerm, SearchWord, Synonym

SYNONYM_WEIGHT = 0.5
MAX_PHRASE = 3
SORTS = {"relevance": "Most relevant", "name": "Name (A to Z)", "nearest": "Nearest first"}


@dataclass(frozen=True)
class Group:
    """One word (or synonym phrase) of a search: found when any alternative's stems are all in an offer."""

    typed: str
    alternatives: tuple[tuple[str, ...], ...]
    direct: tuple[str, ...]  # the stems of what was typed, which count fully
    also: tuple[str, ...] = ()  # the directory words searched too, to tell the reader


@dataclass(frozen=True)
class Query:
    typed: str
    groups: tuple[Group, ...]
    corrected: str = ""  # the search run instead, when a misspelling was corrected
    did_you_mean: str = ""  # a better-written search, when one is safe to offer
    also: tuple[str, ...] = field(default=())

    def __bool__(self):
        return bool(self.groups)

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(stem for group in self.groups for alternative in group.alternatives for stem in alternative)

    @property
    def direct_stems(self) -> frozenset[str]:
        return frozenset(stem for group in self.groups for stem in group.direct)

    def key(self):
        """What decides the results, for the shared cache."""
        return tuple((group.alternatives, group.direct) for group in self.groups)


def synonyms() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Everyday phrase -> (the other everyday words of its rows, their directory words): what it also finds."""

    def build():
        table = {}
        for synonym in Synonym.objects.all():
            everyday, meanings = synonym.everyday(), synonym.meanings()
            for phrase in everyday:
                others, directory = table.get(phrase, ((), ()))
                others = tuple(dict.fromkeys(others + tuple(p for p in everyday if p != phrase)))
                directory = tuple(dict.fromkeys(directory + tuple(p for p in meanings if p != phrase)))
                table[phrase] = (others, directory)
        return table

    return DIRECTORY.cached(("synonyms",), build)


def vocabulary() -> list[str]:
    return DIRECTORY.cached(("vocabulary",), lambda: sorted(SearchWord.objects.values_list("word", flat=True)))


def _alternative(phrase: str) -> tuple[str, ...]:
    return tuple(sorted({wording.stem(word) for word in wording.search_words(phrase)}))


def _group(typed: str, table) -> Group:
    others, directory = table.get(typed, ((), ()))
    direct = _alternative(typed)
    alternatives = tuple(dict.fromkeys((direct, *(_alternative(phrase) for phrase in others + directory))))
    return Group(typed, tuple(a for a in alternatives if a), direct, directory)


def _split(tokens, table) -> list[str]:
    """The typed words, with the longest runs that are synonym phrases kept together."""
    found, i = [], 0
    while i < len(tokens):
        for size in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i : i + size])
            if size == 1 or phrase in table:
                found.append(phrase)
                i += size
                break
    return found


def _inflection(a: str, b: str) -> bool:
    """One word is the other with an ending added ("group", "groups"): another form, not a misspelling."""
    return a.startswith(b) or b.startswith(a)


def parse(text: str) -> Query:
    """What the search means (see the rules above); from the shared cache after the first time it is typed."""
    return DIRECTORY.cached(("parsed", text), lambda: _parse(text))


def _parse(text: str) -> Query:
    table = synonyms()
    phrases = _split(wording.search_words(text), table)
    if not phrases:
        return Query(text, ())
    singles = [phrase for phrase in phrases if phrase not in table]
    known_words, known_stems = set(), set()
    if singles:
        rows = SearchWord.objects.filter(
            Q(word__in=singles) | Q(stem__in=[wording.stem(word) for word in singles])
        ).values_list("word", "stem")
        for word, stem in rows:
            known_words.add(word)
            known_stems.add(stem)
    groups, corrected, suggested, changed, silent = [], [], [], False, True
    for phrase in phrases:
        if phrase in table or phrase in known_words or len(phrase) < 4:
            groups.append(_group(phrase, table))
            corrected.append(phrase)
            suggested.append(phrase)
            continue
        candidates = [
            word for word in wording.closest(phrase, [*vocabulary(), *table]) if not _inflection(word, phrase)
        ]
        if wording.stem(phrase) in known_stems:
            groups.append(_group(phrase, table))
            corrected.append(phrase)
            suggested.append(candidates[0] if len(candidates) == 1 else phrase)
        elif len(candidates) == 1:
            best = _group(candidates[0], table)
            # Searched as the correction, but the stems of what was typed are not counted as found words.
            groups.append(Group(phrase, best.alternatives, (), best.also))
            corrected.append(candidates[0])
            suggested.append(candidates[0])
            changed = True
        else:
            groups.append(_group(phrase, table))
            corrected.append(phrase)
            suggested.append(phrase)
        silent = silent and suggested[-1] == phrase
    also = tuple(dict.fromkeys(word for group in groups for word in group.also if word not in phrases))
    return Query(
        text,
        tuple(groups),
        corrected=" ".join(corrected) if changed else "",
        did_you_mean="" if silent else " ".join(suggested),
        also=also,
    )


def distance_order(origin, prefix=""):
    """An SQL expression ordering offers by distance from `origin` (flat-earth, exact enough within a county):
    the square of the distance in degrees of latitude. `prefix` reaches the offer through a relation."""
    latitude, longitude = origin
    squeeze = math.cos(math.radians(latitude))
    north = F(f"{prefix}latitude") - Value(latitude)
    east = (F(f"{prefix}longitude") - Value(longitude)) * Value(squeeze)
    return ExpressionWrapper(north * north + east * east, output_field=FloatField())


def within(offers, origin, metres):
    """Offers located within `metres` of `origin` (by the same distance as the order)."""
    degrees = metres / 111_195  # metres in a degree of latitude on a sphere of the earth's mean radius
    return offers.alias(_away=distance_order(origin)).filter(_away__lte=degrees * degrees)


class Ranked:
    """The matching offers' ids in order, as CachedResults reads them: count() and ids(start, stop)."""

    def __init__(self, queryset, field):
        self.queryset, self.field = queryset, field

    def count(self):
        return self.queryset.count()

    def ids(self, start, stop):
        return list(self.queryset.values_list(self.field, flat=True)[start:stop])


def find(matching, query: Query, sort: str, origin=None) -> Ranked:
    """The offers of `matching` (a queryset of published offers) that the query finds, in `sort` order."""
    if not query:
        offers = OfferPage.objects.filter(pk__in=matching.values("pk"))
        if sort == "nearest" and origin:
            offers = offers.alias(_away=distance_order(origin)).order_by(F("_away").asc(nulls_last=True), "title", "pk")
        else:
            offers = offers.order_by("title", "pk")
        return Ranked(offers, "pk")
    annotations, found = {}, Q()
    for g, group in enumerate(query.groups):
        either = Q()
        for a, alternative in enumerate(group.alternatives):
            name = f"found_{g}_{a}"
            annotations[name] = Count("stem", filter=Q(stem__in=alternative))
            either |= Q(**{name: len(alternative)})
        found &= either
    direct = sorted(query.direct_stems)
    score = Sum(
        Case(
            When(stem__in=direct, then=F("weight")),
            default=F("weight") * Value(SYNONYM_WEIGHT),
            output_field=FloatField(),
        )
    )
    entries = (
        SearchTerm.objects.filter(page__in=matching.values("pk"), stem__in=sorted(query.stems))
        .values("page")
        .annotate(**annotations, score=score)
        .filter(found)
    )
    if sort == "name":
        entries = entries.order_by("page__title", "page")
    elif sort == "nearest" and origin:
        entries = entries.alias(_away=distance_order(origin, "page__")).order_by(
            F("_away").asc(nulls_last=True), "page__title", "page"
        )
    else:
        entries = entries.order_by("-score", "page__title", "page")
    return Ranked(entries, "page")


def why_matched(page, query: Query, limit=3):
    """Up to `limit` of the offer's lines with the words that matched marked: its provision and text first,
    then the offer areas (the name is on the result already)."""
    if not query:
        return []
    wanted, hits, areas, seen = query.stems, [], [], set()
    for label, text, _weight in search_index.lines(page):
        if label == "Name" or text.lower() in seen:
            continue
        seen.add(text.lower())
        marked, hit = wording.mark(wording.excerpt(text, wanted), wanted)
        if hit:
            (areas if label == "Offer area" else hits).append((label, marked))
    return (hits + areas)[:limit]
