"""Demo data: Leicester's 2025-26 action plan and its 2026-27 plan, started from it, with actions in every
state (not started, red, amber, green, overdue, carried forward from 2025-26, one from a maturity
recommendation), led by the demo's people and organisations, with dated progress updates. Doncaster's and
Stoke-on-Trent's objective sets are loaded from their files too (not current). Idempotent.

Dates hang off today where a state depends on them (an overdue action is due a few weeks ago; the others
fall due later), so the states hold whenever the demo is loaded.
"""

from datetime import date, datetime, timedelta

from django.utils import timezone

from maturity import selectors as maturity_selectors
from portal import frameworks
from portal.models import Organisation, User
from portal.rag import Rag
from portal.seeding import demo_seeder

from . import services
from .models import Action, EvidenceLink, ObjectiveResponse, ObjectiveSet, Plan, ProgressUpdate

LEICESTER = "leicester-early-help-objectives"
OFFICER = "qa.officer@example.org"
COUNCIL = "Leicester City Council – Education and Children's Services"

# key: (email, organisation)
LEADS = {
    "officer": (OFFICER, COUNCIL),
    "performance": ("performance.owner@example.org", COUNCIL),
    "health": ("public.health@example.org", "Leicester City Council – Public Health"),
    "agency": ("agency.lead@example.org", "Soft Touch Arts"),
    "school": ("school.lead@example.org", "Rushey Mead Primary School"),
}

RESPONSES = {
    "S1": "Universal Offer; Clinical Forums; LCC's EH Pathway; EHA; EHLPs - networking, sharing info, joint working; "
    "0-19 HCP pathway merging with EH.",
    "S2": "EHSPB performance report reflecting partnership priorities for scrutiny, challenge and improvement; "
    "LCC QA framework including EH cases.",
    "ST1": "Universal Offer; investment in parenting; 0-19 HCP pathway merging with EH.",
    "ST2": "Multi-agency workforce development programme; LLR Thresholds Procedures revised to provide clarity of "
    "EH role and services.",
    "T1": "Locality partnerships' city-wide targets: school readiness, healthy relationships, "
    "adolescent mental health.",
    "T2": "Partnership principles and pledges; shared case-file audits and the maturity self-assessment.",
}

# 2025-26: (objective, lead, description, due (month, day) in 2026, [(date, rag, narrative)])
LAST_YEAR = [
    (
        "S1",
        "officer",
        "Review LCC EH pathway description (Advice Point, Short term work and EHA) to be embedded and implemented "
        "with partners",
        (3, 31),
        [
            (date(2025, 7, 10), Rag.AMBER, "Draft pathway description shared with the Operational Group."),
            (date(2026, 2, 20), Rag.GREEN, "Published on the portal and briefed to every locality partnership."),
        ],
    ),
    (
        "S2",
        "performance",
        "Partners to devise EH indicators for specific services",
        (3, 31),
        [(date(2025, 9, 5), Rag.AMBER, "Police and Public Health indicators agreed; schools' indicators next.")],
    ),
    (
        "ST1",
        "agency",
        "Agencies to publish their EH offer",
        (3, 31),
        [
            (date(2025, 10, 1), Rag.AMBER, "Forty offers published; voluntary sector lagging."),
            (date(2026, 3, 15), Rag.RED, "Twelve agencies have still not started; chased through the VCS forum."),
        ],
    ),
]

# 2026-27's own actions: key: (objective, lead, description, due, [(date, rag, narrative)], from a recommendation)
# `due` is "overdue" (a few weeks ago), "later" (after today) or "done" (already met).
THIS_YEAR = [
    ("S1", "officer", "Implement and embed the Safeguarding Competency Framework", "later", [], False),
    (
        "S1",
        "health",
        "Develop the multi-agency workforce development plan to reflect the training needs of the workforce",
        "later",
        [
            (date(2026, 5, 12), Rag.AMBER, "Training needs survey sent to all partners; 140 responses so far."),
            (date(2026, 11, 3), Rag.RED, "Public Health's training budget is cut; the plan needs another funder."),
        ],
        False,
    ),
    (
        "ST2",
        "officer",
        "Develop a system of feedback to referring organisations on effectiveness and appropriateness of referrals",
        "later",
        [(date(2026, 6, 30), Rag.AMBER, "Feedback letter template agreed with the front door team.")],
        False,
    ),
    (
        "ST1",
        "school",
        "Raise awareness of EH strategy with appropriate groups",
        "done",
        [
            (date(2026, 5, 1), Rag.AMBER, "Briefings booked at the spring cluster meetings."),
            (date(2026, 7, 14), Rag.GREEN, "All six cluster meetings briefed; slides on the portal."),
        ],
        False,
    ),
    (
        "T1",
        "agency",
        "Embed Rickter Scale assessment model",
        "overdue",
        [(date(2026, 6, 2), Rag.AMBER, "Twenty practitioners trained; licences for the rest awaited.")],
        False,
    ),
    ("T2", "performance", None, "later", [], True),
]


# description: [(url, label)]
EVIDENCE = {
    "Raise awareness of EH strategy with appropriate groups": [
        ("https://example.org/leicester/early-help/cluster-briefing-slides-2026.pdf", "Cluster briefing slides"),
    ],
    "Review LCC EH pathway description (Advice Point, Short term work and EHA) to be embedded and implemented "
    "with partners": [
        ("https://example.org/leicester/early-help/pathway-2026.pdf", "The published Early Help pathway"),
    ],
    "Embed Rickter Scale assessment model": [
        ("https://example.org/leicester/early-help/rickter-training-register.xlsx", "Training register"),
    ],
}


def _evidence(action, added_by):
    for url, label in EVIDENCE.get(action.description, []):
        EvidenceLink.objects.get_or_create(action=action, url=url, defaults={"label": label, "added_by": added_by})


def _moment(day):
    return timezone.make_aware(datetime(day.year, day.month, day.day, 10, 0))


def _people():
    found = {}
    for key, (email, organisation) in LEADS.items():
        user = User.objects.filter(email=email).first()
        org = Organisation.objects.filter(name=organisation).first()
        if user is not None and org is not None:
            found[key] = (user, org)
    return found


def _plan(year, objective_set, officer, started_from=None):
    plan, _ = Plan.objects.get_or_create(
        year=year, defaults={"objective_set": objective_set, "started_from": started_from, "created_by": officer}
    )
    start = _moment(date(int(year[:4]), 4, 1))
    Plan.objects.filter(pk=plan.pk).update(created_at=start)
    plan.refresh_from_db()
    return plan


def _updates(action, updates, lead):
    for day, rag, narrative in updates:
        if not ProgressUpdate.objects.filter(action=action, narrative=narrative).exists():
            action.refresh_from_db()
            services.add_update(action, by=lead, narrative=narrative, rag=rag, expected_version=None, now=_moment(day))


def _action(plan, objective, lead, description, due, created):
    action, _ = Action.objects.update_or_create(
        plan=plan,
        description=description,
        defaults={"objective": objective, "lead_user": lead[0], "lead_organisation": lead[1], "due_date": due},
    )
    Action.objects.filter(pk=action.pk).update(created_at=created)
    return action


@demo_seeder(order=70)
def seed(stdout=None):
    today = timezone.localdate()
    kind = frameworks.kind("objectives")
    for path in sorted(kind.examples.glob("*.json")):
        frameworks.load(kind, kind.read(path))
    leicester = ObjectiveSet.objects.filter(slug=LEICESTER).order_by("-version").first()
    people = _people()
    officer = User.objects.filter(email=OFFICER).first()
    if leicester is None or officer is None or len(people) < len(LEADS):
        return
    objectives = {o.reference: o for o in leicester.objectives.all()}

    last = _plan("2025-26", leicester, officer)
    for reference, lead, description, (month, day), updates in LAST_YEAR:
        action = _action(
            last, objectives[reference], people[lead], description, date(2026, month, day), last.created_at
        )
        _updates(action, updates, people[lead][0])
        _evidence(action, people[lead][0])
    for reference, text in RESPONSES.items():
        ObjectiveResponse.objects.get_or_create(
            plan=last, objective=objectives[reference], defaults={"text": text, "updated_by": officer}
        )

    plan = _plan("2026-27", leicester, officer, started_from=last)
    services.carry_forward(plan, by=officer)
    Action.objects.filter(plan=plan, carried_from__isnull=False).update(created_at=plan.created_at)
    carried = Action.objects.filter(plan=plan, carried_from__isnull=False).select_related("lead_user")
    for action in carried:
        # Carried forward with a new date this year, and news since.
        if action.due_date < date(2026, 4, 1):
            Action.objects.filter(pk=action.pk).update(due_date=date(2027, 3, 31))
        if action.rag == Rag.RED:
            _updates(
                action,
                [(date(2026, 9, 8), Rag.AMBER, "A VCS offer-writing workshop helped eight agencies publish.")],
                action.lead_user,
            )

    recommendation = maturity_selectors.recommendations_for(officer).filter(round__status="signed_off").first()
    later = max(today + timedelta(days=75), date(2027, 1, 29))
    for reference, lead, description, due, updates, from_recommendation in THIS_YEAR:
        due_on = {"overdue": today - timedelta(days=24), "later": later, "done": date(2026, 9, 30)}[due]
        if from_recommendation:
            if recommendation is None:
                continue
            action = Action.objects.filter(plan=plan, recommendation=recommendation).first()
            if action is None:
                action = services.action_from_recommendation(
                    plan,
                    recommendation=recommendation,
                    objective=objectives[reference],
                    lead_user=people[lead][0],
                    lead_organisation=people[lead][1],
                    due_date=due_on,
                    by=officer,
                )
            Action.objects.filter(pk=action.pk).update(created_at=_moment(date(2026, 8, 1)), due_date=due_on)
        else:
            action = _action(plan, objectives[reference], people[lead], description, due_on, plan.created_at)
        _updates(action, updates, people[lead][0])
        _evidence(action, people[lead][0])
    for reference, text in RESPONSES.items():
        ObjectiveResponse.objects.get_or_create(
            plan=plan, objective=objectives[reference], defaults={"text": text, "updated_by": officer}
        )
    if stdout:
        stdout.write(f"Strategy action plans: 2025-26 and 2026-27 ({plan.actions.count()} actions).")
