"""Dashboard sections for the schools commitments audit: what each person can act on, with counts."""

from django.urls import reverse
from django.utils import timezone

from audits import selectors
from portal.dashboard import DashboardItem, DashboardSection, section
from portal.periods import academic_year
from portal.permissions import board as board_can
from portal.permissions import commitments as can


@section(order=30)
def commitments_audit(user):
    today = timezone.localdate()
    year = academic_year(today)
    if can.can_view_city(user):
        return None if board_can.reads_figures_on_the_overview(user) else _city_section(user, year, today)
    schools = selectors.member_school_audits(user, year, today)
    if not schools:
        return None
    items = []
    for school, audit, rag, overdue in schools:
        if audit is None:
            items.append(
                DashboardItem(
                    f"{school.name}: start the {year} audit",
                    reverse("audits:school", args=[school.slug]),
                    "The Early Help commitments audit and action plan",
                    "Not started",
                    "grey",
                    needs_action=True,
                )
            )
            continue
        detail = f"Overall {rag.label}"
        if overdue:
            detail += f"; {overdue} overdue action{'s' if overdue != 1 else ''}"
        if audit.is_submitted:
            items.append(
                DashboardItem(
                    f"{school.name}: {year} audit",
                    reverse("audits:detail", args=[audit.pk]),
                    detail,
                    "Submitted",
                    "green",
                )
            )
        else:
            items.append(
                DashboardItem(
                    f"{school.name}: continue the {year} audit",
                    reverse("audits:wizard_resume", args=[audit.pk]),
                    detail,
                    "In progress",
                    "blue",
                    needs_action=True,
                )
            )
    return DashboardSection(title="Early Help commitments audit", items=items)


def _city_section(user, year, today):
    view = selectors.city_view(user, year, today)
    items = [
        DashboardItem(
            f"{view.engaged} of {view.population} schools have started their {year} audit",
            reverse("audits:city") + f"?year={year}",
        ),
        DashboardItem(
            f"{view.submitted} submitted",
            reverse("audits:city") + f"?year={year}&status=submitted",
            tag="Submitted",
            tag_colour="green",
        ),
        DashboardItem(
            f"{view.all_green} {view.all_green_label}",
            reverse("audits:city") + f"?year={year}&rag=green",
            tag="Green",
            tag_colour="green",
        ),
        DashboardItem(
            f"{view.with_overdue} {view.with_overdue_label}",
            reverse("audits:city") + f"?year={year}&overdue=on",
            tag="Action overdue",
            tag_colour="red" if view.with_overdue else "grey",
        ),
    ]
    actions = [("City-wide view", reverse("audits:city"))]
    if can.can_record_visit(user):
        items.append(DashboardItem(f"{view.visits} offer quality visits recorded", reverse("audits:visits")))
        actions.append(("Record an offer quality visit", reverse("audits:visit_new")))
    return DashboardSection(title=f"Schools commitments, {year} (city-wide)", items=items, actions=actions)
