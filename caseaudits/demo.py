"""Demo case-file audits: the four quarters of 2018-19 and the current financial year so far.

The 2018-19 action-plan figures reproduce the evaluation's (seed 001, section 3.4.1): an action plan was
in place in 60% of the EHAs reviewed in Q1, 79% in Q2 and 63% in Q3 (Q4 is invented: 70%). Everything
else (references, agencies, judgements, moderations, actions) is invented, deterministically, so running
this again changes nothing. A second LA officer is added so that audits can be moderated.
"""

import random
from datetime import date, timedelta

from django.utils import timezone

from caseaudits.choices import Finding
from caseaudits.models import AuditAction, CaseAudit, Framework, Moderation, PrincipleFinding
from portal.demo import DEMO_PASSWORD
from portal.judgements import Judgement
from portal.models import Locality, Organisation, User
from portal.seeding import demo_seeder

SECOND_OFFICER = ("qa.officer2@example.org", "Priya", "Shah", "Early Help Assessment Coordinator (QA)")

# (quarter start, cases audited, cases with an action plan in place)
YEAR_2018_19 = [
    (date(2018, 4, 1), 30, 18),  # 60%
    (date(2018, 7, 1), 53, 42),  # 79%
    (date(2018, 10, 1), 38, 24),  # 63%
    (date(2019, 1, 1), 44, 31),  # 70%
]
# The current financial year to the demo's "today" (22 November 2026): Q3 is still under way.
YEAR_2026_27 = [
    (date(2026, 4, 1), 22, 17),
    (date(2026, 7, 1), 26, 21),
    (date(2026, 10, 1), 14, 11),
]
DEMO_TODAY = date(2026, 11, 22)

LEAD_AGENCIES = [
    "Soft Touch Arts",
    "Rushey Mead Primary School",
    "Healthy Together 0-19 Service (North)",
    "Focus Young People's Service",
    "Home-Start Leicester",
    "Early Help Advice Point – North West",
    "Early Help Advice Point – South",
    "Braunstone Community Association",
    "Highfields Primary School",
    "Hamilton Community College",
]

STRENGTHS = [
    "Family's views are recorded throughout and the plan uses their words.",
    "Good multi-agency attendance at TAF meetings; school and health both contribute.",
    "Clear analysis of the family's needs and strengths.",
    "Lead practitioner has built a trusting relationship with mother and the young person.",
]
DEVELOPMENT = [
    "Plan actions need timescales and a named agency for each.",
    "Review dates slipped beyond 3 months in the summer holidays.",
    "Management oversight is not recorded on the case file.",
    "Outcomes are described as activities rather than changes for the child.",
]
ACTIONS = [
    "Add timescales and a named agency to every action in the plan.",
    "Hold the overdue TAF review and record the updated plan.",
    "Ask the team manager to record their oversight and decisions on the case file.",
    "Rewrite the plan's outcomes as the changes the family wants to see.",
]
EVIDENCE = {
    Finding.MET: "Seen on the case file.",
    Finding.PARTLY_MET: "Present but incomplete.",
    Finding.NOT_MET: "Not found on the case file.",
    Finding.NOT_APPLICABLE: "",
}


@demo_seeder(order=40)
def seed(stdout=None):
    framework = Framework.objects.get(slug="leicester-eha-principles", version=1)
    principles = list(framework.principles.order_by("number"))
    first = User.objects.get(email="qa.officer@example.org")
    second = _second_officer()
    agencies = [Organisation.objects.get(name=name) for name in LEAD_AGENCIES]
    localities = list(Locality.objects.order_by("name"))
    created = 0
    for seed_value, quarters in ((2018, YEAR_2018_19), (2026, YEAR_2026_27)):
        rng = random.Random(seed_value)
        for quarter_start, audited, with_plan in quarters:
            plans = set(rng.sample(range(audited), with_plan))
            for index in range(audited):
                spec = _audit_spec(rng, quarter_start, index, index in plans, len(principles))
                auditor, moderator = (first, second) if index % 2 else (second, first)
                audit, is_new = CaseAudit.objects.update_or_create(
                    case_reference=spec["reference"],
                    audit_date=spec["audit_date"],
                    defaults={
                        "framework": framework,
                        "lead_agency": agencies[(index + quarter_start.month) % len(agencies)],
                        "locality": localities[index % len(localities)],
                        "eha_start_date": spec["audit_date"] - timedelta(days=spec["eha_days"]),
                        "auditor": auditor,
                        "recorded_by": auditor,
                        "overall_judgement": spec["judgement"],
                        "strengths": STRENGTHS[index % len(STRENGTHS)],
                        "areas_for_development": DEVELOPMENT[index % len(DEVELOPMENT)],
                    },
                )
                if is_new:
                    created += 1
                    _add_findings_and_actions(audit, principles, spec)
                _moderate(audit, spec, moderator, quarter_start)
    if stdout:
        stdout.write(
            f"Case-file audits: {CaseAudit.objects.count()} audits ({created} new), "
            f"{Moderation.objects.count()} moderated; second LA officer {SECOND_OFFICER[0]}."
        )


def _second_officer():
    email, first_name, last_name, job_title = SECOND_OFFICER
    user, created = User.objects.get_or_create(email=email)
    user.first_name, user.last_name, user.job_title = first_name, last_name, job_title
    user.partnership_role = User.PartnershipRole.LA_OFFICER
    if created:
        user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def _audit_spec(rng, quarter_start, index, has_plan, principle_count):
    """Everything random about one demo audit, drawn in a fixed order so every run draws the same."""
    findings = []
    for number in range(1, principle_count + 1):
        if number == 3:  # the action plan: fixed by the quarter's figures
            findings.append(Finding.MET if has_plan else rng.choice([Finding.PARTLY_MET, Finding.NOT_MET]))
        elif number == 5 and rng.random() < 0.1:  # a single-agency case has no TAF to judge
            findings.append(Finding.NOT_APPLICABLE)
        else:
            findings.append(rng.choices([Finding.MET, Finding.PARTLY_MET, Finding.NOT_MET], [7, 2, 1])[0])
    met = findings.count(Finding.MET)
    judgement = (
        Judgement.OUTSTANDING
        if met == principle_count
        else Judgement.GOOD
        if met >= principle_count - 2
        else Judgement.REQUIRES_IMPROVEMENT
        if met >= principle_count - 4
        else Judgement.INADEQUATE
    )
    return {
        "index": index,
        "reference": f"EHA-{quarter_start.year % 100:02d}{quarter_start.month:02d}{index + 1:03d}",
        "audit_date": quarter_start + timedelta(days=min(index * 80 // 53 + rng.randrange(5), 85)),
        "eha_days": rng.randrange(40, 270),
        "findings": findings,
        "judgement": judgement,
        "sampled": index % 7 == 0,
        "agrees": rng.random() < 0.8,
        "actions": 0 if judgement == Judgement.OUTSTANDING else 1 + (judgement == Judgement.INADEQUATE),
    }


def _add_findings_and_actions(audit, principles, spec):
    PrincipleFinding.objects.bulk_create(
        PrincipleFinding(audit=audit, principle=principle, finding=finding, evidence=EVIDENCE[finding])
        for principle, finding in zip(principles, spec["findings"])
    )
    historic = audit.audit_date.year < 2020
    actions = []
    for number in range(spec["actions"]):
        due = audit.audit_date + timedelta(days=28 * (number + 1))
        # This year: long-past actions are done, recent ones partly done, later ones still open.
        done = historic or due <= DEMO_TODAY - timedelta(days=45) or (due < DEMO_TODAY and spec["index"] % 3 == 0)
        actions.append(
            AuditAction(
                audit=audit,
                description=ACTIONS[(audit.pk + number) % len(ACTIONS)],
                due_date=due,
                completed_on=due - timedelta(days=3) if done else None,
                progress_note="Done and checked by the team manager." if done else "",
            )
        )
    AuditAction.objects.bulk_create(actions)


def _moderate(audit, spec, moderator, quarter_start):
    """One audit in seven is in the sample; the current quarter's sample is still being moderated."""
    if not spec["sampled"]:
        return
    CaseAudit.objects.filter(pk=audit.pk, sampled_at__isnull=True).update(sampled_at=timezone.now())
    if quarter_start == YEAR_2026_27[-1][0]:
        return
    stricter = {
        Judgement.OUTSTANDING: Judgement.GOOD,
        Judgement.GOOD: Judgement.REQUIRES_IMPROVEMENT,
        Judgement.REQUIRES_IMPROVEMENT: Judgement.INADEQUATE,
        Judgement.INADEQUATE: Judgement.REQUIRES_IMPROVEMENT,
    }
    Moderation.objects.get_or_create(
        audit=audit,
        defaults={
            "moderator": moderator,
            "agrees": spec["agrees"],
            "judgement": audit.overall_judgement if spec["agrees"] else stricter[audit.overall_judgement],
            "reason": ""
            if spec["agrees"]
            else "The gaps in the plan and its reviews weigh more than the auditor allowed.",
        },
    )
