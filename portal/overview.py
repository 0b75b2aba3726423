"""The partnership overview: every feature's headline figures, contributed from its own `overview.py`.

A provider is a function `(scope: OverviewScope) -> OverviewSection | None`, registered with
`@section(order)`; `PortalConfig.ready()` discovers every app's `overview.py`, so the core names no feature.
The board's overview page, a locality partnership's quarterly report and the board pack's "overview" section
all read these sections, filtered to a locality where the scope names one.

One number, one source: a figure's `value` must come from the selector that the feature's own page and its
export use, so the three can never disagree (each feature has a test that says they agree). Providers run
a fixed number of queries whatever the number of organisations, audits or returns.
"""

from dataclasses import asdict, dataclass, field
from datetime import date

from portal.memo import one_read

_providers = []


@dataclass(frozen=True)
class OverviewScope:
    today: date
    locality: object = None  # a portal.models.Locality, or None for the whole partnership
    user: object = None  # who is reading (providers may narrow links, never figures)


@dataclass
class Figure:
    label: str  # says what is counted, in words that no other figure uses for a different count
    value: object  # int, Decimal or None (not yet known); never a pre-formatted string
    text: str = ""  # how the value is shown ("79% (42 of 53)"); str(value) when empty
    previous: object = None  # the same figure for the previous period, when it has one
    previous_text: str = ""
    url: str = ""  # the feature page where the number is explained
    rag: str = ""  # a portal.rag.Rag value when the figure carries a rating

    def __post_init__(self):
        if not self.text:
            self.text = "Not yet known" if self.value is None else f"{self.value}"
        if self.previous is not None and not self.previous_text:
            self.previous_text = f"{self.previous}"


@dataclass
class OverviewSection:
    key: str  # stable: "offers", "pledges"... (tests and the board pack address sections by it)
    title: str
    url: str  # the feature's own page for this picture
    period: str = ""  # "Autumn term 2026", "Q2 2026-27"
    previous_period: str = ""
    figures: list = field(default_factory=list)  # [Figure]
    # {"title", "of": what each row is ("Commitment"), "series": [{"label", "counts": {rag: n}}]}: drawn with
    # its numbers
    chart: dict | None = None
    exceptions: list = field(default_factory=list)  # [(text, url)]: what the board should look at
    trend: list = field(default_factory=list)  # [(series name, [(period label, figure as text)])], oldest first
    note: str = ""  # e.g. why a section has nothing to show yet

    def figure(self, label):
        return next(f for f in self.figures if f.label == label)

    def as_dict(self):
        """JSON-ready, for a board pack's frozen snapshot."""
        data = asdict(self)
        for item in data["figures"]:
            for key in ("value", "previous"):
                if item[key] is not None and not isinstance(item[key], int | float | str):
                    item[key] = str(item[key])
        return data


def whole_percent(part, whole):
    """The whole-number percentage, rounded as the `percent` template filter rounds; None of nothing."""
    return round(100 * part / whole) if whole else None


def share_text(part, whole) -> str:
    """'79% (42 of 53)', the portal's one way of writing a share; 'None yet (0 of 0)' of nothing."""
    percent = whole_percent(part, whole)
    return f"None yet ({part} of {whole})" if percent is None else f"{percent}% ({part} of {whole})"


def share_figure(label, part, whole, *, previous=None, url="", rag=""):
    """A Figure for a share: the value is the whole percentage; `previous` is a (part, whole) pair or None."""
    figure = Figure(label, whole_percent(part, whole), share_text(part, whole), url=url, rag=rag)
    if previous is not None:
        figure.previous = whole_percent(*previous)
        figure.previous_text = share_text(*previous)
    return figure


def section(order=100):
    def register(provider):
        if all(existing is not provider for _, existing in _providers):
            _providers.append((order, provider))
            _providers.sort(key=lambda pair: pair[0])
        return provider

    return register


def sections_for(scope):
    # Providers ask shared selectors the same questions (the same year's case-file report, say): one read.
    with one_read():
        return [s for _, provider in _providers if (s := provider(scope)) is not None]
