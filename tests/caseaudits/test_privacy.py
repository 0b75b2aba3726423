"""Personal data is refused: the case reference is only ever a case reference; free text holds no postcode,
date of birth or titled name."""

import pytest
from django.core.exceptions import ValidationError

from caseaudits.privacy import (
    case_reference_problem,
    free_text_problem,
    is_nhs_number,
    normalise_case_reference,
    validate_case_reference,
    validate_free_text,
)


@pytest.mark.parametrize("reference", ["EHA-104233", "eha-104233", "LL1042337", "1042337", "CF-12345", " EHA104233 "])
def test_case_references_in_the_default_format_are_accepted(reference):
    assert case_reference_problem(reference) is None


@pytest.mark.parametrize(
    "reference, says",
    [
        ("John Smith", "looks like a name"),
        ("Smith", "looks like a name"),
        ("SMITH", "looks like a name"),
        ("Smith1", "looks like a name"),
        ("JOHN-12345", "looks like a name"),
        ("O'Neill, K", "looks like a name"),
        ("03/04/2015", "looks like a date of birth"),
        ("3.4.15", "looks like a date of birth"),
        ("2015-04-03", "looks like a date of birth"),
        ("3 April 2015", "looks like a date of birth"),
        ("EHA 03-04-2015", "looks like a date of birth"),
        ("LE1 6ZG", "looks like a postcode"),
        ("le16zg", "looks like a postcode"),
        ("SW1A 1AA", "looks like a postcode"),
        ("", "Enter the case reference"),
        ("12", "case system's format"),
        ("EHA-12", "case system's format"),
        ("AB#12345", "case system's format"),
    ],
)
def test_anything_that_looks_like_personal_data_is_refused_with_a_clear_message(reference, says):
    problem = case_reference_problem(reference)
    assert problem and says in problem


def test_the_messages_say_why():
    assert "never record a child's or family member's name" in case_reference_problem("Jane Doe")
    assert "never record a date of birth" in case_reference_problem("01/02/2016")
    assert "never record an address" in case_reference_problem("LE2 7AB")


def test_the_pattern_is_a_setting(settings):
    settings.CASE_REFERENCE_PATTERN = r"^DN\d{6}$"
    settings.CASE_REFERENCE_HINT = "DN and 6 digits, for example DN123456"
    assert case_reference_problem("DN123456") is None
    assert (
        case_reference_problem("EHA-104233")
        == "Enter the case reference in the case system's format: DN and 6 digits, for example DN123456."
    )
    # The personal-data checks still come first, whatever the pattern.
    settings.CASE_REFERENCE_PATTERN = r"^.*$"
    assert "looks like a name" in case_reference_problem("Jane Doe")


def test_references_are_stored_in_capitals_without_spaces_around():
    assert normalise_case_reference("  eha-104233 ") == "EHA-104233"


def test_the_validator_raises_with_the_message():
    with pytest.raises(ValidationError) as refused:
        validate_case_reference("Jane Doe")
    assert "looks like a name" in refused.value.messages[0]
    validate_case_reference("EHA-104233")


@pytest.mark.parametrize(
    "text",
    [
        "TAF held 12/03/2019; plan reviewed 3 June 2019.",  # ordinary dates are evidence, not personal data
        "Mother attends the LE1 area family hub.",  # a postcode district alone is not an address
        "Reviewed in Q2, Y6 2nd half of term.",
        "Lead practitioner from the school; the child is 7.",
        "The child did not miss a session; father will miss Tuesday's TAF.",
        "Home-Start, Soft Touch Arts and Barnardo's supported the family in Belgrave.",
        "Victoria Park walk; St Thomas More staff attended; Grace period agreed.",
        "Met 3 times at the Park; 10 sessions over 12 weeks.",
        "",
    ],
)
def test_free_text_without_personal_data_is_accepted(text):
    assert free_text_problem(text) is None
    validate_free_text(text)


@pytest.mark.parametrize(
    "text, says",
    [
        ("Family moved to LE1 6ZG in May.", "Remove the postcode 'LE1 6ZG'"),
        ("New address LE3 0AB.", "Remove the postcode"),
        ("Child DOB 03/04/2015.", "Remove the date of birth"),
        ("D.O.B: 3 April 2015", "Remove the date of birth"),
        ("date of birth 2015-04-03", "Remove the date of birth"),
        ("born on 3rd April 2015", "Remove the date of birth"),
        ("Born in April 2015", "Remove the date of birth"),
        ("Spoke to Mrs Smith about the plan.", "Remove the name 'Mrs Smith'"),
        ("Mr. O'Brien attended.", "Remove the name"),
        # the examples, each refused and named
        ("MRS SMITH attended", "Remove the name 'MRS SMITH'"),
        ("mrs smith attended", "Remove the name 'mrs smith'"),
        ("Dr Patel saw the child", "Remove the name 'Dr Patel'"),
        ("date-of-birth: 01/02/2015", "Remove the date of birth 'date-of-birth: 01/02/2015'"),
        ("Mum (Sarah Jones) engaged well", "Remove the name 'Sarah Jones'"),
        ("Jayden is doing better", "Remove the name 'Jayden'"),
        ("Family moved to 12 Melton Road", "Remove the street address '12 Melton Road'"),
        ("Dad's mobile 07700 900123", "Remove the phone number '07700 900123'"),
        ("Postcode le4 9ha", "Remove the postcode 'le4 9ha'"),
        ("Contact +44 116 454 1004", "Remove the phone number '+44 116 454 1004'"),
        ("Sent to mum@example.com", "Remove the email address 'mum@example.com'"),
        ("NHS number 943 476 5919", "Remove the NHS number '943 476 5919'"),
        ("Miss Hughes attended", "Remove the name 'Miss Hughes'"),
        ("a brother called Kacper", "Remove the name 'Kacper'"),
    ],
)
def test_free_text_with_personal_data_is_refused(text, says):
    problem = free_text_problem(text)
    assert problem and says in problem
    with pytest.raises(ValidationError):
        validate_free_text(text)


def test_every_finding_is_named_with_advice_and_the_text_is_not_changed():
    text = "Mum (Sarah Jones) lives at 12 Melton Road, LE4 6GT, tel 07700 900123"
    problem = free_text_problem(text)
    for words in ("'Sarah Jones'", "'12 Melton Road'", "'LE4 6GT'", "'07700 900123'"):
        assert words in problem
    assert "describe people by their role" in problem and "contact details stay in the case system" in problem


def test_an_nhs_number_needs_its_check_digit():
    assert is_nhs_number("9434765919")
    assert not is_nhs_number("9434765918")
    assert free_text_problem("Scored 943 476 5918 points") is None


@pytest.mark.parametrize("reference", ["07700 900123", "mum@example.com"])
def test_contact_details_are_refused_as_a_case_reference(reference):
    assert "looks like contact details" in case_reference_problem(reference)
