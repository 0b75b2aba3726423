"""Demo data: Leicester's two Service Transformation Maturity self-assessments and a 2026 round in progress.

The September 2017 and January 2019 rounds, their ratings, methods, contributor count ("at least 160")
and the ten recommendations with their suggested responsible leads come from seed 001, section 5
(table 13 and the recommendations table); the evidence notes summarise that section's findings.
The submission and sign-off dates, and everything in the 2026 round (a draft open to contributors, with
the 2019 actions carried into it and some partners' views), are invented for the demo.
Idempotent: rounds are found by title, their parts by natural keys.
"""

from datetime import date, datetime

from django.utils import timezone

from portal.models import User
from portal.seeding import demo_seeder

from .models import ActionItem, ContributorGroup, ContributorRating, Framework, Method, Round, StrandRating
from .rules import ActionStatus, Status, parse_rating

QA_OFFICER = "qa.officer@example.org"
BOARD_MEMBER = "board.member@example.org"

# strand key: (rating, evidence, strengths, areas for development)
SEPTEMBER_2017 = {
    "families-experience": ("Not rated", "Not rated in the baseline assessment.", "", ""),
    "leadership": (
        "Developing",
        "Desktop analysis of the partnership's structures, processes and performance.",
        "",
        "",
    ),
    "strategy": ("Early", "Desktop analysis of the partnership's structures, processes and performance.", "", ""),
    "culture": ("Developing", "Desktop analysis of the partnership's structures, processes and performance.", "", ""),
    "workforce-development": (
        "Developing",
        "Desktop analysis of the partnership's structures, processes and performance.",
        "",
        "",
    ),
    "delivery-structures": (
        "Developing/Maturing",
        "Several structures, such as the Early Help Partnership Allocations Hub, had only recently been established.",
        "",
        "",
    ),
}

JANUARY_2019 = {
    "families-experience": (
        "Developing",
        "Families rated the changes made an average 8.1 out of 10 and their satisfaction with the service 8.4. "
        "90% felt involved in putting their plan together; plans scored 9.2 out of 10 for ease of understanding.",
        "Families are, in the main, positive about the help they received and understand why services are involved.",
        "Put families' experience at the heart of service planning with regular family follow-up surveys.",
    ),
    "leadership": (
        "Maturing",
        "Being placed in recovery by the national Troubled Families team brought scrutiny from the most senior "
        "levels of the council and raised the profile of the agenda across management levels.",
        "A clear focus on integrated, whole-family working; an intense, focused approach increased commitment "
        "and buy-in.",
        "'Early Help' as a concept is not consistently understood across management groups.",
    ),
    "strategy": (
        "Maturing",
        "The Early Help Strategy Board alternates business meetings with 'deep-dive' sessions on the partnership's "
        "contribution to the six headline areas of need, building understanding and buy-in across the partnership.",
        "Wider buy-in to the programme across the partnership of early help providers.",
        "Managers feel there is a lack of coherent strategy underpinning the transformation agenda, particularly "
        "around commissioning.",
    ),
    "culture": (
        "Maturing",
        "Regular health-check meetings with agencies delivering early help as Troubled Families leads provided "
        "scrutiny and challenge, with a quick and significant impact on service transformation.",
        "Conversations reframed from 'what's in it for me' to the income that supports local families.",
        "Workers understand family working but are still unsure about information-sharing principles.",
    ),
    "workforce-development": (
        "Mature",
        "98% of workers recognised the principles of family working and focused on family assessment, action plans "
        "and outcomes; 80% felt supported, with regular development reviews, peer support and reflective practice.",
        "Training delivered 'at the right time' and 'relevant to practice'; multi-agency training across the "
        "partnership.",
        "Schools may need continuing support to deliver Early Help.",
    ),
    "delivery-structures": (
        "Developing/Maturing",
        "Incompatible systems make data inconsistent; social care records work at individual rather than family "
        "level, which makes families hard to match and referrals hard to track.",
        "The Early Help Assessment model ensures a whole-family, multi-agency response.",
        "Outcome-focused performance systems across the partnership; day-to-day information sharing.",
    ),
}

# (number, recommendation, suggested responsible lead, strand key or None): seed 001, section 5.2.
RECOMMENDATIONS = [
    (
        1,
        "Strategic leads to consider how the issues identified by both the workforce and families can be addressed "
        "collectively to improve outcomes for families in Leicester.",
        "Early Help Strategic Partnership Board (EHSPB)",
        None,
    ),
    (
        2,
        "Strategic leads to review the evidence and undertake a further review of the impact measures used: whether "
        "they give a meaningful measure of impact; how this is communicated and understood across the partnership; "
        "profiling of predictors to target resources; gaps and ways of addressing them.",
        "EHSPB",
        "strategy",
    ),
    (
        3,
        "Undertake family follow-up surveys regularly so that families' experience is at the heart of service "
        "planning.",
        "TF Infrastructure Team",
        "families-experience",
    ),
    (
        4,
        "Consider reviewing the definition of Early Help so that the partnership is clear on the meaning of the term.",
        "EHSPB",
        "leadership",
    ),
    (
        5,
        "Develop a programme of shadowing and inter-agency working opportunities to support workers' development and "
        "understanding of how other agencies work.",
        "TF Infrastructure Team",
        "workforce-development",
    ),
    (
        6,
        "Expand the support offered to schools and develop a bespoke programme to increase the number of schools "
        "leading Early Help Assessments.",
        "Director of Social Care and Early Help",
        "workforce-development",
    ),
    (
        7,
        "Explore how to retain a specialist worklessness resource while embedding this as a routine way of working "
        "within the multi-agency workforce.",
        "Head of Service: Early Help and Prevention and EHSPB",
        "workforce-development",
    ),
    (
        8,
        "Overcome the barriers to day-to-day information sharing identified through the workers' survey.",
        "EHSPB",
        "delivery-structures",
    ),
    (
        9,
        "Continue the health-check meetings, internal and external, to ensure positive scrutiny, challenge and support "
        "to the partnership.",
        "Director of Social Care and Early Help",
        "culture",
    ),
    (
        10,
        "Develop performance systems across the partnership that are outcome focused.",
        "EHSPB",
        "delivery-structures",
    ),
]

# Progress on the carried actions in the 2026 draft: number -> (status, due date, progress note). Invented.
PROGRESS_2026 = {
    3: (ActionStatus.IN_PROGRESS, date(2026, 6, 30), "Family follow-up survey drafted with the parent carer forum."),
    6: (ActionStatus.IN_PROGRESS, date(2026, 3, 31), "Schools Early Help guide and commitments audit tool in use."),
    8: (ActionStatus.NOT_STARTED, date(2025, 12, 31), ""),
}

# Partners' views on the 2026 draft: (email, strand key, rating, comment). Invented.
CONTRIBUTIONS_2026 = [
    (
        "school.lead@example.org",
        "families-experience",
        "Maturing",
        "Families we support through an Early Help Assessment tell us they have one plan and know who their lead "
        "practitioner is.",
    ),
    (
        "school.lead@example.org",
        "workforce-development",
        "Maturing/Mature",
        "Our DSLs have done the Early Help Assessment training; newer pastoral staff are still waiting for places.",
    ),
    (
        "school.lead@example.org",
        "delivery-structures",
        "Developing",
        "We still cannot see what other agencies have recorded, so we chase updates by email.",
    ),
    (
        "school.editor@example.org",
        "families-experience",
        "Developing",
        "Parents often do not know which service to contact first.",
    ),
    (
        "agency.lead@example.org",
        "culture",
        "Maturing",
        "Team Around the Family meetings are routine for our youth workers now.",
    ),
    (
        "agency.lead@example.org",
        "delivery-structures",
        "Developing/Maturing",
        "The information-sharing protocol helps, but practice varies between agencies.",
    ),
    ("agency.editor@example.org", "strategy", "Developing", ""),
    (
        "secondary.lead@example.org",
        "workforce-development",
        "Mature",
        "Staff have had whole-school Early Help briefings and know who to ask.",
    ),
    ("secondary.lead@example.org", "families-experience", "Maturing", ""),
]


def _moment(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 10, 0))


def _round(framework, title, defaults, groups=None):
    round_, _ = Round.objects.update_or_create(title=title, defaults={"framework": framework, **defaults})
    for group, count in (groups or {}).items():
        ContributorGroup.objects.update_or_create(round=round_, group=group, defaults={"count": count})
    return round_


def _ratings(round_, strands, table):
    levels = round_.framework.level_names
    for key, (rating, evidence, strengths, areas) in table.items():
        StrandRating.objects.update_or_create(
            round=round_,
            strand=strands[key],
            defaults={
                "rating": parse_rating(rating, levels),
                "evidence": evidence,
                "strengths": strengths,
                "areas_for_development": areas,
            },
        )


@demo_seeder(order=50)
def seed(stdout=None):
    framework = Framework.objects.get(slug="stmm", version=1)
    strands = {strand.key: strand for strand in framework.strands.all()}
    people = {user.email: user for user in User.objects.filter(email__endswith="@example.org")}
    officer, board = people.get(QA_OFFICER), people.get(BOARD_MEMBER)

    baseline = _round(
        framework,
        "Service transformation self-assessment, September 2017 (baseline)",
        {
            "period_start": date(2017, 9, 1),
            "period_end": date(2017, 9, 30),
            "status": Status.SIGNED_OFF,
            "open_to_contributors": False,
            "methods": [Method.DESKTOP_ANALYSIS],
            "summary": "The initial self-assessment, by desktop analysis of the structures, processes and performance "
            "of the Early Help partnership, establishing a baseline picture of service transformation.",
            "created_by": officer,
            "submitted_by": officer,
            "submitted_at": _moment(2017, 10, 2),
            "signed_off_by": board,
            "signed_off_at": _moment(2017, 10, 19),
            "sign_off_note": "Agreed at the Early Help Strategic Partnership Board.",
        },
    )
    _ratings(baseline, strands, SEPTEMBER_2017)

    groups = ContributorGroup.Group
    second = _round(
        framework,
        "Service transformation self-assessment, January 2019",
        {
            "period_start": date(2018, 12, 1),
            "period_end": date(2019, 1, 31),
            "status": Status.SIGNED_OFF,
            "open_to_contributors": False,
            "methods": [Method.FOCUS_GROUPS, Method.INTERVIEWS, Method.SURVEYS, Method.QUESTIONNAIRES],
            "contributors_at_least": 160,
            "summary": "The partnership moved closer to 'mature' on every strand except the families' experience of "
            "services, not rated in 2017, and delivery structures and processes, which stayed the same. What made the "
            "difference: time to embed new structures; recovery, which raised senior scrutiny; a restructured "
            "strategy board meeting cycle with 'deep-dive' sessions; and health-check meetings with delivery partners.",
            "started_from": baseline,
            "created_by": officer,
            "submitted_by": officer,
            "submitted_at": _moment(2019, 6, 28),
            "signed_off_by": board,
            "signed_off_at": _moment(2019, 7, 11),
            "sign_off_note": "Agreed with the ten recommendations of the evaluation report.",
        },
        groups={
            g: None for g in (groups.FAMILIES, groups.FRONTLINE, groups.MANAGERS, groups.SENIOR_MANAGERS, groups.BOARDS)
        },
    )
    _ratings(second, strands, JANUARY_2019)
    for number, text, lead, key in RECOMMENDATIONS:
        ActionItem.objects.update_or_create(
            round=second,
            number=number,
            defaults={
                "recommendation": text,
                "responsible_lead": lead,
                "strand": strands.get(key),
                "status": ActionStatus.NOT_STARTED,
            },
        )

    current = _round(
        framework,
        "Early Help self-assessment 2026",
        {
            "period_start": date(2026, 1, 12),
            "period_end": date(2026, 3, 31),
            "status": Status.DRAFT,
            "open_to_contributors": True,
            "methods": [Method.SURVEYS, Method.FOCUS_GROUPS, Method.PERFORMANCE_DATA],
            "started_from": second,
            "created_by": officer,
            "submitted_by": None,
            "submitted_at": None,
            "signed_off_by": None,
            "signed_off_at": None,
        },
    )
    for strand in strands.values():
        StrandRating.objects.get_or_create(round=current, strand=strand)
    for item in second.action_items.all():
        status, due, note = PROGRESS_2026.get(item.number, (ActionStatus.NOT_STARTED, None, ""))
        ActionItem.objects.update_or_create(
            round=current,
            number=item.number,
            defaults={
                "recommendation": item.recommendation,
                "responsible_lead": item.responsible_lead,
                "strand": item.strand,
                "carried_from": item,
                "status": status,
                "due_date": due,
                "progress_note": note,
            },
        )
    levels = framework.level_names
    for email, key, rating, comment in CONTRIBUTIONS_2026:
        if email in people:
            ContributorRating.objects.update_or_create(
                round=current,
                strand=strands[key],
                contributor=people[email],
                defaults={"rating": parse_rating(rating, levels), "comment": comment},
            )
    if stdout:
        stdout.write(
            "Maturity: September 2017 and January 2019 rounds (signed off), a 2026 draft open to contributors "
            f"with {current.contributions.count()} partner views."
        )
