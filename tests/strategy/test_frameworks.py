"""Objective sets load through the framework kit: Leicester's by default, Doncaster's and Stoke-on-Trent's
from their files without code changes, in the seeds' own words."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from portal import frameworks
from portal.frameworks import FrameworkInUse
from strategy.models import Objective, ObjectiveSet
from testdata.strategy import make_plan

KIND = frameworks.kind("objectives")
FILES = sorted(KIND.examples.glob("*.json"))


def load(path, *args):
    out = StringIO()
    call_command("load_objectives", str(path), *args, stdout=out)
    return out.getvalue()


def test_leicesters_support_strengthen_thrive_objectives_are_the_default(db):
    current = ObjectiveSet.objects.current()
    assert current.slug == "leicester-early-help-objectives" and current.partnership == "Leicester"
    rows = [(o.reference, o.theme, o.title) for o in current.objectives.all()]
    assert [theme for _, theme, _ in rows] == ["Support", "Support", "Strengthen", "Strengthen", "Thrive", "Thrive"]
    assert rows[0][2] == (
        "To target resources effectively to support children and their families as early as possible when problems "
        "arise"
    )
    assert rows[3][2].startswith("To prevent the need for referral and thereby reduce the number of children")


def test_the_leicester_file_says_what_the_migration_stored(db):
    out = load(KIND.examples / "leicester-objectives.json")
    assert "already says this" in out
    assert ObjectiveSet.objects.filter(slug="leicester-early-help-objectives").count() == 1


def test_doncasters_four_objectives_load_from_their_file(db):
    out = load(KIND.examples / "doncaster-objectives.json")
    assert "loaded as version 1" in out and "4 objectives" in out
    doncaster = ObjectiveSet.objects.get(slug="doncaster-early-help-objectives")
    assert not doncaster.is_current  # Leicester's stays current without --make-current
    titles = list(doncaster.objectives.values_list("title", flat=True))
    assert titles[1] == (
        "Embed the Early Help pathway to support children and young people who have additional or multiple/complex "
        "needs"
    )


def test_stoke_on_trents_four_themes_load_and_are_called_themes(db):
    out = load(KIND.examples / "stoke-on-trent-action-plan-themes.json", "--make-current")
    assert "4 themes" in out and "It is the current version." in out
    stoke = ObjectiveSet.objects.current()
    assert stoke.item_label == "theme"
    assert stoke.objectives.first().title == "Increasing the confidence of parents to engage in the Early Help process"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_shipped_file_reads(path):
    assert KIND.read(path).parts["objectives"]


def test_a_bad_file_names_each_problem_by_its_place_and_nothing_loads(db, tmp_path):
    path = tmp_path / "bad.json"
    data = {
        "slug": "bad-objectives",
        "title": "Bad",
        "partnership": "Nowhere",
        "item_label": "goal",
        "objectives": [{"reference": "1", "title": ""}, {"reference": "1", "title": "Again"}],
    }
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError) as problem:
        load(path)
    message = str(problem.value)
    assert "objectives[0].title: required" in message
    assert "objectives[1].reference: '1' is used twice" in message
    assert "item_label: must be one of objective, theme" in message
    assert not ObjectiveSet.objects.filter(slug="bad-objectives").exists()


def test_a_set_a_plan_uses_is_frozen(db):
    plan = make_plan("2026-27")
    objective = plan.objective_set.objectives.first()
    objective.title = "Something else"
    with pytest.raises(FrameworkInUse):
        objective.save()
    with pytest.raises(FrameworkInUse):
        Objective.objects.filter(pk=objective.pk).update(title="x")


def test_the_kind_reads_back_what_it_stored(db):
    loaded = frameworks.load(KIND, KIND.read(KIND.examples / "doncaster-objectives.json")).framework
    assert KIND.content_of(loaded) == KIND.read(KIND.examples / "doncaster-objectives.json").content()
