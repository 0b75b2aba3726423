"""Keeping children's and families' personal data out of case-file audits.

Audits concern children, so the portal holds only the reference the case system gave the case. These
checks refuse, with a message that names the words and says why, anything that looks like personal data:

- the case reference: a person's name, a date of birth (any date), a postcode, or anything not in the
  case system's format (the `CASE_REFERENCE_PATTERN` setting, a regular expression matched against the
  upper-cased reference; `CASE_REFERENCE_HINT` describes it to people);
- free text (evidence notes, strengths, areas for development, actions, progress notes, moderation
  reasons), each check a small function below, in `_FINDERS`:
  - a name after a title, in any case ("Mrs Smith", "MRS SMITH", "dr patel", "Mx. Lee");
  - a given name: a capitalised word in the first-names lists the `Faker` package ships (British, Irish,
    American, New Zealand, Indian, Pakistani and Polish names), less the names that are also ordinary
    words or Leicester places ("Grace", "Hope", "Mark", "Victoria", "Abbey"), and not when the word is part
    of an agency's or a place's name ("St Thomas More", "Victoria Park"); a capitalised word after
    "called", "named" or in brackets after a family role ("Mum (Sarah Jones)");
  - a given name typed in lower case ("jayden is doing better"): a word of those lists that is not an
    English word in lower case in the word list the `english-words` package ships (Webster's, whose
    lower-case entries are the ordinary words: "grace", "mark", "will" and "harry" stay allowed, "jayden",
    "sarah" and "priya" do not);
  - a street address (a house number, a name and a street word: "12 Melton Road"), a full UK postcode in
    any case and spacing (only the real postcode areas, so "Y6 2nd" or "KS2 3rd" are not postcodes);
  - a UK phone number (Google's `phonenumbers` library, so every UK format and the +44 forms), an email
    address, an NHS number (ten digits passing the NHS modulus-11 check digit);
  - a date of birth in its written forms ("DOB 03/04/2015", "date-of-birth: ...", "d.o.b.", "born on
    3 April 2015"). Ordinary dates stay allowed, because evidence is full of them ("TAF held 12/03/2019").

A name in lower case that is also an English word ("grace", "will") cannot be told from the word and is
not caught; forms therefore also remind people to write roles ("mother", "lead practitioner").
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError

DEFAULT_CASE_REFERENCE_PATTERN = r"^(?:[A-Z]{2,3}-?)?\d{5,10}$"
DEFAULT_CASE_REFERENCE_HINT = "an optional 2 or 3 letter prefix and 5 to 10 digits, for example EHA-104233 or 1042337"

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = re.compile(
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}"  # 03/04/2015, 3.4.15, 03-04-2015
    r"|\d{4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2}"  # 2015-04-03
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTHS}\.?,?\s*\d{{2,4}}"  # 3 April 2015, 3rd of Apr 15
    rf"|{_MONTHS}\.?\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{4}}",  # April 3rd, 2015
    re.IGNORECASE,
)

# The UK's postcode areas (Royal Mail), so that "Y6 2nd" or "KS2 3rd" cannot look like a postcode.
_POSTCODE_AREAS = (
    "AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH "
    "EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK "
    "ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD "
    "TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
).split()
_AREA = "|".join(sorted(_POSTCODE_AREAS, key=len, reverse=True))
_POSTCODE = rf"(?:GIR\s?0AA|(?:{_AREA})\d[A-Z\d]?\s*\d\s?[ABD-HJLNP-UW-Z]{{2}})"
_POSTCODE_IN_REFERENCE = re.compile(_POSTCODE)
_POSTCODE_IN_TEXT = re.compile(rf"(?<![A-Za-z0-9]){_POSTCODE}(?![A-Za-z0-9])", re.IGNORECASE)
_ORDINAL_INWARD = re.compile(r"\d(?:st|nd|rd|th)$")  # "L3 2nd": an ordinal typed in lower case, not a postcode

_DATE_OF_BIRTH = re.compile(
    r"(?<![A-Za-z])(?:d\.?\s?o\.?\s?b\b\.?|date[\s_\-]*of[\s_\-]*birth|birth[\s_\-]*date|birthday|born)"
    rf"\W{{0,5}}(?:on\s+|in\s+|the\s+)*(?:\d|{_MONTHS}\b)",
    re.IGNORECASE,
)

# Titles that are never ordinary words, in any case; "Miss" and "Master" are words too ("did not miss
# school"), so they count only capitalised, or before a capitalised word.
_TITLE = re.compile(r"(?<![A-Za-z])(Mrs|Mr|Ms|Mx|Dr|Miss|Master|Mstr)\b\.?\s+([A-Za-z][A-Za-z'’\-]*)", re.IGNORECASE)
_WORDS_AFTER_A_TITLE = frozenset(
    "appointment appointments surgery surgeries letter letters report reports referral referrals visit visits "
    "note notes and or the a an to of for in on at with is was has had said says did does will would".split()
)
_DAYS_AND_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)

_STREET_WORDS = (
    r"Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Crescent|Cres|Way|Place|Pl|Court|Ct|Grove|Gardens|Gdns"
    r"|Terrace|Walk|Rise|Hill|Mews|Square|Sq|Row|Parade|Vale|Gate|Green|View|Park|Boulevard|End|Croft|Fields"
)
_ADDRESS = re.compile(
    rf"(?<![\d/.:£$%])\b(?:flat\s+\d+[a-z]?,?\s+)?(\d{{1,4}}[a-z]?),?\s+((?:[A-Za-z'’\-]+\s+){{1,3}}?)(?:{_STREET_WORDS})\b",
    re.IGNORECASE,
)
# Words that make "3 times at the Park" or "2 sessions in the Green Room" ordinary English, not addresses.
_NOT_IN_A_STREET_NAME = frozenset(
    "the a an at on in of to for and or with by from into over under per each every times sessions session "
    "visits visit weeks week days day months month hours hour years year children families parents people "
    "staff pupils referrals cases meetings meeting calls minutes miles steps goals actions out up off back "
    "more less than about around near next last first this that these those our their his her its my".split()
)

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_TEN_DIGITS = re.compile(r"(?<![\d])(\d{3})[\s\-]?(\d{3})[\s\-]?(\d{4})(?![\d])")

# A family role followed by a name in brackets: "Mum (Sarah Jones)".
_ROLES = (
    r"mum|mother|mam|dad|father|parent|parents|carer|step-?mum|step-?dad|brother|sister|sibling|son|daughter"
    r"|nan|nana|nanna|gran|grandma|grandmother|grandad|grandfather|aunt|auntie|uncle|cousin|child|baby|partner"
    r"|boyfriend|girlfriend|husband|wife|stepfather|stepmother"
)
_ROLE_THEN_NAME = re.compile(rf"\b(?i:{_ROLES})(?:'s)?\s*\(\s*([A-Z][a-z'’]+(?:[\s\-]+[A-Z][a-z'’]+)?)(?![A-Za-z\-])")
_CALLED = re.compile(r"\b(?i:called|named|known as)\s+([A-Z][a-z'’]+(?:[\s\-]+[A-Z][a-z'’]+)?)(?![A-Za-z\-])")

# Words that start the name of a service or an agency, never of a person: "known as Early Help".
_SERVICE_WORDS = frozenset(
    "early help home start family families social school schools health hub team service services centre "
    "children's children young people the a an key lead support worker workers agency council nhs police "
    "camhs gp city county local team around plan panel group project programme trust partnership".split()
)

# A word in lower case, double-barrelled ones whole ("amelia-rose"); not inside an email address or a link.
_LOWER_CASE_WORD = re.compile(r"(?<![A-Za-z'’\-@./])([a-z]+(?:-[a-z]+)*)(?:['’]s)?(?![A-Za-z\-@]|\.[a-z])")

# A capitalised word, double-barrelled ones whole ("Amelia-Rose"), or a word in capitals.
_CAPITALISED = re.compile(r"(?<![A-Za-z'’\-])([A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z]{2,})(?:['’]s)?(?![A-Za-z\-])")

# First names that are also ordinary words, months, places or parts of agencies' names: never a match on
# their own. Lower case.
_NAMES_THAT_ARE_WORDS = frozenset(
    """
    abbey ada amber angel april art ati autumn baby bailey beau bill billie blair blake bob bonnie brook
    brooke bruce cal campbell carol carter chase che chelsea christian clark clay cole cooper cruz crystal dale
    dan dawn dean destiny devon diamond don drew eden eta eve faith forum frank gene georgia gina glen grace
    grant guy hamilton harley harmony hazel heather holly hope hudson hunter ian ida india indie ira israel ivy
    earl jack jade jan jay jesus jo jordan joy june kai kay kent kim king kingston lance lee liberty lincoln lucky
    mad madani major man mark mason max may melody miles morgan nail nixon norman olive om paris parker patience
    pearl penny phoenix piper poppy pat rain raven ray rex rich rick river robin rose ruby rush sad said saint
    sal sandy scot sky skye spencer stanley sue summer tai taj tali trinity troy una violet wade warwick
    will willow yar zion victoria florence sydney brooklyn chelsea hilary patrick mary joseph thomas martin
    paul peter john margaret catherine andrew james luke mark matthew michael christopher george charles
    albert edward elizabeth francis stephen barnabas gabriel raphael anne helen monica teresa bernadette
    lawrence vincent dominic benedict alban oswald aidan chad hugh giles clement denis jude philip
    cruz grayson austin taylor brandy cody harvey frankie lucy parker rowan sherry tanner tory tracy ash
    abdul bishop dev hope jai loot lut man om sai shay ubay yug zak
    """.split()
)
# Words after which a capitalised name is a place's or an agency's name ("Victoria Park", "Mary Linwood
# School"); and words before ("St Thomas More", "Sir Jonathan North").
_PLACE_WORDS_AFTER = frozenset(
    "school academy college primary secondary infant infants junior juniors nursery centre center park house "
    "hall road street lane avenue close drive trust church chapel mosque temple gurdwara court ward hospital "
    "surgery practice library project foundation leys hills hill estate fields green way gate place square "
    "clinic hub team service services partnership network group club society college's school's".split()
)
_PLACE_WORDS_BEFORE = frozenset("st st. saint sir dame alderman lady lord king queen prince princess fort port".split())


# Names common in Leicester's communities that the shipped lists lack: a short curated supplement (add a
# name here, and a phrase to the corpus, when an audit shows one slipping through).
_NAMES_MISSING_FROM_THE_LISTS = frozenset(
    """
    aisha muhammad mohamed harpreet gurpreet jaspreet manpreet simran fatima fatuma maryam mariam zainab hiba
    amir yusuf yousuf hassan hussein hussain ahmed ahmad sanjay rajesh anil sunil deepak nisha kiran hamza
    abdullah ayan amina aminah halima khadija safiya sumaya hodan faisal tariq imran asif rizwan usman
    """.split()
)


@dataclass(frozen=True)
class Finding:
    """A piece of text that looks like personal data: the words, and what it looks like."""

    words: str
    kind: str


# ---------------------------------------------------------------------------------------------------------
# The first names: lists the Faker package ships, read once.

_NAME_LOCALES = ("en_GB", "en_IE", "en_US", "en_NZ", "en_IN", "en_PK", "pl_PL")


@cache
def first_names() -> frozenset[str]:
    """Every first name in the shipped lists and the supplement, lower-cased, less those that are also
    ordinary words."""
    from importlib import import_module

    names = set()
    for locale in _NAME_LOCALES:
        provider = import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            for name in getattr(provider, attribute, ()) or ():
                if " " not in name and len(name) > 1:
                    names.add(name.lower())
    return frozenset((names | _NAMES_MISSING_FROM_THE_LISTS) - _NAMES_THAT_ARE_WORDS)


@cache
def names_that_are_not_words() -> frozenset[str]:
    """The first names that no ordinary English word spells: a match in lower case is still a name. The
    word list is read once and dropped; only these names are kept."""
    from english_words import get_english_words_set

    ordinary = {word for word in get_english_words_set(["web2"], lower=False) if word.islower()}
    return frozenset(name for name in first_names() if name not in ordinary)


# ---------------------------------------------------------------------------------------------------------
# The finders: each yields what it finds in a text.


def _titled_names(text: str) -> Iterator[Finding]:
    for match in _TITLE.finditer(text):
        title, word = match.group(1), match.group(2)
        if word.lower() in _WORDS_AFTER_A_TITLE:
            continue
        if title.lower() in ("miss", "master"):
            # A capitalised "Miss" inside a sentence is a title; at its start ("Miss the bus") only before a
            # capitalised word or a first name.
            starts_sentence = not text[: match.start()].strip() or text[: match.start()].rstrip()[-1] in ".!?:;\n"
            if title[0].islower() or (starts_sentence and not word[0].isupper()):
                if word.lower() not in first_names():
                    continue
            if word.lower() in _DAYS_AND_MONTHS:
                continue
        yield Finding(match.group(0).strip(), "a name")


def _given_names(text: str) -> Iterator[Finding]:
    names = first_names()
    words = text.split()
    for match in _CAPITALISED.finditer(text):
        word = match.group(1)
        if not any(part in names for part in word.lower().split("-")):
            continue
        before = text[: match.start()].split()[-1:] or [""]
        if before[0].lower().strip("(\"'") in _PLACE_WORDS_BEFORE:
            continue
        if _names_a_place(text[match.end() :].split()[:3]):
            continue
        # An all-capitals word in all-capitals text is a heading or shouting, still a name; an all-capitals
        # word of two or three letters in ordinary text is an abbreviation ("ANA", "AVA").
        if word.isupper() and len(word) <= 3 and not all(w.isupper() for w in words):
            continue
        yield Finding(match.group(0), "a name")


def _lower_case_names(text: str) -> Iterator[Finding]:
    """A first name typed in lower case that is no English word: "jayden is doing better"."""
    names = names_that_are_not_words()
    for match in _LOWER_CASE_WORD.finditer(text):
        word = match.group(1)
        if not any(part in names for part in word.split("-")):
            continue
        before = text[: match.start()].split()[-1:] or [""]
        if before[0].lower().strip("(\"'") in _PLACE_WORDS_BEFORE or _names_a_place(text[match.end() :].split()[:1]):
            continue
        yield Finding(match.group(0), "a name")


def _names_a_place(following: list[str]) -> bool:
    """Whether the capitalised words after a name end in a place or agency word: "Victoria Park",
    "Richard Hallam Primary", "Mary Linwood School"."""
    for word in following:
        bare = word.strip(".,;:)\"'")
        if bare.lower() in _PLACE_WORDS_AFTER:
            return True
        if not bare[:1].isupper() or bare != word:  # the name ends at a lower-case word or punctuation
            return False
    return False


def _names_by_context(text: str) -> Iterator[Finding]:
    """A capitalised word where only a name would stand: "Mum (Sarah Jones)", "a brother called Tom"."""
    for pattern in (_ROLE_THEN_NAME, _CALLED):
        for match in pattern.finditer(text):
            words = set(re.split(r"[\s\-]+", match.group(1).lower()))
            if words & (_WORDS_AFTER_A_TITLE | _DAYS_AND_MONTHS | _SERVICE_WORDS):
                continue
            yield Finding(match.group(1), "a name")


def _addresses(text: str) -> Iterator[Finding]:
    for match in _ADDRESS.finditer(text):
        street_name = match.group(2).split()
        if any(word.lower() in _NOT_IN_A_STREET_NAME for word in street_name):
            continue
        yield Finding(match.group(0).strip(), "a street address")


def _postcodes(text: str) -> Iterator[Finding]:
    for match in _POSTCODE_IN_TEXT.finditer(text):
        found = match.group(0)
        if not found.isupper() and _ORDINAL_INWARD.search(found.lower()):
            continue
        yield Finding(found, "a postcode")


def _phone_numbers(text: str) -> Iterator[Finding]:
    # POSSIBLE, not VALID: the numbers Ofcom keeps for drama (07700 900123) are not "valid" but are
    # exactly what a careless note would hold. Only numbers written as UK numbers are taken.
    international = re.sub(r"(?<!\d)00\s?44", "+44", text)  # the library reads 0044 as a local number
    for match in phonenumbers.PhoneNumberMatcher(international, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        raw = match.raw_string.strip()
        digits = re.sub(r"\D", "", raw)
        if not re.match(r"\(?(?:0|\+44|0044)", raw) or not 10 <= len(digits) <= 13:
            continue
        yield Finding(raw, "a phone number")


def _emails(text: str) -> Iterator[Finding]:
    for match in _EMAIL.finditer(text):
        yield Finding(match.group(0), "an email address")


def is_nhs_number(digits: str) -> bool:
    """Ten digits whose last is the NHS modulus-11 check digit of the first nine."""
    if not re.fullmatch(r"\d{10}", digits):
        return False
    remainder = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _nhs_numbers(text: str) -> Iterator[Finding]:
    for match in _TEN_DIGITS.finditer(text):
        if is_nhs_number("".join(match.groups())):
            yield Finding(match.group(0), "an NHS number")


def _dates_of_birth(text: str) -> Iterator[Finding]:
    for match in _DATE_OF_BIRTH.finditer(text):
        following = _DATE.match(text, match.end() - 1) or re.match(r"\S+(?:\s+\S+){0,2}", text[match.end() - 1 :])
        words = match.group(0)[:-1] + (following.group(0) if following else "")
        yield Finding(words.strip(), "a date of birth")


_FINDERS: tuple[Callable[[str], Iterator[Finding]], ...] = (
    _titled_names,
    _dates_of_birth,
    _addresses,
    _postcodes,
    _phone_numbers,
    _emails,
    _nhs_numbers,
    _names_by_context,
    _given_names,
    _lower_case_names,
)


def personal_data_in(text: str) -> list[Finding]:
    """Everything in `text` that looks like personal data, in the order the checks find it, once each."""
    findings: list[Finding] = []
    seen: set[str] = set()
    for finder in _FINDERS:
        for finding in finder(text or ""):
            if not any(finding.words.lower() in earlier for earlier in seen):
                findings.append(finding)
                seen.add(finding.words.lower())
    return findings


# ---------------------------------------------------------------------------------------------------------
# Case references


def case_reference_pattern() -> str:
    return getattr(settings, "CASE_REFERENCE_PATTERN", DEFAULT_CASE_REFERENCE_PATTERN)


def case_reference_hint() -> str:
    return getattr(settings, "CASE_REFERENCE_HINT", DEFAULT_CASE_REFERENCE_HINT)


def normalise_case_reference(value: str) -> str:
    return (value or "").strip().upper()


def looks_like_name(value: str) -> bool:
    """Two words, a capitalised word ("Smith1") or four letters or more in a row ("JOHN-1234")."""
    return bool(
        re.search(r"[A-Za-z]+[\s,.']+[A-Za-z]+", value)
        or re.search(r"[A-Z][a-z]{2,}", value)
        or re.search(r"[A-Za-z]{4,}", value)
    )


def case_reference_problem(value: str) -> str | None:
    """Why `value` cannot be stored as a case reference, or None if it can."""
    raw = (value or "").strip()
    if not raw:
        return "Enter the case reference from the case system."
    if _DATE.search(raw):
        return (
            "This looks like a date of birth. Enter the case reference from the case system instead: "
            "case-file audits never record a date of birth."
        )
    if _POSTCODE_IN_REFERENCE.search(raw.upper()):
        return (
            "This looks like a postcode. Enter the case reference from the case system instead: "
            "case-file audits never record an address."
        )
    if _EMAIL.search(raw) or any(_phone_numbers(raw)):
        return (
            "This looks like contact details. Enter the case reference from the case system instead: "
            "case-file audits never record a phone number or an email address."
        )
    if looks_like_name(raw):
        return (
            "This looks like a name. Enter the case reference from the case system instead: "
            "case-file audits never record a child's or family member's name."
        )
    if not re.fullmatch(case_reference_pattern(), normalise_case_reference(raw)):
        return f"Enter the case reference in the case system's format: {case_reference_hint()}."
    return None


# ---------------------------------------------------------------------------------------------------------
# Free text

# What each kind of finding is called in the message, and what to write instead.
_ADVICE = {
    "a name": ("name", "describe people by their role, for example 'mother' or 'lead practitioner'"),
    "a street address": ("street address", "name the locality if it matters"),
    "a postcode": ("postcode", "name the locality if it matters"),
    "a phone number": ("phone number", "contact details stay in the case system"),
    "an email address": ("email address", "contact details stay in the case system"),
    "an NHS number": ("NHS number", "use the case reference only"),
    "a date of birth": ("date of birth", "give the child's age if it matters"),
}


def free_text_problem(value: str) -> str | None:
    """Why `value` cannot be stored in an audit's free text, or None if it can. The message quotes the
    words, so the person can find and reword them (the form keeps the text)."""
    findings = personal_data_in(value)
    if not findings:
        return None
    quoted = [f"the {_ADVICE[f.kind][0]} '{f.words}'" for f in findings]
    items = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
    advice = "; ".join(dict.fromkeys(_ADVICE[f.kind][1] for f in findings))
    return (
        f"Remove {items}: case-file audits never record a child's or family's name, address, contact "
        f"details or date of birth. Instead, {advice}."
    )


def validate_case_reference(value):
    if problem := case_reference_problem(value):
        raise ValidationError(problem, code="personal_data")


def validate_free_text(value):
    if problem := free_text_problem(value):
        raise ValidationError(problem, code="personal_data")
