"""Pages for EHA principle case-file audits. Every read and write asks portal.permissions.caseaudits.

Case-level pages fetch through `visible_audits` / `visible_actions`, so another organisation's audit is a
404 and the board (aggregates only) never reaches one.
"""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from caseaudits import selectors, services
from caseaudits.exports import write_quarterly_report
from caseaudits.forms import (
    ActionForm,
    ActionProgressForm,
    AuditFilterForm,
    AuditForm,
    ModerationForm,
    ReportForm,
)
from caseaudits.imports import import_columns, run_import_job, template_workbook
from caseaudits.models import AuditAction, CaseAudit, Framework
from caseaudits.rules import (
    ACTION_STATE_COLOURS,
    Share,
    action_state,
    final_judgement,
    previous_quarter,
    sample_size,
)
from portal.charts import Series, line_chart
from portal.concurrency import save_unless_stale
from portal.exports import export_response
from portal.forms import ImportForm
from portal.jobs import start_job
from portal.models import Organisation
from portal.periods import FinancialQuarter, financial_year_label, parse_financial_year
from portal.permissions import caseaudits as can
from portal.permissions import require, visible_organisations
from portal.tabular import template_csv
from portal.xlsx import ReportWorkbook, xlsx_response

PAGE_SIZE = 50


def _audit(request, pk):
    queryset = CaseAudit.objects.select_related("framework", "lead_agency", "locality", "auditor", "moderation")
    return get_object_or_404(can.visible_audits(request.user, queryset), pk=pk)


def _action(request, pk):
    queryset = AuditAction.objects.select_related("audit", "audit__lead_agency", "audit__moderation")
    return get_object_or_404(can.visible_actions(request.user, queryset), pk=pk)


def _with_states(actions, today):
    for action in actions:
        action.state = action_state(action.due_date, action.completed_on, today)
        action.state_colour = ACTION_STATE_COLOURS[action.state]
    return actions


# Audits


@login_required
def audit_list(request):
    require(can.can_list_audits(request.user))
    visible = can.visible_audits(request.user, CaseAudit.objects.all())
    agencies = visible_organisations(request.user).filter(status=Organisation.Status.ACTIVE)
    form = AuditFilterForm(request.GET or None, years=selectors.audit_years(), agencies=agencies)
    if form.is_valid():
        visible = selectors.filter_audits(visible, form.cleaned_data)
    page = Paginator(selectors.audits_for_list(visible), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "caseaudits/audit_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_record": can.can_record_audits(request.user),
            "can_read_reports": can.can_read_reports(request.user),
        },
    )


@login_required
def audit_detail(request, pk):
    audit = _audit(request, pk)
    moderation = getattr(audit, "moderation", None)
    return render(
        request,
        "caseaudits/audit_detail.html",
        {
            "audit": audit,
            "findings": audit.findings.select_related("principle"),
            "actions": _with_states(list(audit.actions.all()), timezone.localdate()),
            "moderation": moderation,
            "final_judgement": final_judgement(audit.overall_judgement, moderation and moderation.judgement),
            "can_change": can.can_change_audit(request.user, audit),
            "can_moderate": can.can_moderate(request.user, audit),
            "can_add_action": can.can_record_audits(request.user),
            "is_own_audit": can.can_record_audits(request.user) and audit.auditor_id == request.user.pk,
        },
    )


def _audit_form_page(request, form, audit=None):
    return render(request, "caseaudits/audit_form.html", {"form": form, "audit": audit})


@login_required
def audit_create(request):
    require(can.can_record_audits(request.user))
    framework = services.current_framework()
    if framework is None:
        messages.error(request, "There is no current principle set: an administrator must load one first.")
        return redirect("caseaudits:list")
    form = AuditForm(
        request.POST or None,
        framework=framework,
        principles=list(framework.principles.all()),
        initial={"auditor": request.user, "audit_date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        audit = services.save_audit(form, recorded_by=request.user)
        messages.success(
            request, f"Audit of case {audit.case_reference} saved. Add any actions for the lead practitioner."
        )
        return redirect("caseaudits:detail", pk=audit.pk)
    return _audit_form_page(request, form)


@login_required
def audit_edit(request, pk):
    audit = _audit(request, pk)
    require(can.can_record_audits(request.user))
    if not can.can_change_audit(request.user, audit):
        messages.error(request, "This audit has been moderated, so it can no longer be changed.")
        return redirect("caseaudits:detail", pk=audit.pk)
    form = AuditForm(
        request.POST or None,
        instance=audit,
        framework=audit.framework,
        principles=list(audit.framework.principles.all()),
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = save_unless_stale(form, lambda: services.save_audit(form))
        except services.AuditLocked:
            messages.error(request, "This audit was moderated while you were editing it; your changes were not saved.")
            return redirect("caseaudits:detail", pk=audit.pk)
        if saved:
            messages.success(request, "Audit saved.")
            return redirect("caseaudits:detail", pk=audit.pk)
    return _audit_form_page(request, form, audit)


@login_required
def audit_delete(request, pk):
    audit = _audit(request, pk)
    require(can.can_record_audits(request.user))
    if not can.can_change_audit(request.user, audit):
        messages.error(request, "This audit has been moderated, so it cannot be deleted.")
        return redirect("caseaudits:detail", pk=audit.pk)
    if request.method == "POST":
        reference = audit.case_reference
        try:
            services.delete_audit(audit)
        except services.AuditLocked:
            messages.error(request, "This audit was moderated in the meantime, so it has not been deleted.")
            return redirect("caseaudits:detail", pk=audit.pk)
        messages.success(request, f"The audit of case {reference} has been deleted.")
        return redirect("caseaudits:list")
    return render(request, "caseaudits/audit_delete.html", {"audit": audit})


# Moderation


@login_required
def audit_moderate(request, pk):
    audit = _audit(request, pk)
    require(can.can_record_audits(request.user))
    if not can.can_moderate(request.user, audit):
        reason = (
            "This audit has already been moderated."
            if can.is_moderated(audit)
            else "You audited this case, so another officer must moderate it."
        )
        messages.error(request, reason)
        return redirect("caseaudits:detail", pk=audit.pk)
    form = ModerationForm(request.POST or None, audit=audit)
    if request.method == "POST" and form.is_valid():
        try:
            # a stale page: the message is shown above what they chose, which is kept
            saved = save_unless_stale(
                form, lambda: services.moderate(audit, moderator=request.user, **form.cleaned_data)
            )
        except services.ModerationRefused as refused:
            messages.error(request, str(refused))
            return redirect("caseaudits:detail", pk=audit.pk)
        if saved:
            messages.success(request, f"Moderation of case {audit.case_reference} recorded.")
            return redirect("caseaudits:detail", pk=audit.pk)
    return render(
        request,
        "caseaudits/audit_moderate.html",
        {"audit": audit, "form": form, "findings": audit.findings.select_related("principle")},
    )


def _chosen_quarter(request):
    """The quarter in ?year=2026-27&quarter=2, or the current one."""
    try:
        quarter = FinancialQuarter(parse_financial_year(request.GET["year"]), int(request.GET["quarter"]))
        return quarter if 1 <= quarter.quarter <= 4 else selectors.current_quarter()
    except (KeyError, ValueError):
        return selectors.current_quarter()


@login_required
def moderation(request):
    require(can.can_record_audits(request.user))
    quarter = _chosen_quarter(request)
    counts = selectors.quarter_sample_counts(quarter.start_year, quarter.quarter)
    percent = services.moderation_sample_percent()
    sample = Paginator(selectors.moderation_queue(quarter.start_year, quarter.quarter), PAGE_SIZE)
    return render(
        request,
        "caseaudits/moderation.html",
        {
            "quarter": quarter,
            "previous": previous_quarter(quarter),
            "next": quarter.next(),
            "counts": counts,
            "agreement": Share(counts["agreed"], counts["moderated"]),
            "percent": percent,
            "target": sample_size(counts["audits"], percent),
            "page": sample.get_page(request.GET.get("page")),
            "page_query": f"year={quarter.year_label}&quarter={quarter.quarter}",
        },
    )


@login_required
@require_POST
def draw_sample(request):
    require(can.can_record_audits(request.user))
    quarter = _chosen_quarter(request)
    added = services.draw_moderation_sample(quarter.start_year, quarter.quarter)
    if added:
        messages.success(request, f"{added} audit{'s' if added != 1 else ''} added to the {quarter.label} sample.")
    else:
        messages.info(request, f"The {quarter.label} sample is already at its target size.")
    return redirect(f"{reverse('caseaudits:moderation')}?year={quarter.year_label}&quarter={quarter.quarter}")


# Actions


@login_required
def action_list(request):
    require(can.can_list_audits(request.user))
    today = timezone.localdate()
    actions = can.visible_actions(request.user, AuditAction.objects.all())
    counts = selectors.action_counts(actions, today)
    state = request.GET.get("state") if request.GET.get("state") in selectors.ACTION_STATES else "open"
    page = Paginator(selectors.actions_for_list(selectors.actions_in_state(actions, state, today)), PAGE_SIZE)
    page = page.get_page(request.GET.get("page"))
    _with_states(page.object_list, today)
    return render(
        request,
        "caseaudits/action_list.html",
        {
            "page": page,
            "state": state,
            "state_label": selectors.ACTION_STATES[state].lower(),
            "states": [(key, label, counts.get(key)) for key, label in selectors.ACTION_STATES.items()],
        },
    )


@login_required
def action_create(request, pk):
    audit = _audit(request, pk)
    require(can.can_record_audits(request.user))
    form = ActionForm(request.POST or None, audit=audit)
    if request.method == "POST" and form.is_valid():
        services.save_action(form, audit=audit)
        messages.success(request, "Action added.")
        return redirect("caseaudits:detail", pk=audit.pk)
    return render(request, "caseaudits/action_form.html", {"form": form, "audit": audit, "heading": "Add an action"})


@login_required
def action_edit(request, pk):
    action = _action(request, pk)
    require(can.can_change_action(request.user, action))
    form = ActionForm(request.POST or None, instance=action, audit=action.audit)
    return _save_action_form(request, form, action, "Change the action", "Action saved.", show_action=False)


@login_required
def action_progress(request, pk):
    action = _action(request, pk)
    require(can.can_record_progress(request.user, action))
    form = ActionProgressForm(request.POST or None, instance=action)
    return _save_action_form(request, form, action, "Record progress", "Progress saved.", show_action=True)


def _save_action_form(request, form, action, heading, success, *, show_action):
    if request.method == "POST" and form.is_valid() and save_unless_stale(form):
        messages.success(request, success)
        return redirect("caseaudits:detail", pk=action.audit_id)
    return render(
        request,
        "caseaudits/action_form.html",
        {"form": form, "audit": action.audit, "action": action if show_action else None, "heading": heading},
    )


# Reports


def _trend_description(report):
    """The chart's figures in words, for screen readers (the table beside it has them all)."""
    sentences = []
    for series in report.trend:
        figures = [
            f"{share.percent}% in {quarter.label}"
            for share, quarter in zip(series.shares, report.trend_quarters)
            if share.total
        ]
        sentences.append(f"{series.name}: {', '.join(figures) or 'no figures'}.")
    return " ".join(sentences)


def _report_chart(report):
    return line_chart(
        [quarter.label for quarter in report.trend_quarters],
        [Series(series.name, [share.percent for share in series.shares]) for series in report.trend],
        title=f"Trend across quarters to the end of {report.year_label}",
        description=_trend_description(report),
        chart_id="case-audit-trend",
    )


@login_required
def report(request):
    require(can.can_read_reports(request.user))
    form = ReportForm(request.GET or None, years=selectors.audit_years(), frameworks=selectors.framework_choices())
    start_year, framework_key, principle = selectors.current_quarter().start_year, None, ""
    if form.is_bound and form.is_valid():
        start_year = parse_financial_year(form.cleaned_data["year"])
        framework_key = form.cleaned_data["framework"] or None
        principle = form.cleaned_data["principle"]
    report = selectors.quarterly_report(start_year, framework_key, trend_principle=principle)
    return render(
        request,
        "caseaudits/report.html",
        {
            "form": form,
            "report": report,
            "chart": _report_chart(report) if report.trend_quarters else None,
            "principle": principle,
            "breakdowns": [
                ("By lead agency", report.by_agency, "Lead agency"),
                ("By locality", report.by_locality, "Locality"),
            ],
        },
    )


def build_report_export(request, start_year):
    """The year's report as a workbook (in the request, or on a worker for a large one: portal.exports)."""
    framework_key = request.GET.get("framework") or None
    if framework_key and not Framework.objects.filter(slug=framework_key).exists():
        framework_key = None
    report = selectors.quarterly_report(start_year, framework_key)
    workbook = ReportWorkbook()
    write_quarterly_report(report, workbook)
    workbook.close()
    return workbook, f"eha-principles-{financial_year_label(start_year)}.xlsx"


@login_required
def report_xlsx(request, year):
    require(can.can_read_reports(request.user))
    try:
        start_year = parse_financial_year(year)
    except ValueError:
        return redirect("caseaudits:report")
    # The report reads every audit of the year (and the year before, for the trend): that is its size.
    audits = CaseAudit.objects.filter(
        audit_date__gte=date(start_year - 1, 4, 1), audit_date__lt=date(start_year + 1, 4, 1)
    )
    return export_response(
        request,
        rows=audits.count(),
        build=build_report_export,
        label="EHA principles report export",
        kwargs={"start_year": start_year},
    )


# Import


@login_required
def import_page(request):
    require(can.can_record_audits(request.user))
    framework = services.current_framework()
    if framework is None:
        messages.error(request, "There is no current principle set: an administrator must load one first.")
        return redirect("caseaudits:list")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        # Checked and saved in the background, all or nothing; the job's page shows progress and problems.
        job = start_job(
            owner=request.user,
            kind="case-audits-import",
            label="Import case-file audits",
            runner=run_import_job,
            upload=form.cleaned_data["file"],
            params={"framework": framework.pk},
        )
        return redirect("job", job_id=job.pk)
    return render(
        request,
        "caseaudits/import.html",
        {
            "form": form,
            "result": result,
            "framework": framework,
            "columns": import_columns(list(framework.principles.all())).values(),
        },
    )


@login_required
def import_template(request, extension):
    require(can.can_record_audits(request.user))
    framework = services.current_framework()
    principles = list(framework.principles.all()) if framework else []
    if extension == "csv":
        response = HttpResponse(template_csv(import_columns(principles)), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="case-audits-template.csv"'
        return response
    workbook = ReportWorkbook()
    template_workbook(principles, workbook)
    workbook.close()
    return xlsx_response(workbook, "case-audits-template.xlsx")
