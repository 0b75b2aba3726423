"""Reads: the offer_statuses contract other features call, the LA's figures, the per-organisation overview."""

from datetime import timedelta

import pytest

from home import rules
from home.bulk import create_published_offers
from home.selectors import OfferStatus, offer_figures, offer_overview, offer_statuses, offers_awaiting_moderation
from portal.models import Organisation
from testdata.offers import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def other(south):
    return Organisation.objects.create(name="Extra Agency", kind="agency", sector="health", locality=south)


def test_offer_statuses_for_each_state(school, other_school, agency, other, offer_index):
    published = make_offer(school)
    draft = make_offer(other_school, state="draft")
    overdue = make_offer(
        agency, completed_on=rules.today() - timedelta(days=400), review_date=rules.today() - timedelta(days=1)
    )
    statuses = offer_statuses([school.pk, other_school.pk, agency.pk, other.pk])

    assert statuses[school.pk] == OfferStatus(
        organisation_id=school.pk,
        exists=True,
        published=True,
        first_published_at=published.first_published_at,
        last_published_at=published.last_published_at,
        review_date=published.review_date,
        url="/offers/oak-tree-primary-school/",
        edit_url=f"/admin/pages/{published.pk}/edit/",
    )
    assert statuses[school.pk].label == "Published" and not statuses[school.pk].review_overdue
    assert statuses[other_school.pk].label == "Draft"
    assert (
        statuses[other_school.pk].url == "" and statuses[other_school.pk].edit_url == f"/admin/pages/{draft.pk}/edit/"
    )
    assert statuses[agency.pk].label == "Review overdue" and statuses[agency.pk].review_overdue
    assert statuses[agency.pk].url == f"/offers/{overdue.slug}/"
    assert statuses[other.pk] == OfferStatus(organisation_id=other.pk, edit_url=f"/offer-start/{other.pk}/")
    assert statuses[other.pk].label == "Not started"


def test_offer_statuses_reports_the_published_review_date_not_a_drafts(school, offer_index):
    page = make_offer(school)
    page.review_date = rules.today() + timedelta(days=900)
    page.save_revision()
    assert offer_statuses([school.pk])[school.pk].review_date == page.__class__.objects.get(pk=page.pk).review_date
    assert offer_statuses([school.pk])[school.pk].review_date != rules.today() + timedelta(days=900)


def test_offer_statuses_know_moderation_in_the_registers_words(school, other_school, agency, offer_index):
    make_offer(school, state="awaiting")
    make_offer(other_school, state="changes")
    make_offer(agency)
    statuses = offer_statuses([school.pk, other_school.pk, agency.pk])
    register = {row.organisation.pk: row.state for row in offer_overview(Organisation.objects.all())}

    assert statuses[school.pk].label == "Awaiting moderation" and statuses[school.pk].awaiting_moderation
    assert statuses[other_school.pk].label == "Changes requested" and statuses[other_school.pk].sent_back
    assert statuses[agency.pk].label == "Published" and not statuses[agency.pk].awaiting_moderation
    # One vocabulary: the contract other features call says what the offer register says, colour too.
    for org_id, status in statuses.items():
        assert status.state == register[org_id]
        assert status.colour == register[org_id].colour


@pytest.mark.parametrize("size", [10, 300])
def test_offer_statuses_is_one_query_whatever_the_number(size, offer_index, django_assert_max_num_queries):
    create_published_offers(size)
    ids = list(Organisation.objects.values_list("pk", flat=True))
    offer_statuses(ids[:1])  # the site's root paths are cached after the first call
    with django_assert_max_num_queries(1):
        statuses = offer_statuses(ids)
    assert len(statuses) == size and all(s.published for s in statuses.values())


def test_figures_count_engagement_publication_moderation_and_overdue(
    school, other_school, agency, other, south, offer_index
):
    make_offer(school)
    make_offer(other_school, state="awaiting")
    make_offer(agency, state="changes")
    late = Organisation.objects.create(
        name="Late School", kind="school", sector="education", phase="primary", urn="333333", locality=south
    )
    make_offer(late, completed_on=rules.today() - timedelta(days=400), review_date=rules.today() - timedelta(days=2))
    closed = Organisation.objects.create(
        name="Closed School", kind="school", sector="education", phase="primary", urn="444444", status="closed"
    )
    make_offer(closed)
    figures = offer_figures()
    assert (figures.organisations, figures.engaged) == (5, 4)  # the closed school is not counted
    assert (figures.schools, figures.schools_engaged, figures.schools_published) == (3, 3, 2)
    assert (figures.others, figures.others_engaged, figures.others_published) == (2, 1, 0)
    assert (figures.awaiting_moderation, figures.changes_requested, figures.overdue) == (1, 1, 1)
    assert figures.published == 2
    [(waiting, _submitted)] = offers_awaiting_moderation()
    assert waiting.organisation == other_school


@pytest.mark.parametrize("size", [10, 300])
def test_figures_and_overview_are_bounded(size, offer_index, django_assert_max_num_queries):
    create_published_offers(size)
    with django_assert_max_num_queries(3):
        offer_figures()
    with django_assert_max_num_queries(6):
        rows = offer_overview(Organisation.objects.all())
    assert len(rows) == size and {row.state for row in rows} == {rules.PUBLISHED, rules.REVIEW_OVERDUE}


def test_overview_shows_the_reviewers_comment(school, agency, offer_index):
    make_offer(agency, state="changes")
    rows = {row.organisation.name: row for row in offer_overview(Organisation.objects.all())}
    assert rows["Family Action Group"].state == rules.CHANGES_REQUESTED
    assert rows["Family Action Group"].comment == "Please add your outcomes."
    assert rows["Oak Tree Primary School"].state == rules.NOT_STARTED
    assert rows["Oak Tree Primary School"].edit_url == f"/offer-start/{school.pk}/"
