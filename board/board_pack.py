"""The board's own pack sections: the partnership overview, the actions from the last meeting, and papers.

"overview" converts every portal.overview section generically (its figures, chart and exceptions), so a
feature that contributes to the overview page is in the pack without writing anything for it. A paper's
text is written in the portal and arrives as the section's option.
"""

from board.selectors import previous_meeting
from portal import board_pack as bp
from portal.overview import OverviewScope, sections_for


def overview_blocks(section):
    """One OverviewSection as pack blocks."""
    blocks = [bp.heading(section.title)]
    if section.figures:
        blocks.append(
            {
                "type": "figures",
                "period": section.period,
                "previous_period": section.previous_period,
                "rows": [{"label": f.label, "text": f.text, "previous_text": f.previous_text} for f in section.figures],
            }
        )
    if section.chart:
        rags = []
        for series in section.chart.get("series", []):
            rags += [r for r in series.get("counts", {}) if r not in rags]
        rows = [[s["label"]] + [s.get("counts", {}).get(r, 0) for r in rags] for s in section.chart.get("series", [])]
        columns = [section.chart.get("of", "")] + [str(r).replace("_", " ").capitalize() for r in rags]
        blocks.append(bp.table(section.chart.get("title", ""), columns, rows))
    if section.exceptions:
        blocks.append(
            bp.table("What the board should look at", ["Exception"], [[text] for text, _ in section.exceptions])
        )
    if section.note:
        blocks.append(bp.paragraph(section.note))
    return blocks


@bp.kind("overview", "Partnership overview", order=10)
def overview(context):
    sections = sections_for(OverviewScope(today=context.today, locality=context.locality))
    if not sections:
        return [bp.paragraph("No feature has contributed to the partnership overview yet.")]
    return [block for section in sections for block in overview_blocks(section)]


@bp.kind("last_actions", "Actions from the last meeting", order=5)
def last_actions(context):
    meeting = previous_meeting(context.meeting_date)
    if meeting is None:
        return [bp.paragraph("This is the board's first meeting in the portal.")]
    follow_ups = list(meeting.follow_ups.all())
    if not follow_ups:
        return [bp.paragraph(f"No decisions or actions were recorded at the meeting of {meeting.date:%-d %B %Y}.")]
    rows = [
        [
            f.get_kind_display(),
            f.text,
            f.owner,
            f"{f.due_date:%-d %B %Y}",
            "In the strategy action plan" if f.strategy_action_id else "Done" if f.done else "Open",
        ]
        for f in follow_ups
    ]
    return [bp.table(f"From the meeting of {meeting.date:%-d %B %Y}", ["", "What", "Owner", "Due", "Status"], rows)]


@bp.kind("paper", "Paper", order=90)
def paper(context):
    return [bp.paragraph(part.strip()) for part in context.option.split("\n\n") if part.strip()] or [
        bp.paragraph("(This paper has no text yet.)")
    ]
