"""Computed indicators equal the figures on their features' own pages (one number, one source)."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from audits.models import Framework as CommitmentsFramework
from caseaudits.choices import Finding
from caseaudits.models import Framework as PrincipleSet
from performance import computed
from portal.judgements import Judgement
from portal.models import Organisation
from portal.periods import academic_year
from portal.templatetags.portal_tags import percent
from testdata.audits import build_city
from testdata.caseaudits import make_case_audit
from testdata.offers import make_offer


@dataclass(frozen=True)
class P:
    """A reporting period as the scorecard passes it (start, end, frequency)."""

    start: date
    end: date
    frequency: str


Q1, Q2 = P(date(2018, 4, 1), date(2018, 6, 30), "quarterly"), P(date(2018, 7, 1), date(2018, 9, 30), "quarterly")
YEAR = P(date(2018, 4, 1), date(2019, 3, 31), "yearly")
MAY = P(date(2018, 5, 1), date(2018, 5, 31), "monthly")


def text(figure):
    """A computed figure as the feature pages write a share."""
    return percent(figure.numerator, figure.denominator)


@pytest.fixture
def case_audits(db, agency, north, la_officer):
    """Q1 2018-19: three good or better of four; Q2: one of two. Principle 1 met in 3 of Q1's 4 cases."""
    principles = PrincipleSet.objects.get(slug="leicester-eha-principles", version=1)
    plan = [
        (date(2018, 5, 1), Judgement.OUTSTANDING, Finding.MET),
        (date(2018, 5, 2), Judgement.GOOD, Finding.MET),
        (date(2018, 6, 3), Judgement.GOOD, Finding.MET),
        (date(2018, 6, 4), Judgement.REQUIRES_IMPROVEMENT, Finding.NOT_MET),
        (date(2018, 8, 1), Judgement.GOOD, Finding.PARTLY_MET),
        (date(2018, 9, 1), Judgement.INADEQUATE, Finding.NOT_MET),
    ]
    for n, (day, judgement, first) in enumerate(plan):
        make_case_audit(
            principles,
            case_reference=f"EHA-{n}",
            lead_agency=agency,
            locality=north,
            eha_start_date=date(2018, 1, 1),
            audit_date=day,
            auditor=la_officer,
            overall_judgement=judgement,
            findings=[first] + [Finding.MET] * 6,
        )
    return principles


def test_good_or_better_equals_the_quarterly_report(case_audits, client_for, la_officer):
    today = date(2019, 6, 1)
    found = computed.figures([(computed.CASEAUDITS_GOOD_OR_BETTER, p) for p in (Q1, Q2, YEAR, MAY)], today)
    q1, q2, year = (found["caseaudits_good_or_better", p] for p in (Q1, Q2, YEAR))
    assert (q1.value, q1.numerator, q1.denominator) == (75, 3, 4)
    assert (q2.value, year.value) == (50, 67)  # 1 of 2; 4 of 6
    assert ("caseaudits_good_or_better", MAY) not in found  # audits are counted by quarter, not month

    page = client_for(la_officer).get("/case-audits/reports/", {"year": "2018-19"}).content.decode()
    good_row = page.split("Good or better</th>", 1)[1].split("</tr>", 1)[0]
    assert [text(q1), text(q2), "— (0 of 0)", "— (0 of 0)", text(year)] == [
        cell.split(">", 1)[1].split("<", 1)[0] for cell in good_row.split("</td>")[:-1]
    ]


def test_principle_compliance_equals_the_principle_row(case_audits, client_for, la_officer):
    first = case_audits.principles.order_by("number").first()
    key = f"{computed.PRINCIPLE_PREFIX}{first.code}"
    found = computed.figures(
        [(key, Q1), (key, Q2), (f"{computed.PRINCIPLE_PREFIX}no-such-principle", Q1)], date(2019, 6, 1)
    )
    assert (found[key, Q1].numerator, found[key, Q1].denominator) == (3, 4)
    assert (found[key, Q2].numerator, found[key, Q2].denominator) == (0, 2)  # Partly met is not met
    assert len(found) == 2  # an unknown principle has no figure

    page = client_for(la_officer).get("/case-audits/reports/", {"year": "2018-19"}).content.decode()
    row = page.split(f'<th scope="row">{first.title}</th>', 1)[1].split("</tr>", 1)[0]
    assert row.startswith(
        f'<td class="numeric">{text(found[key, Q1])}</td><td class="numeric">{text(found[key, Q2])}</td>'
    )


def test_a_future_or_empty_period_has_no_figure(case_audits):
    future = P(date(2030, 4, 1), date(2030, 6, 30), "quarterly")
    empty = P(date(2017, 4, 1), date(2017, 6, 30), "quarterly")
    assert (
        computed.figures(
            [(computed.CASEAUDITS_GOOD_OR_BETTER, future), (computed.CASEAUDITS_GOOD_OR_BETTER, empty)],
            date(2019, 6, 1),
        )
        == {}
    )


def test_offers_reviewed_on_time_equals_the_offer_register(db, north, client_for, la_officer):
    today = timezone.localdate()
    for n in range(3):
        organisation = Organisation.objects.create(
            name=f"Agency {n}", kind="agency", sector="voluntary", locality=north
        )
        overdue = (
            {"completed_on": today - timedelta(days=400), "review_date": today - timedelta(days=5)} if n == 0 else {}
        )
        make_offer(organisation, "published", **overdue)
    make_offer(Organisation.objects.create(name="Drafting", kind="agency", sector="voluntary"), "draft")
    now = P(today.replace(day=1), today + timedelta(days=1), "monthly")
    before = P(date(2020, 4, 1), date(2020, 6, 30), "quarterly")
    found = computed.figures(
        [(computed.OFFERS_REVIEWED_ON_TIME, now), (computed.OFFERS_REVIEWED_ON_TIME, before)], today
    )
    figure = found["offers_reviewed_on_time", now]
    assert (figure.value, figure.numerator, figure.denominator) == (67, 2, 3)  # the draft is not published
    assert len(found) == 1  # a snapshot: no figure for a past period

    page = client_for(la_officer).get("/offer-register/").content.decode()
    assert f"<dt>Published offers reviewed by their review date</dt><dd>{text(figure)}</dd>" in page


def test_commitments_submitted_equals_the_city_view(db, client_for, la_officer):
    today = timezone.localdate()
    year = academic_year(today)
    build_city(12, CommitmentsFramework.objects.get(is_current=True), year, today, seed=3, started=0.75, submitted=0.5)
    this_quarter = P(today.replace(day=1), today.replace(day=1) + timedelta(days=27), "monthly")
    figure = computed.figures([(computed.COMMITMENTS_SUBMITTED, this_quarter)], today)[
        "commitments_submitted", this_quarter
    ]
    assert figure.denominator == 12 and 0 < figure.numerator < 9

    page = client_for(la_officer).get("/audits/city/").content.decode()
    assert f'<span class="figure">{figure.numerator}</span> submitted <span class="hint">{text(figure)}</span>' in page


def test_every_key_is_described():
    assert computed.is_known("offers_reviewed_on_time") and computed.is_known("principle_compliance:consent")
    assert not computed.is_known("principle_compliance:") and not computed.is_known("made_up")
    assert computed.describe("principle_compliance:consent").endswith("consent")


def test_a_share_of_nothing_is_no_figure():
    assert computed.share_figure(0, 0).value is None
    assert computed.share_figure(1, 2).value == 50  # rounded as the pages round (half to even)
    assert computed.share_figure(1, 8).value == 12
