"""The board pack's "Locality partnership reports": each locality's latest submitted report (the chair's
narrative, the year's priorities, the budget and the locality's frozen figures), for one locality or all."""

from portal.board_pack import heading, kind, paragraph, table
from portal.periods import financial_year_label

from . import rules, selectors
from .models import Budget, LocalityPartnership, Priority
from .templatetags.localities_tags import money as _money

ALL = ""


def options(today):
    return [(ALL, "All localities")] + [
        (p.locality.slug, p.locality.name) for p in LocalityPartnership.objects.select_related("locality")
    ]


def figures_blocks(sections):
    """A report's frozen sections (OverviewSection.as_dict()) as the pack's figures blocks."""
    blocks = []
    for section in sections:
        blocks.append(heading(section["title"]))
        if section.get("figures"):
            blocks.append(
                {
                    "type": "figures",
                    "rows": [
                        {"label": f["label"], "text": f["text"], "previous_text": f.get("previous_text", "")}
                        for f in section["figures"]
                    ],
                    "period": section.get("period", ""),
                    "previous_period": section.get("previous_period", ""),
                }
            )
        if section.get("note"):
            blocks.append(paragraph(section["note"]))
    return blocks


@kind("locality_reports", "Locality partnership reports", order=80, options=options)
def locality_reports(context):
    partnerships = LocalityPartnership.objects.select_related("locality", "chair")
    chosen = context.option or (context.locality.slug if context.locality is not None else ALL)
    if chosen:
        partnerships = partnerships.filter(locality__slug=chosen)
    partnerships = list(partnerships)
    reports = selectors.latest_submitted_reports(partnerships, context.today)
    years = {r.year for r in reports.values()}
    priorities, budgets = {}, {}
    for priority in Priority.objects.filter(partnership__in=partnerships, year__in=years):
        priorities.setdefault((priority.partnership_id, priority.year), []).append(priority)
    for budget in Budget.objects.filter(partnership__in=partnerships, year__in=years).prefetch_related("initiatives"):
        budgets[(budget.partnership_id, budget.year)] = budget

    blocks = []
    for partnership in partnerships:
        blocks.append(heading(partnership.name))
        report = reports.get(partnership.pk)
        if report is None:
            blocks.append(paragraph("No quarterly report has been submitted yet."))
            continue
        chair = report.submitted_by or partnership.chair
        by = f" by {chair.get_full_name() or chair.email}" if chair else ""
        blocks.append(paragraph(f"{report.period.label} report, submitted{by} on {report.submitted_at:%d %B %Y}."))
        blocks.append(paragraph(report.narrative))
        key = (partnership.pk, report.year)
        year = financial_year_label(report.year)
        blocks.append(
            table(f"Priorities {year}", ["Priority", "Target"], [[p.title, p.target] for p in priorities.get(key, [])])
        )
        budget = budgets.get(key)
        if budget is not None:
            initiatives = list(budget.initiatives.all())
            totals = rules.budget_totals(budget.allocated, [i.spent for i in initiatives])
            rows = [[i.name, _money(i.spent), i.outcome] for i in initiatives]
            rows.append(["Total spent", _money(totals.spent), ""])
            rows.append(["Allocated", _money(totals.allocated), ""])
            rows.append(["Remaining", _money(totals.remaining), ""])
            blocks.append(table(f"Budget {year}", ["Initiative", "Spent", "Outcome"], rows))
        blocks.extend(figures_blocks(report.figures))
    return blocks
