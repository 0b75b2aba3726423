"""Reads for the maturity pages, exports and dashboard: a fixed handful of queries whatever the number
of rounds, strands or contributors (aggregates and prefetches, never a query per row)."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

from portal.charts import Series, line_chart
from portal.permissions import maturity as can

from . import rules
from .models import ActionItem, ContributorRating, Framework, Round, StrandRating


def rounds_for(user):
    """The rounds the person may read, oldest first, with what their pages need."""
    return can.visible_rounds(user, Round.objects.with_framework()).annotate(
        contributor_count=Count("contributions__contributor", distinct=True),
        rated_count=Count("ratings", filter=~Q(ratings__rating=rules.UNRATED), distinct=True),
    )


def open_rounds_for(user):
    """Drafts open to contributors, with whether this person has given any views yet."""
    mine = ContributorRating.objects.filter(round=OuterRef("pk"), contributor=user)
    return can.contributable_rounds(user, Round.objects.select_related("framework")).annotate(responded=Exists(mine))


def latest_frameworks():
    """The newest version of each framework: the ones a new round may use."""
    newest = {}
    for framework in Framework.objects.order_by("slug", "-version"):
        newest.setdefault(framework.slug, framework)
    return sorted(newest.values(), key=lambda f: f.title)


def previous_round(round_, user):
    """The round this one is compared with: the one it was started from, else the latest earlier round
    of the same framework that the person may read."""
    earlier = can.visible_rounds(user, Round.objects.with_framework()).filter(framework__slug=round_.framework.slug)
    if round_.started_from_id:
        started_from = earlier.filter(pk=round_.started_from_id).first()
        if started_from is not None:
            return started_from
    return earlier.filter(period_end__lt=round_.period_end).exclude(pk=round_.pk).order_by("-period_end").first()


@dataclass
class StrandView:
    """One strand of a round as its page shows it."""

    rating: StrandRating
    label: str
    previous_label: str | None = None
    movement: rules.Movement | None = None
    distribution: list = field(default_factory=list)  # [(label, count)]
    contributor_total: int = 0
    comments: list = field(default_factory=list)

    @property
    def strand(self):
        return self.rating.strand


def distributions(round_):
    """{strand id: {rating code: number of contributors}} in one aggregate query."""
    result = {}
    rows = (
        ContributorRating.objects.filter(round=round_)
        .exclude(rating=rules.UNRATED)
        .values("strand_id", "rating")
        .annotate(n=Count("id"))
        .order_by("strand_id", "rating")
    )
    for row in rows:
        result.setdefault(row["strand_id"], {})[row["rating"]] = row["n"]
    return result


def strand_views(round_, user, previous=None):
    """The round's strands with their agreed rating, the previous round's rating and the movement, the
    distribution of contributors' ratings and, where the person may read them, contributors' comments."""
    level_names = round_.framework.level_names
    ratings = list(round_.ratings.select_related("strand", "updated_by"))
    earlier = {}
    comparable = previous is not None and previous.framework.level_names == level_names
    if previous is not None:
        earlier = dict(previous.ratings.values_list("strand__key", "rating"))
    counts = distributions(round_)
    comments = {}
    if can.can_read_contributor_comments(user, round_):
        for view in round_.contributions.select_related("contributor").exclude(comment=""):
            comments.setdefault(view.strand_id, []).append(view)
    views = []
    for rating in ratings:
        spread = counts.get(rating.strand_id, {})
        view = StrandView(
            rating=rating,
            label=rules.rating_label(rating.rating, level_names),
            distribution=[(rules.rating_label(code, level_names), n) for code, n in spread.items()],
            contributor_total=sum(spread.values()),
            comments=comments.get(rating.strand_id, []),
        )
        if previous is not None and rating.strand.key in earlier:
            before = earlier[rating.strand.key]
            view.previous_label = previous.framework.rating_label(before)
            view.movement = (
                rules.movement(before, rating.rating, in_progress=round_.is_draft)
                if comparable
                else rules.Movement("not_comparable")
            )
        views.append(view)
    return views


@dataclass
class Cell:
    code: int | None  # None: the strand is not in the framework version this round used
    label: str
    movement: rules.Movement | None = None  # against the previous round in the comparison


@dataclass
class Row:
    key: str
    name: str
    short_name: str
    scope_items: list
    cells: list

    @property
    def columns(self):
        """(is_movement, value) in table order: rating, then movement and rating for each later round."""
        result = []
        for index, cell in enumerate(self.cells):
            if index:
                result.append((True, cell.movement))
            result.append((False, cell))
        return result


@dataclass
class Comparison:
    """Rounds side by side, one row per strand, like table 13 of Leicester's evaluation."""

    rounds: list
    rows: list
    level_names: list

    @property
    def column_headings(self):
        """(heading, is_movement) matching Row.columns; unsigned rounds say their status."""
        result = []
        for index, round_ in enumerate(self.rounds):
            if index:
                result.append((f"Movement {self.rounds[index - 1].heading} to {round_.heading}", True))
            suffix = "" if round_.is_signed_off else f" ({round_.get_status_display().lower()})"
            result.append((f"{round_.heading}{suffix}", False))
        return result


NOT_IN_VERSION = "Not in this version"


def compare(rounds) -> Comparison:
    """Compare rounds (oldest first) of one framework, across its versions, by strand key.

    Rows follow the newest round's framework; strands dropped from it follow at the end. Movement is
    shown only between rounds whose frameworks use the same levels.
    """
    rounds = sorted(rounds, key=lambda r: (r.period_end, r.pk))
    if not rounds:
        return Comparison([], [], [])
    codes = {}
    for round_id, key, code in StrandRating.objects.filter(round__in=rounds).values_list(
        "round_id", "strand__key", "rating"
    ):
        codes[(round_id, key)] = code
    strands = {}
    for round_ in reversed(rounds):
        for strand in round_.framework.strands.all():
            strands.setdefault(strand.key, strand)
    rows = []
    for key, strand in strands.items():
        cells = []
        for index, round_ in enumerate(rounds):
            code = codes.get((round_.pk, key))
            label = NOT_IN_VERSION if code is None else round_.framework.rating_label(code)
            cell = Cell(code, label)
            if index:
                before_round, before = rounds[index - 1], cells[-1].code
                same_scale = before_round.framework.level_names == round_.framework.level_names
                if code is None or before is None or not same_scale:
                    cell.movement = rules.Movement("not_comparable")
                else:
                    cell.movement = rules.movement(before, code, in_progress=round_.is_draft)
            cells.append(cell)
        rows.append(Row(key, strand.name, strand.short_name, strand.scope_items, cells))
    return Comparison(rounds, rows, rounds[-1].framework.level_names)


def current_framework_slug(rounds):
    """The framework in use: the one the most recent of these rounds was rated against (None if none)."""
    return rounds.order_by("-period_end", "-pk").values_list("framework__slug", flat=True).first()


def rounds_to_compare(rounds, framework_slug=None, round_ids=None):
    """From a queryset of rounds: those chosen, else every round of the given framework (all its
    versions), else of the framework in use. Oldest first."""
    rounds = rounds.select_related("framework", "signed_off_by").prefetch_related(
        "framework__levels", "framework__strands", "contributor_groups"
    )
    framework_slug = framework_slug or current_framework_slug(rounds)
    if framework_slug is None:
        return []
    rounds = rounds.filter(framework__slug=framework_slug)
    if round_ids:
        rounds = rounds.filter(pk__in=round_ids)
    return list(rounds.order_by("period_end", "pk"))


def comparison_rounds(user, framework_slug=None, round_ids=None):
    """The rounds the person may compare (see rounds_to_compare)."""
    return rounds_to_compare(can.visible_rounds(user, Round.objects.all()), framework_slug, round_ids)


def frameworks_in_use(user):
    """(slug, name) of frameworks that have rounds the person may read, for choosing what to compare."""
    rows = (
        can.visible_rounds(user, Round.objects.all())
        .values_list("framework__slug", "framework__title")
        .order_by("framework__slug", "-framework__version")
    )
    names = {}
    for slug, name in rows:
        names.setdefault(slug, name)
    return sorted(names.items(), key=lambda pair: pair[1])


def rating_charts(comparison):
    """One small line chart per strand (ratings over time), y axis labelled with the level names.

    A chart per strand keeps strands with the same ratings from hiding one another's lines; the
    comparison table beside the charts carries the same figures.
    """
    levels = comparison.level_names
    y_labels = {position: name for position, name in enumerate(levels, start=1)}
    categories = [r.heading for r in comparison.rounds]
    charts = []
    for index, row in enumerate(comparison.rows):
        values = [None if cell.code is None else rules.ordinal(cell.code) for cell in row.cells]
        description = "; ".join(f"{round_.heading}: {cell.label}" for round_, cell in zip(comparison.rounds, row.cells))
        svg = line_chart(
            categories,
            [Series(row.short_name, values)],
            title=f"{row.name}: rating in each round",
            description=description,
            y_max=len(levels),
            y_labels=y_labels,
            width=480,
            height=260,
            chart_id=f"strand-chart-{index}",
        )
        charts.append((row, svg))
    return charts


def dashboard_rounds(statuses):
    """Rounds in the given statuses with contributor counts, newest first (one query)."""
    return (
        Round.objects.filter(status__in=statuses)
        .annotate(contributor_count=Count("contributions__contributor", distinct=True))
        .order_by("-period_end", "-pk")
    )


def latest_signed_off_rounds(user, count=2):
    """The latest `count` signed-off rounds of the framework most recently signed off, oldest first: the
    board's overview compares the latest round with the one before (the comparison page shows the same
    pair with ?round=...&round=...)."""
    signed_off = can.visible_rounds(user, Round.objects.all()).filter(status=rules.Status.SIGNED_OFF)
    return rounds_to_compare(signed_off)[-count:]


def recommendations_for(user):
    """The recommendations (with their agreed actions) of the rounds the person may read, newest round
    first: what another feature (the strategy action plan) may link an action to, or make one from."""
    rounds = can.visible_rounds(user, Round.objects.all())
    return (
        ActionItem.objects.filter(round__in=rounds)
        .select_related("round", "strand")
        .order_by("-round__period_end", "-round__pk", "number")
    )
