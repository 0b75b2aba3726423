"""The board pack's "scorecard exceptions" section: the indicators the scorecard flags, from its own selector."""

from performance import scorecard as sc
from performance.rules import Rating
from portal.board_pack import kind, paragraph, rag_cell, table

# The scorecard's ratings in the portal's one RAG vocabulary; an unrated indicator has nothing recorded yet.
RAG_OF = {Rating.RED: "red", Rating.AMBER: "amber", Rating.GREEN: "green", Rating.NOT_RATED: "not_started"}


@kind("scorecard_exceptions", "Scorecard exceptions", order=20)
def scorecard_exceptions(context):
    indicator_set = sc.current_set()
    if indicator_set is None:
        return [paragraph("No performance book has been set up yet.")]
    year = sc.default_year(indicator_set, context.today)
    card = sc.scorecard(indicator_set, year, context.today, exceptions_only=True)
    blocks = [
        paragraph(
            f"{indicator_set.title}, {year}: {len(card.exceptions)} of {len(card.rows)} indicators are exceptions."
        )
    ]
    if card.exceptions:
        rows = [
            [
                row.reference,
                row.indicator.name,
                row.latest.text if row.latest else "No figure yet",
                row.target_text,
                rag_cell(RAG_OF[row.rating], row.rating.label),
                row.narrative,
            ]
            for row in card.exceptions
        ]
        blocks.append(table("Exceptions", ["Ref", "Indicator", "Latest", "Target", "Rating", "Narrative"], rows))
    return blocks
