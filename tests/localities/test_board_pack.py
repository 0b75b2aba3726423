"""The board pack's "Locality partnership reports": each locality's latest submitted report, never a draft,
with its narrative, priorities, budget and frozen figures; one locality or all."""

from datetime import date

from django.utils import timezone

from localities import services
from localities.models import QuarterlyReport
from portal.board_pack import PackContext, get_kind
from testdata.localities import make_budget, make_priority, make_report


def _build(option="", today=None, locality=None):
    today = today or timezone.localdate()
    return get_kind("locality_reports").build(
        PackContext(today=today, meeting_date=today, option=option, locality=locality)
    )


def _texts(blocks):
    return [b.get("text") for b in blocks if b["type"] in ("heading", "paragraph")]


def test_the_kind_is_registered_with_its_options(north_partnership, south_partnership):
    kind = get_kind("locality_reports")
    assert (kind.title, kind.order) == ("Locality partnership reports", 80)
    assert kind.options(date(2026, 1, 1)) == [("", "All localities"), ("north", "North"), ("south", "South")]


def test_each_locality_shows_its_latest_submitted_report_never_a_draft(
    north_partnership, south_partnership, chair, provider, this_quarter, last_quarter
):
    make_priority(north_partnership, last_quarter.start_year, "School readiness", "Ready for school.")
    make_budget(north_partnership, last_quarter.start_year, initiatives=[("Get Up and Go", "3450.10")])
    older = make_report(north_partnership, last_quarter, narrative="")
    services.submit_report(older, narrative="Last quarter's words.", by=chair, today=last_quarter.last_day)
    make_report(north_partnership, this_quarter, narrative="A draft nobody else reads.")
    blocks = _build()
    texts = _texts(blocks)
    assert "North Early Help Locality Partnership" in texts and "South Early Help Locality Partnership" in texts
    assert "Last quarter's words." in texts
    assert "A draft nobody else reads." not in texts
    assert "No quarterly report has been submitted yet." in texts  # South's
    tables = {b["caption"]: b for b in blocks if b["type"] == "table"}
    assert tables[f"Priorities {last_quarter.year_label}"]["rows"] == [["School readiness", "Ready for school."]]
    budget = tables[f"Budget {last_quarter.year_label}"]["rows"]
    assert ["Get Up and Go", "£3,450.10", ""] in budget and ["Remaining", "£6,549.90", ""] in budget
    figures = next(b for b in blocks if b["type"] == "figures")
    assert figures["rows"][0] == {"label": "Offers published", "text": "7", "previous_text": "5"}


def test_the_figures_are_the_reports_frozen_ones(north_partnership, chair, provider, last_quarter):
    report = make_report(north_partnership, last_quarter)
    services.submit_report(report, narrative="Words.", by=chair, today=last_quarter.last_day)
    provider.value = 500
    figures = next(b for b in _build() if b["type"] == "figures")
    assert figures["rows"][0]["text"] == "7"


def test_one_locality_only(north_partnership, south_partnership):
    texts = _texts(_build(option="south"))
    assert "South Early Help Locality Partnership" in texts
    assert "North Early Help Locality Partnership" not in texts
    assert _texts(_build(locality=north_partnership.locality))[0] == "North Early Help Locality Partnership"


def test_a_report_of_a_later_quarter_than_the_packs_day_is_left_out(north_partnership, this_quarter, last_quarter):
    make_report(north_partnership, this_quarter, narrative="Later.", status=QuarterlyReport.Status.SUBMITTED)
    texts = _texts(_build(today=last_quarter.last_day))
    assert "Later." not in texts
