"""Reads: the quarterly report, the audit and action lists, and the dashboard counts.

The report is built from a fixed handful of GROUP BY queries whatever the number of audits (pinned in
tests/caseaudits/test_reports.py): the database does the counting, Python only arranges the totals.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from caseaudits.choices import Finding
from caseaudits.models import CaseAudit, Framework, Moderation, Principle, PrincipleFinding
from caseaudits.rules import Share, trim_empty_quarters
from portal.judgements import GOOD_OR_BETTER, Judgement
from portal.memo import remembered
from portal.models import Locality, Organisation
from portal.periods import (
    FinancialQuarter,
    financial_quarter,
    financial_year_label,
    financial_year_quarters,
    parse_financial_year,
)

# A principle's share (caseaudits.rules.principle_share): met out of the findings where it applied, Not
# applicable left out. Two counts, not one per finding: the report groups hundreds of thousands of findings.
FINDING_COUNTS = {
    "met": Count("pk", filter=Q(finding=Finding.MET)),
    "applicable": Count("pk", filter=Q(finding__in=[Finding.MET, Finding.PARTLY_MET, Finding.NOT_MET])),
}


def with_final_judgement(audits):
    """Annotate `final`: the moderator's judgement where there is one, else the auditor's."""
    return audits.annotate(final=Coalesce("moderation__judgement", "overall_judgement"))


@dataclass
class PrincipleRow:
    code: str
    title: str
    description: str
    quarters: list  # one Share per quarter of the year
    year: Share


@dataclass
class BreakdownRow:
    """One lead agency's or locality's figures for the year."""

    name: str
    audits: int
    principles: list  # one Share per report principle, in the report's order
    good_or_better: Share


@dataclass
class TrendSeries:
    name: str
    shares: list  # one Share per trend quarter


@dataclass
class QuarterlyReport:
    framework_key: str
    framework_title: str
    start_year: int
    quarters: list
    principles: list = field(default_factory=list)
    audits: list = field(default_factory=list)  # per quarter
    all_principles: list = field(default_factory=list)  # Share per quarter, every applicable finding
    good_or_better: list = field(default_factory=list)
    judgements: list = field(default_factory=list)  # (label, [count per quarter], year count)
    moderation: list = field(default_factory=list)  # agreement Share per quarter
    by_agency: list = field(default_factory=list)
    by_locality: list = field(default_factory=list)
    trend_quarters: list = field(default_factory=list)
    trend: list = field(default_factory=list)  # TrendSeries

    @property
    def year_label(self):
        return financial_year_label(self.start_year)

    @property
    def audits_in_year(self):
        return sum(self.audits)

    @staticmethod
    def total(shares):
        return sum(shares, Share())

    @property
    def all_principles_year(self):
        return self.total(self.all_principles)

    @property
    def good_or_better_year(self):
        return self.total(self.good_or_better)

    @property
    def moderation_year(self):
        return self.total(self.moderation)

    @property
    def has_audits(self):
        return self.audits_in_year > 0


def framework_choices():
    """(slug, title) for the current set and every set with audits; the current one first."""
    current = Framework.objects.filter(is_current=True).values_list("slug", "title").first()
    used = dict(Framework.objects.filter(audits__isnull=False).order_by().values_list("slug", "title").distinct())
    choices = [current] if current else []
    return choices + sorted((key, title) for key, title in used.items() if not current or key != current[0])


def audit_years():
    return sorted(CaseAudit.objects.order_by().values_list("financial_year", flat=True).distinct(), reverse=True)


@remembered  # the overview, a pack and the scorecard's computed figures ask for the same year (portal.memo)
def quarterly_report(start_year, framework_key=None, *, trend_principle=None, locality=None) -> QuarterlyReport:
    """Everything the board's quarterly report shows for one financial year of one principle set.

    framework_key    the set to report (default: the current one); all its versions count
    trend_principle  a principle code to chart beside the overall figures (optional)
    locality         only the audits of that locality's cases (the board's overview, a locality's report)

    The findings and the audits are each read once, grouped by quarter and by lead agency and locality
    (this year and last, for the trend); the quarterly, agency and locality figures are sums of those groups.
    """
    revisions = (
        Framework.objects.filter(is_current=True)
        if framework_key is None
        else Framework.objects.filter(slug=framework_key)
    )
    framework_key, title = revisions.order_by("-version").values_list("slug", "title").first() or (framework_key, "")
    quarters = financial_year_quarters(start_year)
    report = QuarterlyReport(framework_key, title, start_year, quarters)
    principles, code_of, framework_ids = _report_principles(framework_key)
    years = [start_year - 1, start_year]
    where = {} if locality is None else {"locality": locality}
    audit_where = {f"audit__{key}": value for key, value in where.items()}

    # The grouped rows are summed as plain counts keyed by tuples, and made Shares and quarters once at the end:
    # there are thousands of groups (quarter x principle x lead agency x locality).
    principle_counts, agency_counts, locality_counts = {}, {}, {}
    for principle_id, year, quarter, agency_id, locality_id, met, applicable in (
        PrincipleFinding.objects.filter(principle_id__in=code_of, audit__financial_year__in=years, **audit_where)
        .values(
            "principle_id", "audit__financial_year", "audit__quarter", "audit__lead_agency_id", "audit__locality_id"
        )
        .annotate(**FINDING_COUNTS)
        .values_list(
            "principle_id",
            "audit__financial_year",
            "audit__quarter",
            "audit__lead_agency_id",
            "audit__locality_id",
            *FINDING_COUNTS,
        )
    ):
        code = code_of[principle_id]
        _tally(principle_counts, (code, year, quarter), met, applicable)
        if year == start_year:
            _tally(agency_counts, (agency_id, code), met, applicable)
            _tally(locality_counts, (locality_id, code), met, applicable)
    by_principle = defaultdict(Share)
    for (code, year, quarter), (met, applicable) in principle_counts.items():
        by_principle[code, FinancialQuarter(year, quarter)] = Share(met, applicable)
    by_agency_principle = defaultdict(Share, {key: Share(*counts) for key, counts in agency_counts.items()})
    by_locality_principle = defaultdict(Share, {key: Share(*counts) for key, counts in locality_counts.items()})

    judged_counts, by_agency, by_locality = {}, defaultdict(Counter), defaultdict(Counter)
    for year, quarter, final, agency_id, locality_id, n in (
        with_final_judgement(
            CaseAudit.objects.filter(framework_id__in=framework_ids, financial_year__in=years, **where)
        )
        .values("financial_year", "quarter", "final", "lead_agency_id", "locality_id")
        .annotate(n=Count("pk"))
        .values_list("financial_year", "quarter", "final", "lead_agency_id", "locality_id", "n")
    ):
        judged_counts[year, quarter, final] = judged_counts.get((year, quarter, final), 0) + n
        if year == start_year:
            good = n if final in GOOD_OR_BETTER else 0
            for counts, key in ((by_agency, agency_id), (by_locality, locality_id)):
                counts[key]["audits"] += n
                counts[key]["good"] += good
    judged = defaultdict(int)
    for (year, quarter, final), n in judged_counts.items():
        judged[FinancialQuarter(year, quarter), final] = n
    audits_by_period, good_by_period, all_by_period = defaultdict(int), defaultdict(int), defaultdict(Share)
    for (period, final), n in judged.items():
        audits_by_period[period] += n
        good_by_period[period] += n if final in GOOD_OR_BETTER else 0
    for (_code, period), share in by_principle.items():
        all_by_period[period] += share

    def audits_in(period):
        return audits_by_period[period]

    def good_in(period):
        return Share(good_by_period[period], audits_by_period[period])

    def all_principles_in(period):
        return all_by_period[period]

    for principle in principles:
        shares = [by_principle[principle["code"], q] for q in quarters]
        report.principles.append(
            PrincipleRow(principle["code"], principle["title"], principle["description"], shares, sum(shares, Share()))
        )
    report.audits = [audits_in(q) for q in quarters]
    report.all_principles = [all_principles_in(q) for q in quarters]
    report.good_or_better = [good_in(q) for q in quarters]
    for value, label in Judgement.choices:
        counts = [judged[q, value] for q in quarters]
        report.judgements.append((label, counts, sum(counts)))

    agreement = {
        row["audit__quarter"]: Share(row["agreed"], row["moderated"])
        for row in Moderation.objects.filter(
            audit__framework_id__in=framework_ids, audit__financial_year=start_year, **audit_where
        )
        .values("audit__quarter")
        .annotate(moderated=Count("pk"), agreed=Count("pk", filter=Q(agrees=True)))
    }
    report.moderation = [agreement.get(q.quarter, Share()) for q in quarters]

    codes = [principle["code"] for principle in principles]
    agency_names = dict(Organisation.objects.filter(pk__in=by_agency).values_list("pk", "name"))
    locality_names = dict(Locality.objects.filter(pk__in=by_locality).values_list("pk", "name"))
    report.by_agency = _breakdown(by_agency, by_agency_principle, agency_names, codes)
    report.by_locality = _breakdown(by_locality, by_locality_principle, locality_names, codes)

    all_quarters = financial_year_quarters(start_year - 1) + quarters
    report.trend_quarters = trim_empty_quarters(all_quarters, {q: audits_in(q) for q in all_quarters})
    report.trend = [
        TrendSeries("All principles met", [all_principles_in(q) for q in report.trend_quarters]),
        TrendSeries("Audits good or better", [good_in(q) for q in report.trend_quarters]),
    ]
    chosen = next((p for p in principles if p["code"] == trend_principle), None)
    if chosen:
        report.trend.append(
            TrendSeries(chosen["title"], [by_principle[chosen["code"], q] for q in report.trend_quarters])
        )
    return report


def _tally(counts, key, met, total):
    """Add met / total to counts[key] ([met, total])."""
    entry = counts.get(key)
    if entry is None:
        counts[key] = [met, total]
    else:
        entry[0] += met
        entry[1] += total


def _report_principles(framework_key):
    """The set's principles across its versions, one per code, titled as in the latest version with it.

    Returns (principles in order, {principle id: code} for every version, the versions' ids).
    """
    latest, code_of, framework_ids = {}, {}, set()
    for row in (
        Principle.objects.filter(framework__slug=framework_key)
        .order_by("framework__version")
        .values("id", "code", "title", "description", "number", "framework_id")
    ):
        latest[row["code"]] = row
        code_of[row["id"]] = row["code"]
        framework_ids.add(row["framework_id"])
    return sorted(latest.values(), key=lambda row: row["number"]), code_of, framework_ids


def _breakdown(counts, shares, names, codes):
    """Rows for a lead agency or locality breakdown, by name, from the grouped totals."""
    return sorted(
        (
            BreakdownRow(
                names.get(pk, ""),
                entry["audits"],
                [shares[pk, code] for code in codes],
                Share(entry["good"], entry["audits"]),
            )
            for pk, entry in counts.items()
        ),
        key=lambda row: row.name,
    )


# Lists


def audits_for_list(queryset):
    """The columns the audit list shows, without a query per row."""
    return with_final_judgement(queryset).select_related("lead_agency", "locality", "auditor", "moderation")


def filter_audits(queryset, data):
    """Apply an AuditFilterForm's cleaned data."""
    if data.get("reference"):
        queryset = queryset.filter(case_reference__icontains=data["reference"].strip())
    if data.get("year"):
        queryset = queryset.filter(financial_year=parse_financial_year(data["year"]))
    if data.get("quarter"):
        queryset = queryset.filter(quarter=data["quarter"])
    if data.get("lead_agency"):
        queryset = queryset.filter(lead_agency=data["lead_agency"])
    if data.get("locality"):
        queryset = queryset.filter(locality=data["locality"])
    if data.get("judgement"):
        queryset = with_final_judgement(queryset).filter(final=data["judgement"])
    if data.get("moderation") == "sampled":
        queryset = queryset.filter(sampled_at__isnull=False, moderation__isnull=True)
    elif data.get("moderation") == "moderated":
        queryset = queryset.filter(moderation__isnull=False)
    return queryset


def moderation_queue(financial_year, quarter):
    """A quarter's sample: audits drawn for moderation, and their moderation if done."""
    return (
        CaseAudit.objects.filter(financial_year=financial_year, quarter=quarter)
        .filter(Q(sampled_at__isnull=False) | Q(moderation__isnull=False))
        .select_related("lead_agency", "auditor", "moderation", "moderation__moderator")
        .order_by(F("moderation__id").asc(nulls_first=True), "audit_date", "case_reference")
    )


def quarter_sample_counts(financial_year, quarter):
    """{audits, sampled, moderated, agreed} for one quarter, in one query."""
    return CaseAudit.objects.filter(financial_year=financial_year, quarter=quarter).aggregate(
        audits=Count("pk"),
        sampled=Count("pk", filter=Q(sampled_at__isnull=False) | Q(moderation__isnull=False)),
        moderated=Count("moderation"),
        agreed=Count("moderation", filter=Q(moderation__agrees=True)),
    )


ACTION_STATES = {"open": "Not done", "overdue": "Overdue", "done": "Done", "all": "All"}


def _action_filters(today):
    return {
        "open": Q(completed_on__isnull=True),
        "overdue": Q(completed_on__isnull=True, due_date__lt=today),
        "done": Q(completed_on__isnull=False),
        "all": Q(),
    }


def action_counts(actions, today=None):
    """{"open": not done yet, "overdue": not done and past due, "done": n} over actions, in one query."""
    filters = _action_filters(today or timezone.localdate())
    return actions.aggregate(**{state: Count("pk", filter=filters[state]) for state in ("open", "overdue", "done")})


def actions_in_state(actions, state, today=None):
    """Narrow actions to one of ACTION_STATES."""
    return actions.filter(_action_filters(today or timezone.localdate())[state])


def actions_for_list(queryset):
    return queryset.select_related("audit", "audit__lead_agency").order_by("completed_on", "due_date", "pk")


def awaiting_moderation(user):
    """Sampled audits not yet moderated that `user` may moderate (not their own)."""
    return CaseAudit.objects.filter(sampled_at__isnull=False, moderation__isnull=True).exclude(auditor=user)


def latest_quarter_with_audits():
    row = CaseAudit.objects.order_by("-financial_year", "-quarter").values("financial_year", "quarter").first()
    return FinancialQuarter(row["financial_year"], row["quarter"]) if row else None


def current_quarter():
    return financial_quarter(timezone.localdate())
