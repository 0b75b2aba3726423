"""The board pack's section kinds, contributed by each feature from its own `board_pack.py`.

A kind is registered with `@kind(key, title, order)` on a function `(context: PackContext) -> list[block]`
that returns what the section shows as plain, JSON-ready blocks. The board app stores those blocks when a
pack is issued (the freeze: later changes never alter an issued pack), and renders the same blocks to the
print document and to the workbook's sheet, so a feature describes its figures once and never writes HTML
or xlsx for the pack. A kind whose source needs choosing (which maturity round, which locality) offers
`options(today) -> [(value, label)]`; the chosen value arrives as `context.option`.

Blocks (dicts), the only shapes the renderers know:
  {"type": "paragraph", "text": str}
  {"type": "figures", "rows": [{"label", "text", "previous_text"}], "period": str, "previous_period": str}
  {"type": "table", "caption": str, "columns": [str], "rows": [[cell]]}
      a cell is a str or number, or {"text": str, "rag": "red"|"amber"|"green"|"not_started"} so a
      rating keeps its word beside its colour in print and in the sheet
  {"type": "heading", "text": str}
"""

from dataclasses import dataclass
from datetime import date

_kinds = {}


@dataclass(frozen=True)
class PackContext:
    today: date  # the day the pack is built (the issue date once issued)
    meeting_date: date
    option: str = ""  # the chosen source, for kinds with options
    locality: object = None  # a portal.models.Locality, for a locality partnership's own section


@dataclass(frozen=True)
class Kind:
    key: str
    title: str
    order: int
    build: object  # (PackContext) -> [block]
    options: object = None  # (today) -> [(value, label)], or None


def kind(key, title, order=100, options=None):
    def register(build):
        _kinds[key] = Kind(key, title, order, build, options)
        return build

    return register


def kinds():
    return sorted(_kinds.values(), key=lambda k: k.order)


def get_kind(key):
    return _kinds.get(key)


def paragraph(text):
    return {"type": "paragraph", "text": text}


def heading(text):
    return {"type": "heading", "text": text}


def table(caption, columns, rows):
    return {"type": "table", "caption": caption, "columns": list(columns), "rows": [list(r) for r in rows]}


def rag_cell(rag, text):
    return {"text": text, "rag": rag}
