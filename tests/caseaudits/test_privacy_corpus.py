"""The privacy guard measured on a corpus: phrases holding personal data (testdata/privacy_corpus/
refuse.txt, each tagged with its kind) and ordinary audit sentences (pass.txt). bench/privacy_bench.py prints
the same rates."""

from collections import Counter

import pytest

from caseaudits.privacy import personal_data_in
from testdata.privacy_corpus import ordinary_sentences, phrases_to_refuse

# Kinds the guard must never miss; given names are caught from a list, so some can slip through.
NEVER_MISSED = {"titled_name", "address", "postcode", "phone", "date_of_birth", "email", "nhs_number"}


def test_the_corpus_is_large_enough():
    assert len(phrases_to_refuse()) >= 200
    assert len(ordinary_sentences()) >= 200
    assert NEVER_MISSED | {"given_name"} == {kind for kind, _ in phrases_to_refuse()}


@pytest.mark.parametrize("kind", sorted(NEVER_MISSED))
def test_no_titled_name_address_phone_number_or_birth_date_is_missed(kind):
    missed = [phrase for k, phrase in phrases_to_refuse() if k == kind and not personal_data_in(phrase)]
    assert missed == []


def test_most_given_names_are_caught():
    phrases = [phrase for kind, phrase in phrases_to_refuse() if kind == "given_name"]
    caught = Counter(bool(personal_data_in(phrase)) for phrase in phrases)
    assert caught[True] / len(phrases) >= 0.95, [p for p in phrases if not personal_data_in(p)]


def test_ordinary_sentences_pass_at_99_percent_or_better():
    sentences = ordinary_sentences()
    alarms = {s: [f.words for f in personal_data_in(s)] for s in sentences if personal_data_in(s)}
    assert len(alarms) / len(sentences) <= 0.01, alarms
