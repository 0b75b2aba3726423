"""The checklist form field and widget on their own: submitted data in, StreamField blocks out."""

import pytest
from django.http import QueryDict

from home.admin_forms import ChecklistField
from home.models import OfferPage
from home.widgets import ChecklistGroup, ChecklistSectionSpec

SECTIONS = [
    ChecklistSectionSpec("attendance", "Attendance", "", [
        ChecklistGroup("primary", "Primary provision", ["First day calling", "Walking bus"]),
        ChecklistGroup("outcomes", "Measurable outcomes", ["Attendance improves"]),
    ]),
    ChecklistSectionSpec("semh", "SEMH", "", [ChecklistGroup("primary", "Primary provision", ["Play therapy"])]),
]  # fmt: skip


def field():
    return ChecklistField(block_type="area", list_names=["primary", "secondary", "outcomes"], sections=SECTIONS)


def submitted(**values):
    data = QueryDict(mutable=True)
    for name, value in values.items():
        data.setlist(name.replace("__", "-"), value if isinstance(value, list) else [value])
    return field().widget.value_from_datadict(data, {}, "areas")


def test_clean_builds_blocks_for_sections_with_items_only():
    blocks = field().clean(
        submitted(
            areas__attendance__primary=["Walking bus"], areas__attendance__primary__own="Breakfast club\nwalking bus"
        )
    )
    [block] = blocks
    assert block["type"] == "area"
    assert block["value"]["section"] == "attendance" and block["value"]["name"] == "Attendance"
    assert [i["value"] for i in block["value"]["primary"]] == ["Walking bus", "Breakfast club"]
    assert block["value"]["secondary"] == [] and block["value"]["outcomes"] == []


def test_ids_are_stable_so_revisions_compare_item_by_item():
    first = field().clean(submitted(areas__semh__primary=["Play therapy"]))
    second = field().clean(submitted(areas__semh__primary=["Play therapy"], areas__semh__primary__own="Dog"))
    assert first[0]["id"] == second[0]["id"]
    assert first[0]["value"]["primary"][0]["id"] == second[0]["value"]["primary"][0]["id"]


def stream(blocks):
    return OfferPage._meta.get_field("areas").to_python(blocks)


def test_the_blocks_are_a_valid_streamfield_value():
    value = stream(field().clean(submitted(areas__semh__primary=["Play therapy"])))
    assert [list(b.value["primary"]) for b in value] == [["Play therapy"]]


def test_problems_name_the_section_and_list():
    with pytest.raises(Exception) as raised:
        field().clean(submitted(areas__semh__primary__own="x" * 301))
    assert "SEMH, primary provision: Each item must be 300 characters or fewer." in str(raised.value)


def test_has_changed_compares_what_the_lists_say():
    saved = stream(field().clean(submitted(areas__attendance__primary=["Walking bus"])))
    assert not field().has_changed(saved, submitted(areas__attendance__primary=["Walking bus"]))
    assert field().has_changed(saved, submitted(areas__attendance__primary=["First day calling"]))


def test_widget_renders_ticks_own_lines_and_kept_items():
    html = field().widget.render(
        "areas",
        {
            "attendance": {
                "primary": {"ticked": ["Walking bus", "A retired suggestion"], "own": "Breakfast club"},
                "outcomes": {"ticked": [], "own": ""},
            },
            "semh": {"primary": {"ticked": [], "own": ""}},
        },
    )
    assert 'name="areas-attendance-primary" id="id_areas-0-0-1" value="Walking bus" checked' in html
    assert 'value="First day calling">' in html
    assert "A retired suggestion <em>(from an earlier checklist)</em>" in html
    assert ">Breakfast club</textarea>" in html
    assert '<legend class="offer-checklist__legend">SEMH</legend>' in html
