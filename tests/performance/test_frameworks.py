"""Indicator sets load from files through the framework kit, without code changes."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from performance.framework_kind import IndicatorSetFramework
from performance.models import Indicator, IndicatorSet
from portal import frameworks
from portal.frameworks import FrameworkInUse
from testdata.performance import make_return, quarter

KIND = frameworks.kind("indicators")
FILES = sorted(KIND.examples.glob("*.json"))
LEICESTER_23 = [
    ("Strengthen", "Primary school persistent absence rate (>10% absence)"),
    ("Strengthen", "Secondary school persistent absence rate (>10% absence)"),
    ("Strengthen", "No. of domestic or sexual violence incidents at start and end of intervention"),
    ("Thrive", "Improvement in family wellbeing and/or physical, mental or emotional health"),
    ("Thrive", "Family members report a reduction in harmful alcohol and drug use"),
    ("Strengthen", "Phase 2: Troubled Families claims made"),
    ("Strengthen", "Take up of funded early education 2, 3 and 4 year olds"),
    ("Strengthen", "Good Level of Development at EYFS"),
    ("Strengthen", "Gap between lowest achieving 20% and the rest at EYFS"),
    ("Strengthen", "Raising the Participation Age - Year 11 leavers participating in learning"),
    ("Strengthen", "% of Primary school pupils with one or more fixed period exclusions"),
    ("Strengthen", "% of secondary pupils with one or more fixed-period exclusion"),
    ("Thrive", "Young People's Employment, Education and Training"),
    ("Strengthen", "Supervised by YOS Not in Education, Employment & Training"),
    ("Strengthen", "The number of First Time Entrants (FTEs) into the Criminal Justice System"),
    ("Strengthen", "Under 18 conception rate (15-17 per 1000)"),
    ("Strengthen", "Infant Mortality - Rate per 1,000 live births"),
    ("Strengthen", "16-17 year olds presenting as homeless"),
    ("Strengthen", "% of 5 year olds with decayed, missing and filled teeth"),
    ("Support", "Contact sources requesting targeted council Early Help Services"),
    ("Support", "Council Early Help Casework (both TAR and EHA)"),
    ("Support", "Step Up Step Down between Early Help and Social Care"),
    ("Strengthen", "Successfully completing an advised treatment programme (drug or alcohol)"),
]


def load(path, *args):
    out = StringIO()
    call_command("load_indicator_set", str(path), *args, stdout=out)
    return out.getvalue()


def test_leicesters_book_is_the_default_with_the_seeds_23_indicators_and_themes(db):
    book = IndicatorSet.objects.current()
    assert book.slug == "leicester-performance-book" and book.partnership == "Leicester" and book.name == book.title
    typed = book.indicators.filter(computed="").order_by("order")
    assert [(i.theme, i.name) for i in typed] == LEICESTER_23
    computed = dict(book.indicators.exclude(computed="").values_list("reference", "computed"))
    assert computed == {
        "QA1": "offers_reviewed_on_time",
        "QA2": "caseaudits_good_or_better",
        "QA3": "commitments_submitted",
        "QA4": "principle_compliance:action-plan",
    }
    infant = book.indicators.get(reference="17")
    assert (infant.unit, infant.polarity, infant.frequency) == ("rate_per_1000", "lower_is_better", "yearly")


def test_doncasters_scorecard_loads_from_its_file_with_sub_measures(db):
    assert "loaded as version 1" in load(KIND.examples / "doncaster-performance-scorecard.json")
    scorecard = IndicatorSet.objects.latest("doncaster-performance-scorecard")
    assert not scorecard.is_current  # Leicester's stays the default
    time_taken = scorecard.indicators.get(reference="3.1")
    assert [s.reference for s in time_taken.sub_measures.order_by("order")] == ["3.1a", "3.1b", "3.1c", "3.1d"]
    sub = scorecard.indicators.get(reference="3.1a")
    assert (sub.name, sub.unit, sub.polarity, sub.theme) == (
        "Average working days from enquiry to allocation",
        "average_days",
        "lower_is_better",
        "Process measures",
    )
    assert scorecard.indicators.get(reference="3.3b").computed == "offers_reviewed_on_time"
    assert scorecard.indicators.get(reference="3.3b").unit == "percentage"
    assert scorecard.indicators.get(reference="4.5").computed == "caseaudits_good_or_better"
    assert scorecard.indicators.get(reference="2.1").unit == "rate_per_10000"
    themes = set(scorecard.indicators.values_list("theme", flat=True))
    assert themes == {
        "Process measures",
        "Quality measures",
        "Outcome measures: family",
        "Outcome measures: practitioner / service",
    }
    assert "loaded as version 1" not in load(KIND.examples / "doncaster-performance-scorecard.json")


def test_stoke_on_trents_eleven_measures_load(db):
    load(KIND.examples / "stoke-on-trent-impact-measures.json")
    measures = IndicatorSet.objects.latest("stoke-on-trent-impact-measures").indicators.order_by("order")
    assert measures.count() == 11
    assert measures.get(reference="9").name == "Increase in the number of EHAs initiated by partner/agency"
    assert measures.get(reference="11").name.startswith("Positive feedback from children, young people and parents")


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_shipped_file_reads(path):
    checked = KIND.read(path)
    assert checked.parts["indicators"]


def test_a_bad_indicator_is_named_by_its_place_and_nothing_loads(db, tmp_path):
    data = json.loads((KIND.examples / "doncaster-performance-scorecard.json").read_text())
    data["indicators"][0]["sub_measures"][1]["unit"] = "furlongs"
    data["indicators"][2]["computed"] = "Not A Key!"
    data["indicators"][3]["reference"] = "3.1A"
    del data["indicators"][4]["theme"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError) as refused:
        load(path)
    message = str(refused.value)
    assert "indicators[0].sub_measures[1].unit: must be one of percentage, count" in message
    assert "indicators[2].computed: use a key like" in message
    assert "indicators[4].theme: required" in message
    assert "'3.1a' is used twice" in message
    assert not IndicatorSet.objects.filter(slug="doncaster-performance-scorecard").exists()


def test_a_set_with_returns_is_frozen_but_may_be_made_public(owned, agency_lead):
    book = owned.indicator_set
    make_return(owned, quarter("2025-26", 1), value=10, user=agency_lead)
    owned.name = "Renamed"
    with pytest.raises(FrameworkInUse):
        owned.save()
    with pytest.raises(FrameworkInUse):
        Indicator.objects.filter(pk=owned.pk).update(name="Renamed")
    book.is_public = True
    book.save()
    assert IndicatorSet.objects.get(pk=book.pk).is_public
    assert book.count_responses() == 1
    assert IndicatorSet.objects.in_use().filter(pk=book.pk).exists()


def test_the_kind_reads_back_what_it_stored(db):
    kind = IndicatorSetFramework()
    load(KIND.examples / "doncaster-performance-scorecard.json")
    stored = IndicatorSet.objects.latest("doncaster-performance-scorecard")
    file = kind.read(KIND.examples / "doncaster-performance-scorecard.json")
    assert kind.content_of(stored) == file.content()
    assert kind.summary(stored) == "30 indicators (10 of them sub-measures)"
