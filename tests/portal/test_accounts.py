"""Signing in by email, landing on the right dashboard, signing out, resetting a password."""

import re

import pytest
from django.core import mail

from testdata.people import PASSWORD


@pytest.mark.parametrize(
    "role, heading, sections",
    [
        ("admin", "Site administrator", ["Administration"]),
        ("la_officer", "Local-authority quality assurance", ["Offers awaiting moderation", "Case-file audits"]),
        ("board_member", "Strategic board", ["The partnership at a glance", "Maturity rounds awaiting sign-off"]),
        ("school_lead", "Organisation lead", ["Your organisations", "Early Help commitments audit"]),
        ("school_editor", "Organisation editor", ["Your organisations", "Your Early Help offer"]),
        ("agency_lead", "Organisation lead", ["Your organisations", "Partnership pledges"]),
        ("no_role", "Your account", ["Your organisations"]),
    ],
)
def test_each_role_signs_in_with_email_and_lands_on_its_dashboard(client, everyone, role, heading, sections):
    user = everyone[role]
    response = client.post("/accounts/login/", {"username": user.email.upper(), "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/dashboard/"
    content = response.content.decode()
    assert heading in content
    for title in sections:
        assert title in content


def test_board_and_la_dashboards_have_no_administration(client_for, board_member, la_officer):
    for user in (board_member, la_officer):
        assert "Import organisations" not in client_for(user).get("/dashboard/").content.decode()


def test_schools_do_not_get_an_audit_section_for_agencies(client_for, agency_lead):
    assert "Early Help commitments audit" not in client_for(agency_lead).get("/dashboard/").content.decode()


def test_dashboard_lists_each_organisation_with_role(client_for, school_editor, agency):
    from portal.models import Membership

    Membership.objects.create(user=school_editor, organisation=agency, role="lead")
    content = client_for(school_editor).get("/dashboard/").content.decode()
    assert "Oak Tree Primary School" in content and "Family Action Group" in content
    assert "Organisation lead (Designated Lead / DSL)" in content


def test_wrong_password_shows_an_error_and_keeps_the_email(client, school_lead):
    response = client.post("/accounts/login/", {"username": school_lead.email, "password": "wrong"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content
    assert "Please enter a correct email address and password" in content
    assert f'value="{school_lead.email}"' in content
    assert "<title>Error: Sign in" in content


def test_signed_in_person_visiting_login_goes_to_dashboard(client_for, school_lead):
    response = client_for(school_lead).get("/accounts/login/")
    assert response.status_code == 302 and response["Location"] == "/dashboard/"


def test_sign_out_is_a_post_and_ends_the_session(client, school_lead):
    client.force_login(school_lead)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 302


def test_password_reset_by_email(client, school_lead):
    response = client.post("/accounts/password_reset/", {"email": "DSL@oak.example"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dsl@oak.example"]
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "brand-New-secret-77", "new_password2": "brand-New-secret-77"},
        follow=True,
    )
    assert "Your password has been changed" in done.content.decode()
    assert client.login(username="dsl@oak.example", password="brand-New-secret-77")


def test_password_reset_for_unknown_email_sends_nothing_and_says_the_same(client, db):
    response = client.post("/accounts/password_reset/", {"email": "nobody@nowhere.example"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_weak_new_password_is_refused_next_to_the_field(client_for, school_lead):
    response = client_for(school_lead).post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    content = response.content.decode()
    assert "This password is too short" in content
    assert 'id="id_new_password2_error"' in content
    assert 'aria-describedby="id_new_password2_helptext id_new_password2_error"' in content
    assert 'aria-invalid="true"' in content
