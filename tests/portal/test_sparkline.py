"""The shared sparkline: decorative unless titled, gaps break the line, the latest point is marked."""

import re

from portal.charts import sparkline
from portal.templatetags.portal_tags import rag_tag


def test_an_untitled_sparkline_is_decorative():
    svg = sparkline([1, 2, 3])
    assert 'aria-hidden="true"' in svg and "role=" not in svg and "<title" not in svg


def test_a_titled_sparkline_is_a_labelled_image_and_escapes_text():
    svg = sparkline([1, 2, 3], title="Absence <primary>", description="Q1 to Q3", chart_id="abs")
    assert 'role="img"' in svg and 'aria-labelledby="abs-title abs-desc"' in svg
    assert '<title id="abs-title">Absence &lt;primary&gt;</title>' in svg and "aria-hidden" not in svg


def test_a_gap_breaks_the_line_and_the_latest_known_point_is_marked():
    svg = sparkline([1, 2, None, 4, 5, None])
    assert svg.count("<polyline") == 2
    circles = re.findall(r'<circle cx="([\d.]+)"', svg)
    assert len(circles) == 1
    assert float(circles[0]) < 160 - 4  # the latest known value (the 5th), not the missing 6th


def test_higher_values_are_drawn_higher_and_the_target_is_on_the_same_scale():
    svg = sparkline([10, 20], reference=30, height=40)
    points = re.search(r'points="([^"]+)"', svg).group(1).split()
    ys = [float(p.split(",")[1]) for p in points]
    assert ys[0] > ys[1]  # SVG y grows downwards
    target_y = float(re.search(r'<line [^>]*y1="([\d.]+)"', svg).group(1))
    assert target_y < ys[1]  # the target, 30, is above both values
    assert target_y == 4.0  # and it sets the top of the scale


def test_flat_empty_and_single_series_do_not_fail():
    assert 'cy="20.0"' in sparkline([5, 5, 5])  # a flat line sits in the middle
    assert "<polyline" not in sparkline([]) and "<circle" not in sparkline([])
    assert sparkline([None, None]).count("<polyline") == 0
    assert sparkline([7]).count("<circle") == 1


def test_rag_tag_takes_a_features_own_label_and_meaning():
    html = rag_tag("not_rated", "Not rated", "No target")
    assert ">Not rated</strong>" in html and 'title="No target"' in html and "tag--rag-not-started" in html


def test_figures_table_gives_the_same_figures_and_escapes_them():
    from portal.charts import figures_table

    html = figures_table([("Q1 2026-27", "79% (42 of 53)"), ("Q2 <b>", "80%")], caption="Trend of 4")
    assert '<caption class="visually-hidden">Trend of 4</caption>' in html
    assert '<tr><th scope="row">Q1 2026-27</th><td class="numeric">79% (42 of 53)</td></tr>' in html
    assert "Q2 &lt;b&gt;" in html
