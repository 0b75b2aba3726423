"""Keeping children's and families' personal data out of case-file audits.

Audits concern children, so the portal holds only the reference the case system gave the case. These
checks refuse, with a message that says why, anything that looks like personal data:

- the case reference: a person's name, a date of birth (any date), a postcode, or anything not in the
  case system's format (the `CASE_REFERENCE_PATTERN` setting, a regular expression matched against the
  upper-cased reference; `CASE_REFERENCE_HINT` describes it to people);
- free text (evidence notes, strengths, areas for development, actions, moderation reasons): a full UK
  postcode, a date of birth ("DOB 03/04/2015", "born on 3 April 2015") and a name after a title
  ("Mrs Smith"). Ordinary dates stay allowed, because evidence is full of them ("TAF held 12/03/2019").

Names in free text cannot be told apart from other words reliably, so forms also remind people to write
roles ("mother", "lead practitioner") instead of names.
"""

import re

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
# A full UK postcode: outward code, then the inward code (digit and two letters that postcodes use).
_POSTCODE = r"(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2})"
_POSTCODE_IN_REFERENCE = re.compile(_POSTCODE)
_POSTCODE_IN_TEXT = re.compile(rf"\b{_POSTCODE}\b")  # case-sensitive: "Y6 2nd half" is not a postcode
_DATE_OF_BIRTH = re.compile(
    rf"\b(?:d\.?\s?o\.?\s?b\b\.?|date\s+of\s+birth|born)\W{{0,5}}(?:on\s+|in\s+)?(?:\d|{_MONTHS}\b)", re.IGNORECASE
)
_TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\.?\s+[A-Z][a-z'\-]+")


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
    if looks_like_name(raw):
        return (
            "This looks like a name. Enter the case reference from the case system instead: "
            "case-file audits never record a child's or family member's name."
        )
    if not re.fullmatch(case_reference_pattern(), normalise_case_reference(raw)):
        return f"Enter the case reference in the case system's format: {case_reference_hint()}."
    return None


def free_text_problem(value: str) -> str | None:
    """Why `value` cannot be stored in an audit's free text, or None if it can."""
    text = value or ""
    if match := _POSTCODE_IN_TEXT.search(text):
        return (
            f"Remove the postcode '{match.group(0)}': case-file audits never record an address. "
            "Name the locality instead if it matters."
        )
    if _DATE_OF_BIRTH.search(text):
        return "Remove the date of birth: case-file audits never record one. Give the child's age if it matters."
    if match := _TITLED_NAME.search(text):
        return (
            f"Remove the name '{match.group(0)}': describe people by their role, for example "
            "'mother' or 'lead practitioner'."
        )
    return None


def validate_case_reference(value):
    if problem := case_reference_problem(value):
        raise ValidationError(problem, code="personal_data")


def validate_free_text(value):
    if problem := free_text_problem(value):
        raise ValidationError(problem, code="personal_data")
