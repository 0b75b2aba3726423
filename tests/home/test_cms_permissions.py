"""Who can do what with offer pages in the Wagtail admin, role by role (portal.permissions.offers)."""

import pytest
from django.contrib.auth.models import Group

from home import services
from home.models import OfferPage
from home.services import QA_GROUP_NAME
from portal.models import Membership, Organisation
from portal.permissions import offers as rules
from testdata.offers import make_offer
from testdata.people import make_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
DENIED = "/admin/"  # Wagtail answers a refused admin page with a redirect to its dashboard and a message


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


@pytest.fixture
def three_offers(school_offer, other_school_offer, agency_offer):
    """Every organisation in the fixtures has an offer, so each of their people can reach the CMS."""
    return school_offer


# role -> what happens when they open the school's offer page in the editor
EDIT_MATRIX = {
    "anonymous": LOGIN,
    "admin": 200,
    "la_officer": 200,
    "board_member": LOGIN,  # no CMS access at all
    "school_lead": 200,
    "school_editor": 200,
    "other_school_lead": DENIED,
    "agency_lead": DENIED,
    "agency_editor": DENIED,
    "no_role": LOGIN,
}


@pytest.mark.parametrize("role, expected", EDIT_MATRIX.items())
def test_edit_view_role_by_role(role, expected, everyone, client_for, three_offers):
    response = client_for(everyone[role]).get(edit_url(three_offers))
    if expected == 200:
        assert response.status_code == 200
        html = response.content.decode()
        assert "Oak Tree Primary School" in html
        assert 'name="areas-semh-primary"' in html
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(expected)
        assert "helps families" not in response.content.decode()


@pytest.mark.parametrize("role", ["other_school_lead", "agency_editor"])
def test_another_organisations_history_revisions_and_preview_are_refused(role, everyone, client_for, three_offers):
    client = client_for(everyone[role])
    revision = three_offers.latest_revision
    for url in [
        f"/admin/pages/{three_offers.pk}/history/",
        f"/admin/pages/{three_offers.pk}/revisions/",
        f"/admin/pages/{three_offers.pk}/revisions/{revision.pk}/view/",
        f"/admin/pages/{three_offers.pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/{three_offers.pk}/delete/",
        f"/admin/pages/{three_offers.pk}/unpublish/",
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "helps families" not in response.content.decode()


def test_editors_see_only_their_own_page_in_the_cms(client_for, school_editor, three_offers):
    client = client_for(school_editor)
    explorer = client.get("/admin/pages/", follow=True).content.decode()
    assert "Oak Tree Primary School" in explorer
    assert "Birch Academy" not in explorer and "Family Action Group" not in explorer
    search = client.get("/admin/pages/search/?q=Birch").content.decode()
    assert "Birch Academy" not in search


def test_la_officer_explores_every_offer(client_for, la_officer, three_offers, offer_index):
    html = client_for(la_officer).get(f"/admin/pages/{offer_index.pk}/").content.decode()
    assert "Oak Tree Primary School" in html and "Birch Academy" in html and "Family Action Group" in html


@pytest.mark.parametrize(
    "role, edit, publish, delete, moderate",
    [
        ("admin", True, True, True, True),
        ("la_officer", True, True, False, True),
        ("board_member", False, False, False, False),
        ("school_lead", True, False, False, False),
        ("school_editor", True, False, False, False),
        ("other_school_lead", False, False, False, False),
        ("agency_editor", False, False, False, False),
        ("no_role", False, False, False, False),
    ],
)
def test_page_permissions_follow_the_rules(role, edit, publish, delete, moderate, everyone, three_offers):
    user = everyone[role]
    tester = three_offers.permissions_for_user(user)
    assert tester.can_edit() is edit
    assert rules.can_edit_offer(user, three_offers.organisation) is edit
    assert tester.can_publish() is publish
    assert tester.can_unpublish() is publish
    assert tester.can_delete() is delete
    assert rules.can_moderate_offers(user) is moderate
    # Never: an offer is one per organisation, always public when published, in the directory.
    assert not tester.can_copy() and not tester.can_move() and not tester.can_set_view_restrictions()


def test_editors_can_view_and_compare_their_own_revisions(client_for, school_editor, school_offer):
    client = client_for(school_editor)
    first = school_offer.latest_revision
    school_offer.summary = "A new summary about the homework club."
    second = services.save_draft(school_offer, school_editor)
    assert client.get(f"/admin/pages/{school_offer.pk}/history/").status_code == 200
    compare = client.get(f"/admin/pages/{school_offer.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200
    assert "homework club" in compare.content.decode()


def test_a_stray_group_membership_grants_nothing(client_for, other_school_lead, three_offers):
    """Someone put in another organisation's Wagtail group by hand is still refused: the rules decide."""
    other_school_lead.groups.add(three_offers.organisation.offer_group.group)
    assert not three_offers.permissions_for_user(other_school_lead).can_edit()
    response = client_for(other_school_lead).get(edit_url(three_offers))
    assert response.status_code == 302 and response["Location"] == DENIED


# --- The groups follow the people and their roles -----------------------------------------------------


def group_of(organisation):
    return organisation.offer_group.group


def test_starting_an_offer_puts_the_organisations_people_in_its_group(school, school_lead, school_editor, offer_index):
    page = make_offer(school, state="draft")
    group = group_of(school)
    assert set(group.user_set.all()) == {school_lead, school_editor}
    assert set(group.page_permissions.values_list("page_id", "permission__codename")) == {(page.pk, "change_page")}
    assert group.permissions.filter(codename="access_admin").exists()


def test_a_new_member_can_edit_and_a_removed_one_cannot(client_for, school, school_offer):
    newcomer = make_user("new@oak.example", memberships=[(school, Membership.Role.EDITOR)])
    assert newcomer in group_of(school).user_set.all()
    assert client_for(newcomer).get(edit_url(school_offer)).status_code == 200

    Membership.objects.get(user=newcomer).delete()
    assert newcomer not in group_of(school).user_set.all()
    response = client_for(newcomer).get(edit_url(school_offer))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_closing_an_organisation_takes_its_people_out(client_for, school, school_editor, school_offer):
    school.status = Organisation.Status.CLOSED
    school.save()
    assert not group_of(school).user_set.exists()
    assert client_for(school_editor).get(edit_url(school_offer)).status_code == 302
    school.status = Organisation.Status.ACTIVE
    school.save()
    assert school_editor in group_of(school).user_set.all()


def test_the_qa_group_follows_the_partnership_role(no_role_user, la_officer):
    qa = Group.objects.get(name=QA_GROUP_NAME)
    assert la_officer in qa.user_set.all()
    assert no_role_user not in qa.user_set.all()
    no_role_user.partnership_role = "la_officer"
    no_role_user.save()
    assert no_role_user in qa.user_set.all()
    no_role_user.partnership_role = "board_member"
    no_role_user.save()
    assert no_role_user not in qa.user_set.all()


def test_the_qa_group_approves_in_the_offer_moderation_workflow(offer_index):
    workflow = offer_index.get_workflow()
    assert workflow.name == "Offer moderation"
    [task] = workflow.tasks.specific()
    assert list(task.groups.values_list("name", flat=True)) == [QA_GROUP_NAME]


def test_start_offer_is_idempotent(school, school_lead, offer_index):
    first, created = services.start_offer(school, school_lead)
    again, created_again = services.start_offer(school, school_lead)
    assert created and not created_again and first.pk == again.pk
    assert OfferPage.objects.filter(organisation=school).count() == 1
    assert not first.live and first.owner == school_lead
    assert (first.min_age, first.max_age) == (4, 11)
    assert list(first.localities.all()) == [school.locality]


def test_the_cms_home_shows_editors_nothing_of_other_organisations(client_for, school_editor, la_officer, three_offers):
    editor_home = client_for(school_editor).get("/admin/").content.decode()
    assert "Site summary" not in editor_home  # it counts every offer page under the directory
    assert "page-types-usage" not in editor_home and "Birch Academy" not in editor_home
    officer_home = client_for(la_officer).get("/admin/").content.decode()
    assert "Site summary" in officer_home and "page-types-usage" in officer_home
    assert "Early Help offers register" in officer_home and "/offer-register/" in officer_home
