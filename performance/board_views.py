"""The board's pages of the performance book: the scorecard (page, print view, xlsx) and an indicator's
own page. Each reads through performance.scorecard, so the four never disagree; who reads what comes from
portal.permissions.performance."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from performance import board_forms, selectors
from performance import scorecard as board
from performance.formatting import format_value
from performance.models import Indicator
from performance.scorecard_export import scorecard_filename, scorecard_workbook
from portal import permissions
from portal.charts import Series, line_chart
from portal.permissions import performance as can
from portal.xlsx import xlsx_response


def _readable_sets(user):
    sets = board_forms.sets_readable()
    if can.can_view_scorecard(user):
        return sets
    return [s for s in sets if s.is_public]


def _refuse(request):
    """Anyone signed out is asked to sign in (a set may simply not be public); anyone else is refused."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    permissions.require(False, "The scorecard is for the partnership's members and board.")


def _scorecard(request):
    """(form, Scorecard) from the query string, or an HttpResponse when the reader may not see it."""
    today = timezone.localdate()
    sets = _readable_sets(request.user)
    slug = request.GET.get("set") or ""
    chosen = next((s for s in sets if s.slug == slug), None) or next((s for s in sets if s.is_current), None)
    chosen = chosen or (sets[0] if sets else None)
    if chosen is None or not can.can_view_scorecard(request.user, set_is_public=chosen.is_public):
        return None, _refuse(request)
    form = board_forms.ScorecardFilterForm(request.GET or None, indicator_set=chosen, sets=sets, today=today)
    closed_only = can.scorecard_closed_periods_only(request.user)
    year = form.value("year") or board.default_year(chosen, today, closed_only=closed_only)
    form.fields["year"].initial, form.fields["set"].initial = year, chosen.slug  # what an unfiltered page shows
    card = board.scorecard(
        chosen,
        year,
        today,
        closed_only=closed_only,
        theme=form.value("theme", ""),
        rating=form.value("rag", ""),
        exceptions_only=bool(form.value("exceptions", False)),
        locality=form.value("locality"),
    )
    return form, card


def _context(request, form, card):
    return {
        "form": form,
        "card": card,
        "query": request.GET.urlencode(),
        "filtered": any(request.GET.get(name) for name in ("theme", "rag", "exceptions", "locality")),
        "can_manage": can.can_manage_performance(request.user),
    }


def scorecard(request):
    form, card = _scorecard(request)
    if form is None:
        return card
    return render(request, "performance/scorecard.html", _context(request, form, card))


def scorecard_print(request):
    form, card = _scorecard(request)
    if form is None:
        return card
    return render(request, "performance/scorecard_print.html", _context(request, form, card))


def scorecard_xlsx(request):
    form, card = _scorecard(request)
    if form is None:
        return card
    return xlsx_response(scorecard_workbook(card), scorecard_filename(card))


def indicator_detail(request, pk):
    """An indicator's whole history (chart and table), every narrative, and every revision of its returns."""
    today = timezone.localdate()
    indicator = get_object_or_404(Indicator.objects.select_related("indicator_set", "parent"), pk=pk)
    if not can.can_view_scorecard(request.user, set_is_public=indicator.indicator_set.is_public):
        return _refuse(request)
    closed_only = can.scorecard_closed_periods_only(request.user)
    history = board.history(indicator, today, closed_only=closed_only)
    revisions = {}
    if can.can_use_performance(request.user):  # who corrected what is for the partnership, not the public
        for revision in board.revisions_of([p.record_id for p in history.points if p.record_id]):
            revisions.setdefault(revision.return_record_id, []).append(
                {
                    "number": revision.number,
                    "changed_at": revision.changed_at,
                    "who": revision.changed_by.get_full_name() or revision.changed_by.email,
                    "text": format_value(indicator.unit, revision.value, revision.numerator, revision.denominator),
                    "reason": revision.reason,
                }
            )
    values = [float(p.value) if p.value is not None else None for p in history.points]
    known = [v for v in values if v is not None] + ([history.target_value] if history.target_value else [])
    chart = None
    if known:
        top = max(known)
        y_max = 100 if indicator.unit == "percentage" else max(1, int(top * 1.2) + 1)
        chart = line_chart(
            [p.period.short_label for p in history.points],
            [Series(indicator.name, values)],
            title=f"{indicator.reference} {indicator.name}: every period",
            description="The same figures are in the table below.",
            y_max=y_max,
            y_suffix="%" if indicator.unit == "percentage" else "",
            width=max(640, 40 * len(history.points)),
            chart_id="history",
        )
    return render(
        request,
        "performance/indicator.html",
        {
            "indicator": indicator,
            "history": history,
            "chart": chart,
            "entries": [(row, revisions.get(row.point.record_id, [])) for row in history.rows],
            "owner": selectors.owners_of([indicator]).get(indicator.pk),
            "closed_only": closed_only,
        },
    )
