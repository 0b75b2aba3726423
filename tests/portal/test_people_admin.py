"""Administrators manage people (accounts, partnership roles) and memberships in the Wagtail admin."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from portal.models import Membership, User

ADD_URL = reverse("wagtailusers_users:add")


def test_administrator_adds_a_person_who_is_invited_to_choose_their_own_password(client_for, admin_user):
    client = client_for(admin_user)
    form = client.get(ADD_URL).content.decode()
    assert 'name="partnership_role"' in form
    assert 'name="username"' not in form
    assert 'name="password1"' not in form and 'name="password2"' not in form  # nobody types another's password
    assert "they are emailed a link to choose their own" in form
    response = client.post(
        ADD_URL,
        {
            "email": "New.Officer@Example.org ",
            "first_name": "New",
            "last_name": "Officer",
            "partnership_role": "la_officer",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, re.findall(r"error[^<]*<[^>]*>([^<]+)", response.content.decode())[:5]
    created = User.objects.get(email="new.officer@example.org")
    assert created.partnership_role == "la_officer"
    assert not created.has_usable_password()
    [invitation_email] = mail.outbox
    assert invitation_email.to == ["new.officer@example.org"]
    assert "/accounts/invitation/" in invitation_email.body
    listing = client.get("/admin/users/").content.decode()
    assert "has been added and emailed an invitation" in listing
    assert re.search(r"<td[^>]*>\s*Invited\s*</td>", listing)


def test_a_duplicate_email_says_email_address_not_username(client_for, admin_user, school_editor):
    response = client_for(admin_user).post(
        ADD_URL, {"email": school_editor.email.upper(), "first_name": "Again", "last_name": "Person", "is_active": "on"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone with this email address is already in the portal" in html
    assert "A user with that username already exists" not in html
    assert 'value="Again"' in html  # what was typed is kept
    assert User.objects.filter(email=school_editor.email).count() == 1


def test_administrator_adds_a_person_to_an_organisation(client_for, admin_user, school, no_role_user):
    client = client_for(admin_user)
    page = client.get(f"/admin/organisation/edit/{school.pk}/").content.decode()
    assert "People and their roles" in page
    data = {
        "name": school.name,
        "slug": school.slug,
        "kind": "school",
        "sector": "education",
        "phase": "primary",
        "urn": school.urn,
        "locality": school.locality_id,
        "status": "active",
        "address": "",
        "postcode": "",
        "phone": "",
        "email": "",
        "website": "",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-user": no_role_user.pk,
        "memberships-0-role": "lead",
        "memberships-0-id": "",
        "memberships-0-ORDER": "1",
        "memberships-0-DELETE": "",
    }
    response = client.post(f"/admin/organisation/edit/{school.pk}/", data)
    assert response.status_code == 302
    assert Membership.objects.get(user=no_role_user, organisation=school).role == "lead"


@pytest.mark.parametrize("role", ["la_officer", "board_member", "school_lead"])
def test_only_administrators_manage_people(client_for, everyone, role):
    response = client_for(everyone[role]).get(ADD_URL)
    assert response.status_code in (302, 403)


def test_deleting_an_organisation_with_work_on_record_explains_instead_of_failing(client_for, admin_user, school):
    from unittest import mock

    from django.db.models import ProtectedError

    with mock.patch("wagtail.admin.views.generic.models.DeleteView.form_valid", side_effect=ProtectedError("x", set())):
        response = client_for(admin_user).post(f"/admin/organisation/delete/{school.pk}/", follow=True)
    assert response.status_code == 200
    assert "cannot be deleted because its work is on record" in response.content.decode()


@pytest.mark.parametrize(
    "role, allowed", [("admin", True), ("la_officer", True), ("school_editor", False), ("board_member", False)]
)
def test_page_types_report_is_for_the_la_only(client_for, everyone, role, allowed):
    response = client_for(everyone[role]).get("/admin/reports/page-types-usage/")
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


def test_the_roles_tab_leaves_out_the_groups_the_portal_manages(client_for, admin_user, school_editor, school):
    from django.contrib.auth.models import Group

    from testdata.offers import make_offer

    make_offer(school)  # the school's offer-editors group, which holds the editor
    offer_group = school_editor.groups.get(name__startswith="Offer editors")
    own_group = Group.objects.create(name="Newsletter team")
    client = client_for(admin_user)
    html = client.get(f"/admin/users/edit/{school_editor.pk}/").content.decode()
    roles = html[html.index('id="tab-roles"') :]
    assert "Newsletter team" in roles
    # Offered: only the group an administrator made; not the offer editors', the LA's, or Wagtail's defaults.
    assert Group.objects.filter(name__in=["Editors", "Moderators", "LA quality-assurance officers"]).count() == 3
    assert {int(pk) for pk in re.findall(r'name="groups" value="(\d+)"', roles)} == {own_group.pk}
    assert "comes from their partnership role" in roles
    assert f"Held through the portal: {offer_group.name}." in roles
    # Saving the person keeps the group the portal manages, which the tab did not offer.
    data = {
        "email": school_editor.email,
        "first_name": "Renamed",
        "last_name": school_editor.last_name,
        "is_active": "on",
        "groups": [own_group.pk],
    }
    response = client.post(f"/admin/users/edit/{school_editor.pk}/", data)
    assert response.status_code == 302
    assert set(school_editor.groups.values_list("name", flat=True)) == {offer_group.name, "Newsletter team"}


def test_the_people_picker_searches_by_name_or_email_and_shows_the_email(client_for, admin_user, school):
    from testdata.people import make_user

    make_user("owen.brown@oak.example")
    make_user("o.brown@birch.example")
    for person in User.objects.filter(email__contains="brown"):
        person.first_name, person.last_name = "Owen", "Brown"
        person.save()
    client = client_for(admin_user)
    html = client.get("/admin/person_chooser/results/?q=owen+brown").content.decode()
    assert "owen.brown@oak.example" in html and "o.brown@birch.example" in html
    html = client.get("/admin/person_chooser/results/?q=birch").content.decode()
    assert "o.brown@birch.example" in html and "owen.brown@oak.example" not in html
    # The organisation's "People and their roles" uses it: the chosen person shows with their email.
    person = User.objects.get(email="o.brown@birch.example")
    chosen = client.get(f"/admin/person_chooser/chosen/{person.pk}/").json()
    assert chosen["result"]["title"] == "Owen Brown (o.brown@birch.example)"
    form = client.get(f"/admin/organisation/edit/{school.pk}/").content.decode()
    assert "Choose a person" in form


@pytest.mark.parametrize("role", ["la_officer", "board_member", "school_lead"])
def test_only_administrators_use_the_people_picker(client_for, everyone, role):
    response = client_for(everyone[role]).get("/admin/person_chooser/?q=a")
    assert response.status_code in (302, 403)
    assert "@" not in response.content.decode()
