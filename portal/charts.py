"""Server-rendered SVG charts: no JavaScript, no CDN, printable.

Every chart carries a <title> and <desc>, and pages show the same figures in a table beside it, so the
chart is never the only way to read the numbers.
"""

from dataclasses import dataclass, field

from django.utils.html import escape, format_html, format_html_join
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


def sparkline(values, *, title="", description="", reference=None, width=160, height=40, chart_id="spark"):
    """A small trend line as inline SVG: the series oldest first (None for a gap), the latest point marked.

    Without a title the sparkline is decorative (hidden from assistive technology): use it only beside
    the same figures in words or in a table. With a title it is an image labelled by its title and
    description. `reference` (e.g. the target) is drawn as a dashed level line on the same scale.
    """
    known = [v for v in values if v is not None]
    scale = known + ([reference] if reference is not None else [])
    pad = 4
    low, high = (min(scale), max(scale)) if scale else (0, 1)
    span = (high - low) or 1
    n = len(values)

    def x(i):
        return pad + (width - 2 * pad) * (i / (n - 1) if n > 1 else 0.5)

    def y(v):
        # A flat series (span 0) sits in the middle rather than on the floor.
        if high == low:
            return height / 2
        return pad + (height - 2 * pad) * (1 - (float(v) - float(low)) / float(span))

    if title:
        labels = f' role="img" aria-labelledby="{chart_id}-title{f" {chart_id}-desc" if description else ""}"'
        head = f'<title id="{chart_id}-title">{escape(title)}</title>'
        if description:
            head += f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    else:
        labels, head = ' aria-hidden="true" focusable="false"', ""
    parts = [
        f'<svg class="sparkline" viewBox="0 0 {width} {height}" width="{width}" height="{height}"{labels}'
        f' xmlns="http://www.w3.org/2000/svg">{head}'
    ]
    if reference is not None:
        parts.append(
            f'<line x1="{pad}" x2="{width - pad}" y1="{y(reference):.1f}" y2="{y(reference):.1f}"'
            f' stroke="#505a5f" stroke-width="1" stroke-dasharray="4 3"/>'
        )
    for segment in _segments(values):
        path = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in segment)
        parts.append(f'<polyline fill="none" stroke="#1d70b8" stroke-width="2" points="{path}"/>')
    last = next((i for i in range(n - 1, -1, -1) if values[i] is not None), None)
    if last is not None:
        parts.append(f'<circle cx="{x(last):.1f}" cy="{y(values[last]):.1f}" r="3" fill="#0b0c0c"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def figures_table(rows, *, caption, headings=("Period", "Figure")):
    """A chart's figures as a table (caption visually hidden), for anyone who cannot read the chart.

    rows  (period label, figure as text) pairs, in the chart's order. Built in Python rather than a template
    loop: the scorecard shows one per indicator, a hundred tables of two dozen rows.
    """
    body = format_html_join("", '<tr><th scope="row">{}</th><td class="numeric">{}</td></tr>', rows)
    return format_html(
        '<table class="table trend-table"><caption class="visually-hidden">{}</caption>'
        '<thead><tr><th scope="col">{}</th><th scope="col" class="numeric">{}</th></tr></thead>'
        "<tbody>{}</tbody></table>",
        caption,
        headings[0],
        headings[1],
        body,
    )


RAG_BAR_FILLS = {"red": "#d4351c", "amber": "#ffbf47", "green": "#00703c", "not_started": "#b1b4b6"}


def rag_bar(counts, labels, *, title, width=240, height=20):
    """One horizontal bar split by RAG rating, as inline SVG: `counts` {rating: n} in the order to draw,
    `labels` {rating: word}. The bar is labelled by its numbers in words (its <title>), and pages print the
    same numbers beside it, so the colours are never the only way to read it. Segments keep a white gap
    between them, so neighbouring colours stay apart for anyone who cannot tell them apart."""
    total = sum(counts.values())
    words = ", ".join(f"{labels[rating]} {n}" for rating, n in counts.items())
    parts = [
        f'<svg class="rag-bar" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img"'
        f' xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}: {escape(words)}</title>'
    ]
    x = 0.0
    for rating, n in counts.items():
        if not n:
            continue
        w = width * n / total
        fill = RAG_BAR_FILLS.get(rating, "#505a5f")
        parts.append(f'<rect x="{x:.1f}" y="0" width="{max(w - 1, 0.5):.1f}" height="{height}" fill="{fill}"/>')
        x += w
    if not total:
        parts.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="none" stroke="#b1b4b6"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
