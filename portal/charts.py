"""Server-rendered SVG charts: no JavaScript, no CDN, printable.

Every chart carries a <title> and <desc>, and pages show the same figures in a table beside it, so the
chart is never the only way to read the numbers.
"""

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Distinguishable by shape (markers, dash) as well as colour.
SERIES_STYLES = [
    ("#1d70b8", "circle", ""),
    ("#d4351c", "square", "6 3"),
    ("#00703c", "diamond", "2 3"),
    ("#4c2c92", "triangle", "8 3 2 3"),
    ("#f47738", "circle", "1 3"),
    ("#505a5f", "square", ""),
]


@dataclass
class Series:
    name: str
    values: list  # one number (or None for a gap) per category
    styles: tuple = field(default=None)


def line_chart(
    categories,
    series,
    *,
    title,
    description="",
    y_max=100,
    y_labels=None,
    y_suffix="%",
    width=640,
    height=320,
    chart_id="chart",
):
    """A line chart as inline SVG markup.

    categories  x-axis labels, e.g. ["Q1 2018-19", "Q2 2018-19"]
    series      list of Series; values are on the 0..y_max scale
    chart_id    unique per page (ids for the title and description)
    y_labels    optional {value: text} for the y axis (e.g. maturity levels); default 0, 25%, ... 100%
    """
    left, right, top, bottom = 110, 20, 20, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(categories), 1)

    def x(i):
        return left + (plot_w * (i + 0.5) / n)

    def y(v):
        return top + plot_h - (plot_h * v / y_max if y_max else 0)

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img"'
        f' aria-labelledby="{chart_id}-title {chart_id}-desc"'
        f' xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    ticks = y_labels or {v: f"{v}{y_suffix}" for v in range(0, int(y_max) + 1, max(int(y_max) // 4, 1))}
    for value, text in ticks.items():
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#b1b4b6"'
            f' stroke-width="1"/><text x="{left - 8}" y="{y(value) + 4:.1f}" text-anchor="end"'
            f' font-size="12">{escape(text)}</text>'
        )
    for i, category in enumerate(categories):
        parts.append(
            f'<text x="{x(i):.1f}" y="{height - bottom + 18}" text-anchor="middle" font-size="12">'
            f"{escape(category)}</text>"
        )
    for index, s in enumerate(series):
        colour, marker, dash = s.styles or SERIES_STYLES[index % len(SERIES_STYLES)]
        points = [(x(i), y(v)) for i, v in enumerate(s.values) if v is not None]
        for segment in _segments(s.values):  # a gap (None) breaks the line rather than bridging it
            path = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in segment)
            parts.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="3" stroke-dasharray="{dash}" points="{path}"/>'
            )
        for px, py in points:
            parts.append(_marker(marker, px, py, colour))
        # The legend wraps onto a second row when the series would not fit on one.
        per_row = max(1, (width - left) // 150)
        legend_y = height - 20 - 16 * (len(series) > per_row) + 16 * (index // per_row)
        legend_x = left + (index % per_row) * 150
        parts.append(_marker(marker, legend_x, legend_y - 4, colour))
        parts.append(f'<text x="{legend_x + 10}" y="{legend_y}" font-size="12">{escape(s.name)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _segments(values):
    """Runs of two or more consecutive known values, as (index, value) pairs."""
    run, runs = [], []
    for i, value in enumerate(values):
        if value is None:
            run = []
            continue
        run.append((i, value))
        if len(run) == 2:
            runs.append(run)
    return runs


def _marker(shape, x, y, colour):
    if shape == "square":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"/>'
    if shape == "diamond":
        return (
            f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}"'
            f' fill="{colour}"/>'
        )
    if shape == "triangle":
        return (
            f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}" fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'
