"""Demo data: Leicester's performance book with named owners, eight quarters of returns, targets, some late
returns, some Red and some exceptions (worsening two periods running); Doncaster's scorecard as a second set.

The indicators are the seed's (seed 000's appendix). The owners, figures, targets and narratives are
invented for the demo, in the ranges such figures take in a city like Leicester. The returns run to the
last quarter ended on the day the demo is loaded, so the late ones are late whenever it is loaded.
Idempotent: owners by indicator, returns by indicator and period, targets by indicator and year.
"""

from datetime import datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from portal import frameworks
from portal.demo import DEMO_PASSWORD
from portal.models import Locality, Membership, Organisation, User
from portal.seeding import demo_seeder

from . import periods
from .formatting import format_value
from .models import IndicatorOwner, IndicatorSet, LocalityValue, Return, ReturnRevision, Target

OWNER_EMAIL = "performance.owner@example.org"
QA_OFFICER = "qa.officer@example.org"
QUARTERS = 8
YEARS = 2

# (email, first, last, job title, organisation)
OWNERS = {
    "council": (
        OWNER_EMAIL,
        "Neil",
        "Chauhan",
        "Performance and Intelligence Lead, Early Help",
        "Leicester City Council – Education and Children's Services",
    ),
    "police": (
        "police.performance@example.org",
        "Dave",
        "Marsh",
        "Inspector, Partnerships and Prevention",
        "Leicestershire Police – Leicester City",
    ),
    "health": (
        "public.health@example.org",
        "Helen",
        "Okafor",
        "Consultant in Public Health (Children and Young People)",
        "Leicester City Council – Public Health",
    ),
    "housing": (
        "housing.options@example.org",
        "Marcus",
        "Bell",
        "Team Leader, Youth Homelessness",
        "Leicester Housing Options",
    ),
    "youth": (
        "youth.service@example.org",
        "Jas",
        "Sandhu",
        "Participation and Progression Manager",
        "Leicester City Council – Youth Service",
    ),
}

# reference: (owner, first value, latest value, target, tolerance, what lies behind it, what is being done)
SERIES = {
    "1": (
        "council",
        "9.8",
        "8.9",
        "9.0",
        "0.5",
        "Absence is concentrated in Years 5 and 6 in the North West.",
        "Attendance leads in the six clusters are running family attendance clinics.",
    ),
    "2": (
        "council",
        "13.1",
        "14.6",
        "12.5",
        "1.0",
        "Year 10 absence has risen since the spring, most of it in three schools.",
        "The Education Welfare Service has agreed attendance plans with the three schools.",
    ),
    "3": (
        "police",
        "38",
        "29",
        "35",
        "4",
        "Fewer repeat incidents among families closed after a Team Around the Family.",
        "The Operation Encompass notifications to schools now reach every school the next morning.",
    ),
    "4": (
        "council",
        "68",
        "74",
        "70",
        "3",
        "Outcome measures now recorded at closure for almost every family.",
        "Practitioners are being trained to record the family's own view of progress.",
    ),
    "5": (
        "health",
        "55",
        "47",
        "60",
        "5",
        "Fewer family members engaged with the substance misuse service after its move.",
        "Outreach sessions are being run from two family hubs to rebuild referrals.",
    ),
    "6": (
        "council",
        "85",
        "121",
        "110",
        "10",
        "Claims follow the sustained-progress checks completed this quarter.",
        "The data team is matching more outcomes from partners' records.",
    ),
    "7": (
        "council",
        "71",
        "76",
        "80",
        "3",
        "Take-up of two-year-old places remains the weakest of the three.",
        "Family hubs are contacting every eligible family on the DWP list.",
    ),
    "8": (
        "council",
        "63.1",
        "65.0",
        "66",
        "2",
        "The cohort assessed in the summer term.",
        "Early years advisers are working with 18 settings.",
    ),
    "9": (
        "council",
        "33.5",
        "32.0",
        "31",
        "2",
        "The gap narrowed in communication and language.",
        "The Talking Together programme continues.",
    ),
    "10": (
        "youth",
        "91.2",
        "93.0",
        "94",
        "2",
        "Participation fell in the autumn when destinations were not yet known.",
        "Connexions advisers are following up every Year 11 leaver without a known destination.",
    ),
    "11": (
        "council",
        "1.10",
        "0.98",
        "1.2",
        "0.2",
        "Exclusions in primary schools remain rare.",
        "The inclusion team supports schools before exclusion.",
    ),
    "12": (
        "council",
        "9.5",
        "11.2",
        "9.0",
        "1.0",
        "Fixed-period exclusions rose in Years 9 and 10 for persistent disruption.",
        "A managed-moves protocol and an inclusion panel start next term.",
    ),
    "13": (
        "youth",
        "88.0",
        "90.1",
        "92",
        "2",
        "More young people on apprenticeships after the spring recruitment.",
        "Youth workers are targeting those who left college courses early.",
    ),
    "14": (
        "youth",
        "38",
        "31",
        "30",
        "5",
        "Education, training and employment offers are now part of every YOS plan.",
        "A careers adviser is based at the YOS two days a week.",
    ),
    "15": (
        "police",
        "44",
        "37",
        "40",
        "5",
        "Out-of-court disposals and the diversion scheme are keeping children out of the system.",
        "The Youth Justice Board's Turnaround programme is funding two more workers.",
    ),
    "16": (
        "health",
        "21.4",
        "19.6",
        "20.0",
        "1.5",
        "The rolling rate continues a long fall.",
        "The school nursing service runs relationships sessions in every secondary school.",
    ),
    "17": (
        "health",
        "5.8",
        "6.1",
        "5.0",
        "0.5",
        "The three-year rate rose slightly; numbers are small and vary.",
        "The infant mortality action plan focuses on safe sleep and smoking in pregnancy.",
    ),
    "18": (
        "housing",
        "14",
        "22",
        "15",
        "3",
        "More 16-17 year olds presenting after family breakdown.",
        "A joint housing and children's services assessment is offered on the day they present.",
    ),
    "19": (
        "health",
        "40.2",
        "38.5",
        "35",
        "3",
        "The survey of five-year-olds found fewer with decayed teeth.",
        "Supervised toothbrushing now runs in 60 nurseries.",
    ),
    "20": (
        "council",
        "1150",
        "1320",
        None,
        None,
        "Schools made 41% of contacts and health 22%.",
        "The front door is running sessions for schools on what to include.",
    ),
    "21": (
        "council",
        "2450",
        "2610",
        None,
        None,
        "Open cases rose after the summer referrals from schools.",
        "Cases are reviewed monthly to close those whose plans are complete.",
    ),
    "22": (
        "council",
        "160",
        "175",
        None,
        None,
        "Stepped up and down together; step-downs are most of the rise.",
        "Step-down meetings now happen before the social care case closes.",
    ),
    "23": (
        "health",
        "52",
        "57",
        "55",
        "5",
        "More parents completed treatment after the new evening sessions.",
        "Recovery workers attend Team Around the Family meetings.",
    ),
}
# Not submitted for the last quarter: late (a draft has been started for 21).
LATE = {"2", "12", "18", "21"}
DRAFT_STARTED = {"21"}
WITH_FRACTION = {"10": 3670, "23": 240}  # the denominator the percentage is worked out from
CORRECTED = "15"  # its second-last quarter was corrected after police data was refreshed
WIGGLE = [Decimal(w) for w in ("0", "0.3", "-0.2", "0.4", "-0.1", "0.2", "-0.3", "0.1")]
TWO = Decimal("0.01")


def _owners():
    people = {}
    for key, (email, first, last, job, org_name) in OWNERS.items():
        organisation = Organisation.objects.get(name=org_name)
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first, "last_name": last, "job_title": job}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(
            user=user, organisation=organisation, defaults={"role": Membership.Role.EDITOR}
        )
        people[key] = (user, organisation)
    return people


def _series(first, latest, count, places, unit):
    """`count` figures from `first` to `latest`, a little uneven as real figures are."""
    first, latest = Decimal(first), Decimal(latest)
    step = (latest - first) / max(count - 1, 1)
    scale = max(abs(latest), Decimal(1)) / 100
    values = []
    for index in range(count):
        value = first + step * index
        if 0 < index < count - 4:  # the last periods run straight, so a worsening trend shows as one
            value += WIGGLE[index % len(WIGGLE)] * scale * 3
        quantum = Decimal(1) if unit == "count" else Decimal(1).scaleb(-places)
        values.append(max(value.quantize(quantum, rounding=ROUND_HALF_UP), Decimal(0)))
    return values


def _moment(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _narrative(indicator, value, previous, why, action):
    if previous is None:
        change = f"{format_value(indicator.unit, value)} this period."
    elif value == previous:
        change = f"{format_value(indicator.unit, value)}, unchanged from the last period."
    else:
        word = "up" if value > previous else "down"
        change = f"{format_value(indicator.unit, value)}, {word} from {format_value(indicator.unit, previous)}."
    return f"{change} {why} {action}"


def _returns(indicator, owner, today, localities):
    key, first, latest, target, tolerance, why, action = SERIES[indicator.reference]
    user, _ = owner
    if indicator.frequency == periods.YEARLY:
        last = periods.last_ended(periods.YEARLY, today)
        wanted = [last.previous(), last][-YEARS:]
    else:
        wanted, period = [], periods.last_ended(indicator.frequency, today)
        for _ in range(QUARTERS):
            wanted.insert(0, period)
            period = period.previous()
    places = 0 if indicator.unit == "count" else (2 if Decimal(latest).as_tuple().exponent == -2 else 1)
    values = _series(first, latest, len(wanted), places, indicator.unit)
    previous = None
    for index, (period, value) in enumerate(zip(wanted, values, strict=True)):
        is_last = index == len(wanted) - 1
        late = is_last and indicator.reference in LATE
        if late and indicator.reference not in DRAFT_STARTED:
            break
        numerator = denominator = None
        if indicator.reference in WITH_FRACTION:
            denominator = WITH_FRACTION[indicator.reference] + index * 7
            numerator = int((value * denominator / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            value = (Decimal(numerator) * 100 / denominator).quantize(TWO, rounding=ROUND_HALF_UP)
        submitted_at = _moment(period.due_on - timedelta(days=3 + index % 4))
        record, created = Return.objects.get_or_create(
            indicator=indicator,
            period_start=period.start,
            defaults={
                "period_end": period.end,
                "due_on": period.due_on,
                "status": Return.Status.DRAFT if late else Return.Status.SUBMITTED,
                "value": None if late else value,
                "numerator": numerator,
                "denominator": denominator,
                "narrative": "Awaiting the quarter's case closures from the case system."
                if late
                else _narrative(indicator, value, previous, why, action),
                "submitted_by": None if late else user,
                "submitted_at": None if late else submitted_at,
                "updated_by": user,
            },
        )
        previous = value
        if not created or late:
            continue
        if indicator.by_locality:
            offsets = [Decimal(o) for o in ("1.6", "0.9", "-0.4", "-1.1", "0.3", "-0.8")]
            LocalityValue.objects.bulk_create(
                LocalityValue(return_record=record, locality=locality, value=max(value + offset, Decimal(0)))
                for locality, offset in zip(localities, offsets, strict=False)
            )
        first_value = value
        if indicator.reference == CORRECTED and index == len(wanted) - 2:
            first_value = value - 3
        ReturnRevision.objects.create(
            return_record=record,
            number=1,
            value=first_value,
            numerator=numerator,
            denominator=denominator,
            narrative=record.narrative,
            data_quality_note=record.data_quality_note,
            locality_values={lv.locality.name: str(lv.value) for lv in record.locality_values.all()},
            changed_by=user,
            changed_at=submitted_at,
        )
        if first_value != value:
            ReturnRevision.objects.create(
                return_record=record,
                number=2,
                value=value,
                narrative=record.narrative,
                reason="Three first-time entrants recorded late by the Youth Offending Service were added.",
                changed_by=user,
                changed_at=submitted_at + timedelta(days=12),
            )
    if target is not None:
        for year in sorted({period.year for period in wanted}):
            Target.objects.get_or_create(
                indicator=indicator,
                year=year,
                defaults={"target": Decimal(target), "tolerance": Decimal(tolerance)},
            )


@demo_seeder(order=60)
def seed(stdout=None):
    today = timezone.localdate()
    book = IndicatorSet.objects.get(slug="leicester-performance-book", version=1)
    people = _owners()
    officer = User.objects.filter(email=QA_OFFICER).first()
    localities = list(Locality.objects.order_by("name"))
    for indicator in book.indicators.filter(computed="").order_by("order"):
        owner = people[SERIES[indicator.reference][0]]
        IndicatorOwner.objects.get_or_create(
            indicator=indicator, defaults={"user": owner[0], "organisation": owner[1], "assigned_by": officer}
        )
        _returns(indicator, owner, today, localities)
    kind = frameworks.kind("indicators")
    loaded = frameworks.load(kind, kind.read(kind.examples / "doncaster-performance-scorecard.json"))
    if stdout:
        stdout.write(
            f"Performance book: {book.indicators.count()} indicators, "
            f"{Return.objects.filter(indicator__indicator_set=book).count()} returns, "
            f"{IndicatorOwner.objects.filter(indicator__indicator_set=book).count()} owners; {loaded}"
        )
