"""Frameworks are data: the STMM is seeded by a migration, others load from files, used versions never change.

What every framework shares (the freeze, the loading policy, the file problems, the screens) is tested once
for all of them in tests/portal/test_frameworks.py; this module keeps what is the maturity model's own."""

import io
import json
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from maturity import selectors
from maturity.forms import StrandRatingForm
from maturity.framework_kind import MaturityFramework
from maturity.models import Framework
from portal import frameworks
from portal.frameworks import FrameworkFileError

KIND = frameworks.kind("maturity")
EXAMPLES_DIR = MaturityFramework.examples


def read_framework_file(path):
    return KIND.read(path)


def parse_framework(data):
    return KIND.parse(data)


def load_framework(checked, *, make_current=False):
    return frameworks.load(KIND, checked, make_current=make_current)


STMM_STRANDS = [
    ("The families' experience of transformed services", 3),
    ("Leadership", 4),
    ("Strategy", 4),
    ("Culture", 2),
    ("Workforce development", 5),
    ("Delivery structures and processes", 6),
]


def test_the_migration_seeds_the_stmm_with_six_strands_and_four_levels(stmm):
    assert stmm.level_names == ["Early", "Developing", "Maturing", "Mature"]
    strands = list(stmm.strands.all())
    assert [(s.name, len(s.scope_items)) for s in strands] == STMM_STRANDS
    assert strands[0].summary == "One worker, one family, one plan."
    assert "Troubled Families Outcome Plan" in strands[5].scope


def test_the_shipped_stmm_file_is_what_the_migration_loaded(stmm):
    result = load_framework(read_framework_file(EXAMPLES_DIR / "stmm.json"))
    assert result.outcome == "unchanged"
    assert result.framework == stmm
    assert Framework.objects.filter(slug="stmm").count() == 1


@pytest.mark.parametrize("name", ["early-help-system-guide.json", "data-maturity-example.json"])
def test_each_example_file_loads_as_a_new_framework(db, name):
    data = json.loads((EXAMPLES_DIR / name).read_text())
    result = load_framework(read_framework_file(EXAMPLES_DIR / name))
    assert result.outcome == "created"
    framework = result.framework
    assert (framework.slug, framework.version, framework.title) == (data["slug"], 1, data["title"])
    assert framework.level_names == [level["name"] for level in data["levels"]]
    assert [s.name for s in framework.strands.all()] == [s["name"] for s in data["strands"]]
    assert load_framework(read_framework_file(EXAMPLES_DIR / name)).outcome == "unchanged"


def _minimal(**changes):
    data = {
        "slug": "doncaster-prevention-principles",
        "title": "Doncaster prevention principles",
        "levels": [{"name": "Not yet"}, {"name": "Partly"}, {"name": "Fully"}],
        "strands": [{"name": "Think family"}, {"name": "Early identification", "scope": "One descriptor"}],
    }
    data.update(changes)
    return data


def test_parse_fills_in_strand_keys_and_short_names():
    spec = parse_framework(_minimal())
    assert spec.slug == "doncaster-prevention-principles"
    assert spec.version is None
    strands = spec.parts["strands"]
    assert [s["key"] for s in strands] == ["think-family", "early-identification"]
    assert strands[0]["short_name"] == "Think family"
    assert strands[1]["scope"] == ["One descriptor"]
    assert [(level["name"], level["description"]) for level in spec.parts["levels"]] == [
        ("Not yet", ""),
        ("Partly", ""),
        ("Fully", ""),
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        ([1, 2], "one framework (a JSON object"),
        (_minimal(title=""), "title: required"),
        (_minimal(levels=[{"name": "Only"}]), "levels: list at least 2"),
        (_minimal(levels="Early, Mature"), "levels: must be a list"),
        (_minimal(levels=[{"name": "Same"}, {"name": "same"}]), "levels[1].name: 'same' is used twice"),
        (_minimal(levels=[{"name": "Early/ish"}, {"name": "Late"}]), "levels[0].name: must not contain '/'"),
        (_minimal(levels=[{"name": "x" * 61}, {"name": "Late"}]), "levels[0].name: must be 60 characters or fewer"),
        (_minimal(strands=[]), "strands: required"),
        (_minimal(strands=[{"summary": "no name"}]), "strands[0].name: required"),
        (_minimal(strands=[{"name": "A", "key": "k"}, {"name": "B", "key": "k"}]), "strands[1].key: 'k' is used twice"),
        (_minimal(version=0), "version: must be a whole number"),
        (_minimal(version="2"), "version: must be a whole number"),
    ],
)
def test_parse_explains_every_problem(data, message):
    with pytest.raises(FrameworkFileError) as problem:
        parse_framework(data)
    assert any(message in text for text in problem.value.problems)


def test_a_file_that_is_not_json_is_refused():
    with pytest.raises(FrameworkFileError, match="not valid JSON"):
        read_framework_file(SimpleUploadedFile("f.json", b"{not json"))


def test_versions_never_change_a_change_is_the_next_version(db, make_round):
    data = _minimal(version=1)
    first = load_framework(parse_framework(data))
    assert first.outcome == "created"

    round_ = make_round("Doncaster 2025", framework=first.framework)
    data["strands"][0]["name"] = "Think family first"
    with pytest.raises(FrameworkFileError, match="version: 1 of 'doncaster-prevention-principles' is already loaded"):
        load_framework(parse_framework(data))
    assert [s.name for s in round_.framework.strands.all()] == ["Think family", "Early identification"]

    del data["version"]
    revision = load_framework(parse_framework(data))
    assert (revision.outcome, revision.framework.version) == ("new_version", 2)
    round_.refresh_from_db()
    assert round_.framework.version == 1
    assert load_framework(parse_framework(data)).outcome == "unchanged"


def test_a_loaded_framework_with_three_levels_is_rated_and_compared(db, make_round, la_officer):
    framework = load_framework(read_framework_file(EXAMPLES_DIR / "early-help-system-guide.json")).framework
    first = make_round(
        "EHSG 2023",
        framework=framework,
        period_end=date(2023, 3, 31),
        ratings={"family-voice": "Emerging", "data-and-systems": "Emerging/Developing"},
    )
    second = make_round(
        "EHSG 2024",
        framework=framework,
        period_end=date(2024, 3, 31),
        ratings={"family-voice": "Embedded", "data-and-systems": "Developing"},
    )
    rating = second.ratings.get(strand__key="family-voice")
    choices = [label for _, label in StrandRatingForm(instance=rating).fields["rating"].choices]
    assert choices == ["Not rated", "Emerging", "Emerging/Developing", "Developing", "Developing/Embedded", "Embedded"]

    comparison = selectors.compare([first, second])
    rows = {row.key: row for row in comparison.rows}
    assert [c.label for c in rows["family-voice"].cells] == ["Emerging", "Embedded"]
    assert rows["family-voice"].cells[1].movement.text == "Up 2 levels"
    assert rows["data-and-systems"].cells[1].movement.text == "Up half a level"
    svg = str(selectors.rating_charts(comparison)[0][1])
    assert all(level in svg for level in ["Emerging", "Developing", "Embedded"])


def test_rounds_on_two_versions_compare_by_strand_key(db, make_round, stmm):
    data = json.loads((EXAMPLES_DIR / "stmm.json").read_text())
    del data["version"]
    data["strands"] = data["strands"][1:] + [{"key": "data", "name": "Data and evidence"}]
    revision = load_framework(parse_framework(data)).framework
    old = make_round("Old", framework=stmm, period_end=date(2019, 1, 31), ratings={"strategy": "Early"})
    new = make_round("New", framework=revision, period_end=date(2020, 1, 31), ratings={"strategy": "Developing"})
    comparison = selectors.compare([new, old])
    rows = {row.key: row for row in comparison.rows}
    assert comparison.rounds == [old, new]
    assert rows["strategy"].cells[1].movement.text == "Up 1 level"
    assert [c.label for c in rows["data"].cells] == ["Not in this version", "Not rated"]
    assert rows["families-experience"].cells[1].label == "Not in this version"
    assert rows["families-experience"].cells[1].movement.text == "Not comparable"
    assert list(rows)[-1] == "families-experience"  # strands dropped from the newest version come last


def test_load_command_loads_and_reports(db, tmp_path):
    out = io.StringIO()
    call_command("load_maturity_framework", str(EXAMPLES_DIR / "early-help-system-guide.json"), stdout=out)
    assert "Early Help System Guide (example): loaded as version 1. (5 strands, 3 levels)" in out.getvalue()
    out = io.StringIO()
    call_command("load_maturity_framework", str(EXAMPLES_DIR / "early-help-system-guide.json"), stdout=out)
    assert "version 1 already says this; nothing changed" in out.getvalue()


def test_load_command_refuses_bad_and_missing_files(db, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"slug": "x", "title": "X", "levels": [{"name": "One"}], "strands": []}))
    with pytest.raises(CommandError) as problem:
        call_command("load_maturity_framework", str(bad))
    assert "levels: list at least 2" in str(problem.value) and "strands: required" in str(problem.value)
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("load_maturity_framework", str(tmp_path / "missing.json"))
    assert not Framework.objects.filter(title="X").exists()


def _upload(content, name="framework.json"):
    return SimpleUploadedFile(name, content if isinstance(content, bytes) else json.dumps(content).encode())


def test_an_administrator_loads_a_framework_from_the_page(client_for, admin_user):
    client = client_for(admin_user)
    response = client.post("/frameworks/maturity/upload/", {"file": _upload(_minimal())}, follow=True)
    framework = Framework.objects.get(slug="doncaster-prevention-principles")
    assert response.redirect_chain[-1][0] == f"/frameworks/maturity/{framework.pk}/"
    page = response.content.decode()
    assert "Doncaster prevention principles: loaded as version 1." in page
    assert "Early identification" in page and "Not yet" in page and "Partly" in page


def test_a_bad_upload_is_explained_next_to_the_field(client_for, admin_user):
    response = client_for(admin_user).post("/frameworks/maturity/upload/", {"file": _upload(_minimal(strands=[]))})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Load a maturity model file" in page
    assert "strands: required" in page
    assert not Framework.objects.filter(slug="doncaster-prevention-principles").exists()


def test_only_administrators_load_frameworks(client_for, la_officer, board_member):
    for user in (la_officer, board_member):
        response = client_for(user).post("/frameworks/maturity/upload/", {"file": _upload(_minimal())})
        assert response.status_code == 403
    assert not Framework.objects.filter(slug="doncaster-prevention-principles").exists()
