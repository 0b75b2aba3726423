"""Demo data: Leicester's six Early Help locality partnerships (seed 000 governance; DOMAIN.md §6), each with
a chair who can sign in, members, the three city-wide targets as this year's priorities, a £10,000 budget
with initiatives and their spend, last quarter's report submitted and this quarter's in draft.
Idempotent: running it again updates rather than duplicates."""

from datetime import datetime, time
from decimal import Decimal

from django.utils import timezone

from portal.demo import DEMO_PASSWORD
from portal.models import Locality, Organisation, User
from portal.periods import FinancialQuarter
from portal.seeding import demo_seeder

from . import rules, services
from .models import Budget, Initiative, LocalityPartnership, Priority, QuarterlyReport, ReportRevision

# locality -> (chair's first name, last name, job title)
CHAIRS = {
    "North West": ("Marcia", "Thompson", "Head teacher, chair of the North West partnership"),
    "North East": ("Harjit", "Sandhu", "Community centre manager, chair of the North East partnership"),
    "Central": ("Joanne", "Fletcher", "Early Help team manager, chair of the Central partnership"),
    "East": ("Imran", "Malik", "Deputy head teacher, chair of the East partnership"),
    "South": ("Karen", "Doyle", "Health visitor lead, chair of the South partnership"),
    "West": ("Daniel", "Osei", "Youth worker, chair of the West partnership"),
}

# The three city-wide targets the partnerships agreed in 2018-19.
PRIORITIES = [
    ("School readiness", "More children reach a good level of development by the end of Reception."),
    (
        "Domestic abuse: healthy relationships",
        "Young people in every secondary school and college learn what a healthy relationship is.",
    ),
    ("Adolescent mental health", "Young people with low-level anxiety are supported locally, before they need CAMHS."),
]

# (name, description, share of the £10,000 spent so far, outcome)
INITIATIVES = [
    (
        "Get Up and Go",
        "Active play sessions for under-fives and their parents in children's centres.",
        Decimal("3450.00"),
        "Forty-two families attended; parents report more confidence playing at home.",
    ),
    (
        "Earn & Learn",
        "Paid work tasters and mentoring for young people at risk of leaving learning.",
        Decimal("2875.50"),
        "Eighteen young people started; eleven went on to college or an apprenticeship.",
    ),
    ("Healthy relationships workshops", "Drama workshops in secondary schools.", Decimal("1200.00"), ""),
]

NARRATIVE = (
    "The partnership met twice this quarter. {initiative} is now running in three settings and families have "
    "asked for more sessions in the school holidays. Schools report that early help assessments are started "
    "sooner when the partnership's family worker attends their pastoral meetings. We ask the board to note "
    "the growing demand for support with adolescent anxiety, which our budget cannot meet alone."
)


def chair_email(locality):
    return f"chair.{locality.slug}@example.org"


def _chair(locality):
    first, last, job = CHAIRS.get(locality.name, ("Alex", locality.name, "Chair of the locality partnership"))
    user, created = User.objects.get_or_create(
        email=chair_email(locality), defaults={"first_name": first, "last_name": last, "job_title": job}
    )
    user.first_name, user.last_name, user.job_title = first, last, job
    if created:
        user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def _members(partnership, locality):
    organisations = list(Organisation.objects.filter(locality=locality, status=Organisation.Status.ACTIVE)[:8])
    partnership.member_organisations.set(organisations)
    # People from the member organisations sit on it in person too (the school's DSL, the agency's lead...).
    people = User.objects.filter(memberships__organisation__in=organisations).distinct()[:4]
    partnership.member_people.set(people)


def _moment(day):
    return timezone.make_aware(datetime.combine(day, time(16, 0)))


@demo_seeder(80)
def seed(stdout=None):
    today = timezone.localdate()
    this = rules.current_quarter(today)
    last = rules.previous_quarter(this)
    year = this.start_year
    for index, locality in enumerate(Locality.objects.order_by("name")):
        chair = _chair(locality)
        partnership, _ = LocalityPartnership.objects.update_or_create(
            locality=locality,
            defaults={
                "chair": chair,
                "purpose": f"Local professionals, community members and service users of {locality.name} "
                "plan and deliver early help together and report to the board.",
            },
        )
        _members(partnership, locality)
        for order, (title, target) in enumerate(PRIORITIES, start=1):
            for priority_year in {year, last.start_year}:
                Priority.objects.update_or_create(
                    partnership=partnership,
                    year=priority_year,
                    title=title,
                    defaults={"target": target, "order": order},
                )
        for budget_year in {year, last.start_year}:
            budget, _ = Budget.objects.update_or_create(
                partnership=partnership,
                year=budget_year,
                defaults={"allocated": Decimal("10000.00"), "spend_by": FinancialQuarter(budget_year, 4).last_day},
            )
            for offset, (name, description, spent, outcome) in enumerate(INITIATIVES):
                # Each locality has spent a little differently, so the six rows are not identical.
                Initiative.objects.update_or_create(
                    budget=budget,
                    name=name,
                    defaults={
                        "description": description,
                        "spent": spent + Decimal(index * 60 * (offset + 1)),
                        "outcome": outcome,
                    },
                )
        _reports(partnership, chair, last, this, today, INITIATIVES[index % 2][0])
    if stdout:
        stdout.write(
            f"Locality partnerships: {LocalityPartnership.objects.count()}, with "
            f"{QuarterlyReport.objects.filter(status=QuarterlyReport.Status.SUBMITTED).count()} submitted reports."
        )


def _reports(partnership, chair, last, this, today, initiative):
    submitted = QuarterlyReport.objects.filter(
        partnership=partnership, year=last.start_year, quarter=last.quarter
    ).first()
    if submitted is None or not submitted.is_submitted:
        report = services.report_for(partnership, last)
        services.submit_report(report, narrative=NARRATIVE.format(initiative=initiative), by=chair, today=last.last_day)
        # Submitted on the quarter's last working afternoon, as a chair would.
        QuarterlyReport.objects.filter(pk=report.pk).update(submitted_at=_moment(last.last_day))
        ReportRevision.objects.filter(report=report).update(made_at=_moment(last.last_day))
    draft = services.report_for(partnership, this)
    if not draft.is_submitted and not draft.narrative:
        draft.narrative = (
            "Draft: the partnership meets again before the end of the quarter. "
            + NARRATIVE.format(initiative=initiative).split(". ", 1)[1]
        )
        draft.save()
