"""Red / Amber / Green ratings, shared by every feature that rates progress.

RAG is always shown as a word as well as a colour (WCAG 1.4.1): use the `rag_tag` template tag.
Features define their own roll-up rules as pure functions over these values.
"""

from django.db import models


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    NOT_STARTED = "not_started", "Not started"


RAG_MEANINGS = {
    Rag.RED: "At risk of not achieving",
    Rag.AMBER: "On track, work started",
    Rag.GREEN: "Completed",
    Rag.NOT_STARTED: "Nothing recorded yet",
}

# Cell fills for spreadsheets (text colour, fill colour); contrast checked at 4.5:1 or more.
RAG_XLSX_COLOURS = {
    Rag.RED: ("#FFFFFF", "#B10E1E"),
    Rag.AMBER: ("#0B0C0C", "#FFBF47"),
    Rag.GREEN: ("#FFFFFF", "#00703C"),
    Rag.NOT_STARTED: ("#0B0C0C", "#DEE0E2"),
}
