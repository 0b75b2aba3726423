"""The overview runs a bounded number of queries whatever the number of organisations, audits and returns:
the same ceiling at two sizes, for the whole partnership and for one locality."""

import pytest
from django.utils import timezone

from audits.models import Framework as CommitmentsFramework
from board.overview_views import overview_sections
from portal.models import Locality, Organisation
from portal.periods import academic_year, financial_quarter
from testdata.audits import build_city
from testdata.caseaudits import build_case_audits

pytestmark = pytest.mark.django_db

# Every section's reads plus the page's own (session, user, navigation). Measured: 143 at both sizes, of
# which the performance book's two scorecards (this year and last, computed figures included) are 85.
MAX_QUERIES = 150


def _build(size, today, la_officer):
    build_city(size, CommitmentsFramework.objects.get(is_current=True), academic_year(today), today)
    agencies = list(Organisation.objects.filter(kind=Organisation.Kind.SCHOOL)[:10])
    build_case_audits(
        size * 5,
        localities=list(Locality.objects.all()),
        lead_agencies=agencies,
        auditor=la_officer,
        first_day=financial_quarter(today).first_day,
        days=max((today - financial_quarter(today).first_day).days, 1),
    )


@pytest.mark.parametrize("size", [10, 60])
def test_the_page_runs_a_bounded_number_of_queries(
    size, la_officer, board_member, client_for, django_assert_max_num_queries
):
    today = timezone.localdate()
    _build(size, today, la_officer)
    locality = Locality.objects.first()
    for user in (la_officer, board_member):
        client = client_for(user)
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get("/board/overview/")
        assert response.status_code == 200
        sections = {s.key: s for s, _ in response.context["sections"]}
        assert sections["commitments"].figure("Schools that have started their audit").value == int(size * 0.9)
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get("/board/overview/", {"locality": locality.slug}).status_code == 200


@pytest.mark.parametrize("size", [10, 60])
def test_each_section_reads_in_bounded_queries(size, la_officer, django_assert_max_num_queries):
    """The sections alone, without the page around them (what a board pack's snapshot will call)."""
    today = timezone.localdate()
    _build(size, today, la_officer)
    with django_assert_max_num_queries(MAX_QUERIES - 15):
        sections = overview_sections(la_officer, today)
    assert {s.key for s in sections} >= {"offers", "pledges", "commitments", "case_file_audits", "performance"}
