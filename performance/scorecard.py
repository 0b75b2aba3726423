"""The board's scorecard: one read of an indicator set for a financial year, for the page, the print view,
the xlsx export and `export_scorecard` alike (so they can never show different figures).

For each indicator: its latest figure in the year, the year's target, the RAG, the direction of travel
against the previous period and the same period a year before, whether it is an exception, the trend
(this year and last), the owner and the narrative. Computed indicators (performance.computed) take their
figures from the portal's own records; a stored return still gives their narrative.

Who reads what is decided by the caller (portal.permissions.performance) and passed in as `closed_only`:
the board and the local authority read every submitted return; other partners and the public read only
closed periods, those whose returns were due before today. Drafts never reach the scorecard.

`scorecard` runs a fixed number of queries whatever the number of indicators, returns or periods: the
indicators with their owners, the returns (with locality values when a locality is chosen), the targets,
and the computed figures' sources (each read once per year asked for).
"""

from dataclasses import dataclass, field
from datetime import date

from performance import computed, periods, rules, selectors
from performance.formatting import NO_FIGURE, format_value
from performance.models import IndicatorSet, LocalityValue, Return, ReturnRevision, Target
from portal.periods import financial_year_label, financial_year_start, parse_financial_year

RATING_ORDER = [rules.Rating.RED, rules.Rating.AMBER, rules.Rating.GREEN, rules.Rating.NOT_RATED]
FINEST_FIRST = (periods.MONTHLY, periods.QUARTERLY, periods.YEARLY)


@dataclass(frozen=True)
class Point:
    """One period's figure for an indicator."""

    period: periods.Period
    value: object  # Decimal or None
    text: str
    narrative: str = ""
    data_quality_note: str = ""
    computed: bool = False
    record_id: int | None = None  # the stored return, when there is one


@dataclass
class Row:
    indicator: object
    owner: object  # IndicatorOwner or None
    points: list  # Points, oldest first: the year and the year before (the trend)
    latest: Point | None
    target: object  # Target or None
    target_text: str
    rating: rules.Rating
    vs_previous: rules.Direction
    vs_year_before: rules.Direction
    exception: bool
    cells: dict = field(default_factory=dict)  # {column period: Point} for the export's columns
    cell_ratings: dict = field(default_factory=dict)  # {column period: Rating}
    locality_note: str = ""

    @property
    def narrative(self):
        return self.latest.narrative if self.latest else ""

    @property
    def reference(self):
        return self.indicator.reference

    @property
    def chart_values(self):
        return [float(p.value) if p.value is not None else None for p in self.points]

    @property
    def target_value(self):
        return float(self.target.target) if self.target is not None else None


@dataclass
class Scorecard:
    indicator_set: object
    year: str
    today: date
    columns: list  # Periods of the set's most frequent reporting in the year, up to the current one
    rows: list  # every indicator's Row, exceptions first, then in the set's order
    themes: list  # (theme, [Row]) in the set's order of themes, after the filters
    closed_only: bool = False
    locality: object = None

    @property
    def exceptions(self):
        return [row for row in self.rows if row.exception]

    @property
    def shown(self):
        return [row for _, rows in self.themes for row in rows]

    def count(self, rating):
        return sum(1 for row in self.shown if row.rating == rating)

    @property
    def rating_counts(self):
        return [(rating, self.count(rating)) for rating in RATING_ORDER]


def current_set():
    return IndicatorSet.objects.filter(is_current=True).first()


def set_for(slug: str | None):
    """The current version of the set named `slug` (else its latest), or the current set; None if none."""
    if not slug:
        return current_set()
    versions = IndicatorSet.objects.filter(slug=slug)
    return versions.filter(is_current=True).first() or versions.order_by("-version").first()


def default_year(indicator_set, today: date, *, closed_only: bool = False) -> str:
    """The financial year of the set's latest figure the reader may see (in May the board still reads the
    year just ended, until the first quarter's returns come in); the current year when there are none."""
    returns = Return.objects.filter(indicator__indicator_set=indicator_set, status=Return.Status.SUBMITTED)
    returns = returns.filter(due_on__lt=today) if closed_only else returns.filter(period_end__lt=today)
    latest = returns.order_by("-period_start").values_list("period_start", flat=True).first()
    return periods.year_of(latest or today)


def is_visible(period, today: date, *, closed_only: bool, snapshot: bool = False) -> bool:
    """Which periods a reader sees: ended ones; only closed ones (the return's due date has passed) for
    `closed_only` readers; and, for a computed snapshot such as the offers' reviews, the period so far."""
    if closed_only:
        return period.due_on < today
    return period.end < today or (snapshot and period.start <= today)


def _point(indicator, period, record, figure):
    value = figure.value if figure else (record.value if record else None)
    numerator = figure.numerator if figure else (record.numerator if record else None)
    denominator = figure.denominator if figure else (record.denominator if record else None)
    return Point(
        period=period,
        value=value,
        text=format_value(indicator.unit, value, numerator, denominator),
        narrative=record.narrative if record else "",
        data_quality_note=record.data_quality_note if record else "",
        computed=figure is not None,
        record_id=getattr(record, "pk", None),
    )


@dataclass(frozen=True)
class Record:
    """A submitted return as the scorecard reads it: its figure and words, and its locality's figure when a
    locality was asked for."""

    pk: int
    indicator_id: int
    period_start: date
    value: object
    numerator: int | None
    denominator: int | None
    narrative: str
    data_quality_note: str
    local_value: object = None

    def for_locality(self):
        """The same return seen through the chosen locality: the locality's figure, the return's words."""
        return Record(
            self.pk,
            self.indicator_id,
            self.period_start,
            self.local_value,
            None,
            None,
            self.narrative,
            self.data_quality_note,
        )


RECORD_FIELDS = (
    "pk",
    "indicator_id",
    "period_start",
    "value",
    "numerator",
    "denominator",
    "narrative",
    "data_quality_note",
)


def submitted_records(indicators, *, since, until, locality=None) -> dict:
    """{indicator id: {period start: Record}} for the submitted returns of the window: one query, two with a
    locality. The rows `selectors.returns_for(submitted_only=True)` reads, as plain values: at 100
    indicators x 24 months, building model instances was half the scorecard's time."""
    returns = Return.objects.filter(
        indicator_id__in=[i.pk for i in indicators],
        status=Return.Status.SUBMITTED,
        period_start__gte=since,
        period_start__lte=until,
    )
    local = {}
    if locality is not None:
        local = dict(
            LocalityValue.objects.filter(locality=locality, return_record__in=returns.values("pk")).values_list(
                "return_record_id", "value"
            )
        )
    found = {}
    for row in returns.order_by().values_list(*RECORD_FIELDS):
        record = Record(*row, local_value=local.get(row[0]))
        found.setdefault(record.indicator_id, {})[record.period_start] = record
    return found


def scorecard(
    indicator_set,
    year: str,
    today: date,
    *,
    closed_only: bool = False,
    theme: str = "",
    rating: str = "",
    exceptions_only: bool = False,
    locality=None,
) -> Scorecard:
    """The scorecard of `indicator_set` for the financial year `year` ("2026-27"), as at `today`."""
    start_year = parse_financial_year(year)
    window_start, year_end = date(start_year - 1, 4, 1), date(start_year + 1, 3, 31)
    indicators = list(selectors.indicators_of(indicator_set)) if indicator_set else []
    returns = submitted_records(indicators, since=window_start, until=year_end, locality=locality)
    targets = selectors.targets_for(indicators, year) if indicators else {}

    # Every period of the window each indicator reports, as far as the reader may see.
    windows = {}
    for indicator in indicators:
        periods_seen = []
        for label_year in (start_year - 1, start_year):
            periods_seen += [
                p
                for p in periods.periods_in_year(indicator.frequency, label_year)
                if is_visible(p, today, closed_only=closed_only, snapshot=indicator.is_computed)
            ]
        windows[indicator.pk] = periods_seen
    figures = computed.figures(
        [(i.computed, p) for i in indicators if i.is_computed for p in windows[i.pk] if computed.is_known(i.computed)],
        today,
    )

    frequencies = {i.frequency for i in indicators}
    finest = next((f for f in FINEST_FIRST if f in frequencies), periods.QUARTERLY)
    columns = [
        p
        for p in periods.periods_in_year(finest, start_year)
        if is_visible(p, today, closed_only=closed_only, snapshot=True)
    ]

    rows = []
    for indicator in indicators:
        by_start = returns.get(indicator.pk, {})
        points = []
        for period in windows[indicator.pk]:
            record = by_start.get(period.start)
            figure = figures.get((indicator.computed, period)) if indicator.is_computed else None
            if record is not None and locality is not None and indicator.by_locality:
                record = record.for_locality()
            points.append(_point(indicator, period, record, figure))
        rows.append(_row(indicator, points, targets.get(indicator.pk), start_year, columns, locality))

    while columns and not any(columns[-1] in row.cells for row in rows):  # the period so far, if it has nothing
        columns.pop()
    rows.sort(key=lambda row: (not row.exception, row.indicator.order))
    shown = [
        row
        for row in rows
        if (not theme or row.indicator.theme == theme)
        and (not rating or row.rating == rating)
        and (not exceptions_only or row.exception)
    ]
    themes = []
    for indicator in indicators:  # themes in the order the set first names them
        if indicator.theme not in [t for t, _ in themes]:
            themes.append((indicator.theme, []))
    for row in sorted(shown, key=lambda row: row.indicator.order):
        next(rows_of for t, rows_of in themes if t == row.indicator.theme).append(row)
    return Scorecard(
        indicator_set=indicator_set,
        year=year,
        today=today,
        columns=columns,
        rows=rows,
        themes=[(t, rows_of) for t, rows_of in themes if rows_of],
        closed_only=closed_only,
        locality=locality,
    )


def _row(indicator, points, target, start_year, columns, locality):
    by_start = {p.period.start: p for p in points}
    in_year = [p for p in points if p.period.year == financial_year_label(start_year)]
    latest = next((p for p in reversed(in_year) if p.value is not None), None)
    tolerance = target.tolerance if target else None
    goal = target.target if target else None
    rating = rules.rag(latest.value if latest else None, goal, tolerance, indicator.polarity)

    def value_at(period):
        point = by_start.get(period.start) if period else None
        return point.value if point else None

    if latest:
        previous = latest.period.previous()
        before = latest.period.same_period_a_year_before()
        vs_previous = rules.direction(latest.value, value_at(previous), indicator.polarity)
        vs_year_before = rules.direction(latest.value, value_at(before), indicator.polarity)
        recent = [value_at(previous.previous()), value_at(previous), latest.value]
    else:
        vs_previous = vs_year_before = rules.direction(None, None, indicator.polarity)
        recent = []
    cells, cell_ratings = {}, {}
    for column in columns:
        # A coarser indicator sits in the column of the period its own period ends in.
        point = next((p for p in in_year if column.start <= p.period.end <= column.end and p.value is not None), None)
        if point is not None:
            cells[column] = point
            cell_ratings[column] = rules.rag(point.value, goal, tolerance, indicator.polarity)
    return Row(
        indicator=indicator,
        owner=getattr(indicator, "owner", None) if _has_owner(indicator) else None,
        points=points,
        latest=latest,
        target=target,
        target_text=format_value(indicator.unit, goal) if target else "No target",
        rating=rating,
        vs_previous=vs_previous,
        vs_year_before=vs_year_before,
        exception=rules.is_exception(rating, recent, indicator.polarity),
        cells=cells,
        cell_ratings=cell_ratings,
        locality_note=(
            "" if locality is None or (indicator.by_locality and not indicator.is_computed) else "City-wide figure only"
        ),
    )


def _has_owner(indicator):
    try:
        return indicator.owner is not None
    except indicator.__class__.owner.RelatedObjectDoesNotExist:
        return False


def latest_text(row) -> str:
    return row.latest.text if row.latest else NO_FIGURE


@dataclass(frozen=True)
class HistoryRow:
    point: Point
    target_text: str
    rating: rules.Rating
    vs_previous: rules.Direction


@dataclass
class History:
    indicator: object
    points: list  # every period from the first with a figure (or last year) to the latest seen, oldest first
    rows: list  # HistoryRow per point, newest first, for the table
    target_value: float | None  # the latest year's target, for the chart's scale


def history(indicator, today: date, *, closed_only: bool = False) -> History:
    """An indicator's whole history, each period rated against its own year's target: three queries (plus
    the computed figures' sources for a computed indicator)."""
    records = {r.period_start: r for r in selectors.returns_for([indicator], submitted_only=True).get(indicator.pk, [])}
    targets = {t.year: t for t in Target.objects.filter(indicator=indicator)}
    last = periods.period_containing(indicator.frequency, today)
    first_start = min([*records, date(financial_year_start(today) - 1, 4, 1)])
    period, found = periods.period_containing(indicator.frequency, first_start), []
    while period <= last:
        if is_visible(period, today, closed_only=closed_only, snapshot=indicator.is_computed):
            found.append(period)
        period = period.next()
    figures = (
        computed.figures([(indicator.computed, p) for p in found], today)
        if indicator.is_computed and computed.is_known(indicator.computed)
        else {}
    )
    points = [_point(indicator, p, records.get(p.start), figures.get((indicator.computed, p))) for p in found]
    while points and points[-1].value is None and points[-1].record_id is None:  # nothing yet for the latest
        points.pop()
    by_start = {p.period.start: p for p in points}
    rows = []
    for point in reversed(points):
        target = targets.get(point.period.year)
        previous = by_start.get(point.period.previous().start)
        rows.append(
            HistoryRow(
                point=point,
                target_text=format_value(indicator.unit, target.target) if target else "No target",
                rating=rules.rag(
                    point.value,
                    target.target if target else None,
                    target.tolerance if target else None,
                    indicator.polarity,
                ),
                vs_previous=rules.direction(point.value, previous.value if previous else None, indicator.polarity),
            )
        )
    latest_target = targets.get(points[-1].period.year) if points else None
    return History(indicator, points, rows, float(latest_target.target) if latest_target else None)


def revisions_of(return_ids) -> list:
    """Every submission and correction of these returns, in order, with who made it: one query."""
    return list(
        ReturnRevision.objects.filter(return_record_id__in=list(return_ids))
        .select_related("changed_by")
        .order_by("return_record_id", "number")
    )
