"""Administrators manage people (accounts, partnership roles) and memberships in the Wagtail admin."""

import re

import pytest
from django.urls import reverse

from portal.models import Membership, User

ADD_URL = reverse("wagtailusers_users:add")


def test_administrator_creates_a_person_with_a_partnership_role(client_for, admin_user):
    client = client_for(admin_user)
    form = client.get(ADD_URL).content.decode()
    assert 'name="partnership_role"' in form
    assert 'name="username"' not in form
    response = client.post(
        ADD_URL,
        {
            "email": "new.officer@example.org",
            "first_name": "New",
            "last_name": "Officer",
            "partnership_role": "la_officer",
            "password1": "a-Strong-password-55",
            "password2": "a-Strong-password-55",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, re.findall(r"error[^<]*<[^>]*>([^<]+)", response.content.decode())[:5]
    created = User.objects.get(email="new.officer@example.org")
    assert created.partnership_role == "la_officer"
    assert created.check_password("a-Strong-password-55")


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
