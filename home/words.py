"""Words of the directory search: splitting text into words, their stems, spelling distance, marking.

Pure functions, no database. The rules, in words:
- a word is a run of letters and digits (an apostrophe inside a word is dropped: "parents'" is "parents");
- two words match when their English stems are equal (Snowball's English stemmer: "groups" and "group",
  "grieving" and "grieve", "bereaved" and "bereave"); stopwords ("the", "and", "for"...) are never searched;
- a misspelling is a word within a small edit distance of a word the directory uses: one edit for words of
  up to five letters, two for longer words (an insertion, a deletion, a substitution or a swap of two
  neighbouring letters each count one), so "bereavment" is one edit from "bereavement".
"""

import re
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import mark_safe

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STEMMER = snowballstemmer.stemmer("english")
MAX_WORD = 40

STOPWORDS = frozenset(
    "a an and are as at be by for from has have i in is it its me my of on or our the their them this "
    "to us we with you your".split()
)


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased, in order (apostrophes dropped, over-long words cut)."""
    return [re.sub(r"['’]", "", word.lower())[:MAX_WORD] for word in _WORD.findall(text or "")]


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word.lower())


def search_words(text: str) -> list[str]:
    """The words of a search worth looking for: without stopwords (all of them if only stopwords were typed)."""
    typed = words(text)
    return [word for word in typed if word not in STOPWORDS] or typed


def stems(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in search_words(text))


def allowed_edits(word: str) -> int:
    return 1 if len(word) <= 5 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance between a and b, or limit + 1 as soon as it must exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def closest(word: str, vocabulary) -> list[str]:
    """The words of `vocabulary` nearest to `word` within its allowed edits (all of them, if tied); [] if none.

    A word the vocabulary holds is its own closest; words under four letters are never corrected (too many
    short words are one edit apart to guess safely).
    """
    if len(word) < 4:
        return []
    limit, best, found = allowed_edits(word), None, []
    for candidate in vocabulary:
        distance = edit_distance(word, candidate, limit if best is None else best)
        if distance > limit or (best is not None and distance > best):
            continue
        if best is None or distance < best:
            best, found = distance, [candidate]
        else:
            found.append(candidate)
    return sorted(found)


def excerpt(text: str, wanted_stems, around: int = 12) -> str:
    """`text` cut to `around` words either side of its first wanted word (with … where it was cut)."""
    found = list(_WORD.finditer(text))
    first = next((i for i, m in enumerate(found) if stem(re.sub(r"['’]", "", m.group().lower())) in wanted_stems), None)
    if first is None or len(found) <= 2 * around + 1:
        return text
    start = found[max(first - around, 0)].start() if first > around else 0
    end = found[first + around].end() if first + around < len(found) - 1 else len(text)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def mark(text: str, wanted_stems) -> tuple[str, bool]:
    """`text` as HTML with each word whose stem is wanted in <mark>, and whether any was marked."""
    parts, last, marked = [], 0, False
    for match in _WORD.finditer(text):
        if stem(re.sub(r"['’]", "", match.group().lower())) in wanted_stems:
            parts += [escape(text[last : match.start()]), "<mark>", escape(match.group()), "</mark>"]
            last, marked = match.end(), True
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts)), marked
