"""The suggested-provision checklist is data: Leicester's is seeded, others load from a file.

What every framework shares (the freeze, the loading policy, the file problems, the screens) is tested once
for all of them in tests/portal/test_frameworks.py; this module keeps what is the checklist's own."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from home.framework_kind import OfferChecklistFramework
from home.models import ChecklistItem, ChecklistSection, ProvisionChecklist
from portal import frameworks

LEICESTER_FILE = OfferChecklistFramework.examples / "leicester-2019.json"


def checklist_problems(data):
    try:
        frameworks.kind("offer-checklist").parse(data)
    except frameworks.FrameworkFileError as refused:
        return refused.problems
    return []


pytestmark = pytest.mark.django_db


def test_leicester_checklist_is_seeded_and_current():
    checklist = ProvisionChecklist.objects.get(is_current=True)
    assert checklist.slug == "leicester-schools-guide-2019"
    areas = list(checklist.sections.filter(kind="area").order_by("sort_order").values_list("name", flat=True))
    assert areas == [
        "Attendance",
        "Transition",
        "Social, emotional and mental health (SEMH)",
        "Staying safe",
        "Supporting families",
        "The local community",
        "The curriculum",
    ]
    audiences = checklist.sections.filter(kind="audience").order_by("sort_order").values_list("name", flat=True)
    assert list(audiences) == ["Children and young people", "Parents and carers", "Staff"]
    semh = checklist.sections.get(slug="semh")
    primary = list(semh.items.filter(group="primary").values_list("text", flat=True))
    assert "Bereavement counselling / groups" in primary and primary[0] == "Charity links such as Barnardo's"
    attendance = checklist.sections.get(slug="attendance")
    assert attendance.items.filter(group="primary", text="First day calling").exists()
    assert attendance.items.filter(group="outcomes", text="Reduction in the number of penalty notices issued").exists()
    # The seed gives supporting families no secondary column: the data says so too.
    assert not checklist.sections.get(slug="supporting-families").items.filter(group="secondary").exists()


def _write(tmp_path, data, name="checklist.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _revision(**changes):
    data = json.loads(LEICESTER_FILE.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def test_command_loads_another_checklist_and_makes_it_current(tmp_path):
    data = _revision(title="Doncaster schools' offer list", slug="doncaster-2020")
    data["areas"] = [
        {
            "slug": "attendance",
            "name": "Attendance",
            "primary": ["Attendance officer"],
            "secondary": [],
            "outcomes": ["Fewer persistent absentees"],
        }
    ]
    out = StringIO()
    call_command("load_offer_checklist", str(_write(tmp_path, data)), "--make-current", stdout=out)
    assert "Doncaster schools' offer list: loaded as version 1. (4 sections" in out.getvalue()
    assert "It is the current version." in out.getvalue()
    current = ProvisionChecklist.objects.get(is_current=True)
    assert current.slug == "doncaster-2020"
    assert list(
        ChecklistItem.objects.filter(section__checklist=current, group="primary").values_list("text", flat=True)
    ) == ["Attendance officer"]
    # The earlier checklist is kept unchanged, for the offers written against it.
    assert ProvisionChecklist.objects.get(slug="leicester-schools-guide-2019").sections.count() == 10


def test_command_without_make_current_leaves_the_current_checklist(tmp_path):
    out = StringIO()
    call_command("load_offer_checklist", str(_write(tmp_path, _revision(slug="leicester-2027"))), stdout=out)
    assert "The current version is unchanged." in out.getvalue()
    assert ProvisionChecklist.objects.get(is_current=True).slug == "leicester-schools-guide-2019"
    assert ProvisionChecklist.objects.get(slug="leicester-2027").sections.count() == 10


def test_a_loaded_checklist_is_never_changed_in_place(tmp_path):
    path = _write(tmp_path, _revision(title="Edited in place"))
    with pytest.raises(CommandError, match="already loaded with other content.*a stored version never changes"):
        call_command("load_offer_checklist", str(path))
    assert ProvisionChecklist.objects.get(slug="leicester-schools-guide-2019").title != "Edited in place"


def test_invalid_json_is_reported_with_its_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"title": "x",\n "slug": }', encoding="utf-8")
    with pytest.raises(CommandError, match=r"not valid JSON \(line 2"):
        call_command("load_offer_checklist", str(path))


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("load_offer_checklist", str(tmp_path / "nowhere.json"))


def test_a_file_with_problems_loads_nothing_and_names_each_place(tmp_path):
    data = {
        "title": "",
        "slug": "Bad Slug",
        "areas": [
            {"slug": "a", "name": "A", "primary": ["fine", 7], "secondary": [], "outcomes": []},
            {"slug": "a", "name": "Again", "primary": ["x" * 301]},
        ],
    }
    before = (ProvisionChecklist.objects.count(), ChecklistSection.objects.count(), ChecklistItem.objects.count())
    with pytest.raises(CommandError) as raised:
        call_command("load_offer_checklist", str(_write(tmp_path, data)))
    message = str(raised.value)
    assert "title: required" in message
    assert "slug: use lower-case letters" in message
    assert "areas[0].primary[1]: must be non-empty text" in message
    assert "areas[1].slug: 'a' is used twice" in message
    assert "areas[1].primary[0]: must be 300 characters or fewer" in message
    assert before == (
        ProvisionChecklist.objects.count(),
        ChecklistSection.objects.count(),
        ChecklistItem.objects.count(),
    )


@pytest.mark.parametrize(
    "data, problem",
    [
        ({"title": "n", "slug": "s"}, "The file must list some 'areas' or 'audiences'."),
        ({"title": "n", "slug": "s", "areas": {}}, "areas: must be a list"),
        ({"title": "n", "slug": "s", "audiences": ["x"]}, "audiences[0]: must be an object"),
        (
            {"title": "n", "slug": "s", "audiences": [{"slug": "c", "name": "C", "routes": "x"}]},
            "audiences[0].routes: must be a list of texts",
        ),
    ],
)
def test_checklist_problems(data, problem):
    assert problem in checklist_problems(data)


def test_a_file_that_is_not_one_object_is_refused():
    with pytest.raises(frameworks.FrameworkFileError, match="The file must hold one framework"):
        frameworks.kind("offer-checklist").parse([])


def test_the_shipped_example_has_no_problems():
    assert checklist_problems(json.loads(LEICESTER_FILE.read_text(encoding="utf-8"))) == []
