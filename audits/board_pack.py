"""The board pack's "commitments summary": the schools commitments audits' city-wide figures and the RAG
spread per commitment, from the city view's own selector (so the pack and the page never disagree)."""

from collections import Counter

from audits import selectors
from portal.board_pack import kind, paragraph, table
from portal.periods import academic_year
from portal.rag import Rag

RAG_ORDER = [Rag.GREEN, Rag.AMBER, Rag.RED, Rag.NOT_STARTED]


@kind("commitments_summary", "Schools commitments summary", order=40)
def commitments_summary(context):
    year = academic_year(context.today)
    view = selectors.city_view(None, year, context.today)
    figures = {
        "type": "figures",
        "period": year,
        "previous_period": "",
        "rows": [
            {"label": "Schools", "text": str(view.population), "previous_text": ""},
            {"label": "Schools that have started an audit", "text": str(view.engaged), "previous_text": ""},
            {"label": "Schools that have submitted", "text": str(view.submitted), "previous_text": ""},
            {"label": "Schools green on every commitment", "text": str(view.all_green), "previous_text": ""},
            {"label": "Schools with overdue actions", "text": str(view.with_overdue), "previous_text": ""},
        ],
    }
    spread = []
    for index, commitment in enumerate(view.commitments):
        counts = Counter(row.rags[index] for row in view.rows if row.rags)
        spread.append([f"{commitment.number}. {commitment.short_title}"] + [counts.get(r, 0) for r in RAG_ORDER])
    blocks = [figures]
    if spread:
        blocks.append(
            table("RAG spread per commitment (schools)", ["Commitment"] + [r.label for r in RAG_ORDER], spread)
        )
    else:
        blocks.append(paragraph("No commitments framework has been set up yet."))
    return blocks
