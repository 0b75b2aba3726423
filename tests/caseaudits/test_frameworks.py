"""Principle sets are data, versioned: Leicester's seven by migration; others load from JSON files.

What every framework shares (the freeze, the loading policy, the file problems, the screens) is tested once
for all of them in tests/portal/test_frameworks.py; this module keeps what is the case-file audits' own."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from caseaudits.models import Framework, Principle
from portal import frameworks
from portal.frameworks import FrameworkFileError, FrameworkInUse


def parse_framework(data):
    return frameworks.kind("principles").parse(data)


def load(path, *args):
    out = StringIO()
    call_command("load_principles", str(path), *args, stdout=out)
    return out.getvalue()


def write(tmp_path, data, name="set.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def small_set(**changes):
    data = {
        "slug": "test-principles",
        "title": "Test principles",
        "partnership": "Testshire",
        "principles": [
            {"code": "consent", "title": "Consent"},
            {"code": "plan", "title": "Plan", "description": "A plan."},
        ],
    }
    data.update(changes)
    return data


def test_leicesters_seven_are_the_current_set_after_migrating(framework):
    assert framework.is_current
    assert [p.title for p in framework.principles.order_by("number")] == [
        "Written consent",
        "Assessment of the family",
        "Action plan",
        "Focus on outcomes",
        "Team Around the Family",
        "Management oversight",
        "Timely reviews",
    ]


def test_the_shipped_leicester_file_matches_the_migration(framework, framework_files):
    assert "version 1 already says this; nothing changed" in load(framework_files / "leicester-eha-principles.json")
    assert Framework.objects.filter(slug=framework.slug).count() == 1


@pytest.mark.parametrize(
    "filename, count, first, last",
    [
        ("doncaster-prevention-principles.json", 9, "Voice of the child", "Joint commissioning"),
        ("stoke-on-trent-early-help-principles.json", 10, "Everyone's responsibility", "Sharing data"),
    ],
)
def test_another_partnerships_set_loads_as_data(framework, framework_files, filename, count, first, last):
    output = load(framework_files / filename)
    loaded = Framework.objects.exclude(pk=framework.pk).get()
    titles = list(loaded.principles.order_by("number").values_list("title", flat=True))
    assert (len(titles), titles[0], titles[-1]) == (count, first, last)
    assert f"loaded as version 1. ({count} principles)" in output
    # Loading a set does not change which one new audits use, unless asked.
    assert Framework.objects.get(is_current=True) == framework


def test_current_makes_new_audits_use_the_loaded_set(framework, framework_files, la_officer, client_for):
    output = load(framework_files / "doncaster-prevention-principles.json", "--make-current")
    assert "It is the current version." in output
    doncaster = Framework.objects.get(is_current=True)
    assert doncaster.slug == "doncaster-prevention-principles"
    page = client_for(la_officer).get("/case-audits/new/").content.decode()
    assert "9. Joint commissioning" in page and "Written consent" not in page


def test_loading_the_same_file_twice_changes_nothing(db, tmp_path):
    path = write(tmp_path, small_set())
    load(path)
    assert "nothing changed" in load(path)
    assert Framework.objects.filter(slug="test-principles").count() == 1


def test_a_changed_set_is_the_next_version_even_before_audits_use_it(db, tmp_path):
    load(write(tmp_path, small_set()))
    changed = small_set(principles=[{"code": "consent", "title": "Written consent"}])
    assert "loaded as version 2" in load(write(tmp_path, changed))
    framework = Framework.objects.latest("test-principles")
    assert framework.version == 2
    assert list(framework.principles.values_list("title", flat=True)) == ["Written consent"]
    first = Framework.objects.get(slug="test-principles", version=1)
    assert list(first.principles.values_list("title", flat=True)) == ["Consent", "Plan"]


def test_a_used_revision_is_never_changed_a_change_is_a_new_revision(
    framework, framework_files, make_audit, agency, tmp_path
):
    old_audit = make_audit(agency)
    revised = json.loads((framework_files / "leicester-eha-principles.json").read_text())
    revised["principles"][6]["title"] = "Reviews every 3 months"
    revised.pop("version")
    output = load(write(tmp_path, revised), "--make-current")
    assert "loaded as version 2; earlier versions are kept as they were" in output
    revision_2 = Framework.objects.get(slug=framework.slug, version=2)
    framework.refresh_from_db()
    # The revision replaces the current one; the old audit keeps revision 1, unchanged.
    assert revision_2.is_current and not framework.is_current
    assert framework.principles.get(number=7).title == "Timely reviews"
    old_audit.refresh_from_db()
    assert old_audit.framework == framework
    assert set(old_audit.findings.values_list("principle__framework__version", flat=True)) == {1}


def test_a_used_principle_cannot_be_saved_in_place(principles, make_audit, agency):
    make_audit(agency)
    principle = principles[0]
    principle.title = "Changed"
    with pytest.raises(FrameworkInUse):
        principle.save()
    assert Principle.objects.get(pk=principle.pk).title == "Written consent"


def test_new_audits_after_a_revision_use_it_and_reports_follow_principles_across_revisions(
    framework, framework_files, make_audit, agency, tmp_path
):
    from caseaudits.selectors import quarterly_report

    make_audit(agency, audit_date=date(2018, 5, 1))
    revised = json.loads((framework_files / "leicester-eha-principles.json").read_text())
    revised["principles"][2]["title"] = "Action plan (SMART)"
    revised.pop("version")
    load(write(tmp_path, revised))
    make_audit(agency, audit_date=date(2018, 8, 1), revision=Framework.objects.get(slug=framework.slug, version=2))
    report = quarterly_report(2018)
    row = next(r for r in report.principles if r.code == "action-plan")
    assert row.title == "Action plan (SMART)"  # titled as in the latest revision
    assert [share.total for share in row.quarters] == [1, 1, 0, 0]  # both revisions' audits count


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "one framework (a JSON object"),
        (small_set(slug=""), "slug: required"),
        (small_set(slug="Not A Slug"), "slug: use lower-case"),
        (small_set(title=""), "title: required"),
        (small_set(partnership=7), "partnership: must be text"),
        (small_set(principles=[]), "principles: required"),
        (small_set(principles=["Consent"]), "principles[0]: must be an object"),
        (
            small_set(principles=[{"code": "a", "title": "A"}, {"code": "a", "title": "B"}]),
            "principles[1].code: 'a' is used twice",
        ),
        (small_set(principles=[{"code": "a"}]), "principles[0].title: required"),
        (
            small_set(principles=[{"code": "a", "title": "x" * 121}]),
            "principles[0].title: must be 120 characters or fewer",
        ),
    ],
)
def test_a_bad_file_is_refused_naming_every_problem(data, message):
    with pytest.raises(FrameworkFileError) as refused:
        parse_framework(data)
    assert message in str(refused.value)


def test_the_command_refuses_a_bad_file_and_loads_nothing(db, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="is not valid JSON"):
        load(broken)
    with pytest.raises(CommandError, match="Cannot read"):
        load(tmp_path / "missing.json")
    with pytest.raises(CommandError, match="title: required"):
        load(write(tmp_path, small_set(title="")))
    assert not Framework.objects.filter(slug="test-principles").exists()
