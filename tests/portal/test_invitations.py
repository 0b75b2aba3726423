"""Invitations: a new person chooses their own password from an emailed link that expires and works once;
the administrator can send it again and sees its status."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from portal.invitations import Invitation
from portal.models import User
from portal.services import invitations as invitation_service

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-Brand-new-secret-58"


@pytest.fixture
def newcomer(db):
    person = User.objects.create_user(email="newcomer@test.example", first_name="Nia", last_name="Newcomer")
    person.set_unusable_password()
    person.save()
    return person


def link_in(message):
    return re.search(r"https?://\S+(/accounts/invitation/[^/\s]+/)", message.body).group(1)


def choose_password(client, path, password=NEW_PASSWORD):
    return client.post(path, {"new_password1": password, "new_password2": password})


def test_the_invited_person_chooses_their_password_and_signs_in(client, newcomer, admin_user):
    invitation_service.invite(newcomer, sent_by=admin_user)
    [message] = mail.outbox
    assert message.to == ["newcomer@test.example"]
    assert "Admin Tester has invited you" in message.body and "works once, until" in message.body
    path = link_in(message)
    page = client.get(path).content.decode()
    assert "Choose your password" in page and "newcomer@test.example" in page
    response = choose_password(client, path)
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    newcomer.refresh_from_db()
    assert newcomer.check_password(NEW_PASSWORD)
    assert Invitation.objects.get(user=newcomer).status(timezone.now()) == Invitation.Status.ACCEPTED
    assert client.login(email="newcomer@test.example", password=NEW_PASSWORD)


def test_a_link_works_only_once(client, newcomer):
    invitation_service.invite(newcomer)
    path = link_in(mail.outbox[0])
    choose_password(client, path)
    response = choose_password(client, path, "another-Secret-pass-91")
    assert response.status_code == 410
    assert "This invitation link cannot be used" in response.content.decode()
    newcomer.refresh_from_db()
    assert newcomer.check_password(NEW_PASSWORD)


@override_settings(INVITATION_VALID_DAYS=7)
def test_a_link_expires_after_the_days_set(client, newcomer):
    invitation = invitation_service.invite(newcomer)
    assert invitation.expires_at - invitation.sent_at == timedelta(days=7)
    path = link_in(mail.outbox[0])
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(path)
    assert response.status_code == 410
    assert not choose_password(client, path).status_code == 302
    newcomer.refresh_from_db()
    assert not newcomer.has_usable_password()
    assert Invitation.objects.get(pk=invitation.pk).status(timezone.now()) == Invitation.Status.EXPIRED


def test_sending_again_replaces_the_link(client, newcomer):
    invitation_service.invite(newcomer)
    invitation_service.invite(newcomer)
    first, second = (link_in(message) for message in mail.outbox)
    assert first != second
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200
    assert Invitation.objects.get(user=newcomer).times_sent == 2


@pytest.mark.parametrize("token", ["nonsense", "x" * 300, "%00", "a.b-c_d"])
def test_a_made_up_link_is_refused_without_an_error(client, token):
    response = client.get(f"/accounts/invitation/{token}/")
    assert response.status_code in (400, 410)


def test_a_weak_password_is_refused_beside_the_field(client, newcomer):
    invitation_service.invite(newcomer)
    path = link_in(mail.outbox[0])
    response = choose_password(client, path, "12345678")
    assert response.status_code == 200
    assert "This password is too common" in response.content.decode()
    assert client.get(path).status_code == 200  # the link still works


def test_a_deactivated_person_cannot_use_their_link(client, newcomer):
    invitation_service.invite(newcomer)
    newcomer.is_active = False
    newcomer.save()
    assert client.get(link_in(mail.outbox[0])).status_code == 410


def test_only_the_digest_of_the_token_is_stored(newcomer):
    invitation_service.invite(newcomer)
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    stored = Invitation.objects.get(user=newcomer)
    assert token not in stored.token_digest and len(stored.token_digest) == 64


def test_the_administrator_sees_the_status_and_sends_it_again(client_for, admin_user, newcomer):
    client = client_for(admin_user)
    page = client.get(f"/admin/users/edit/{newcomer.pk}/").content.decode()
    assert "Not invited" in page and "Send an invitation" in page
    response = client.post(f"/admin/people/{newcomer.pk}/invite/")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "A new invitation has been emailed to newcomer@test.example" in page
    assert "Invited on" in page and "Send the invitation again" in page
    assert len(mail.outbox) == 1
    Invitation.objects.filter(user=newcomer).update(expires_at=timezone.now() - timedelta(days=1))
    assert "Expired on" in client.get(f"/admin/users/edit/{newcomer.pk}/").content.decode()


@pytest.mark.parametrize("role", ["la_officer", "board_member", "school_lead", "no_role"])
def test_only_administrators_send_invitations(client_for, everyone, newcomer, role):
    response = client_for(everyone[role]).post(f"/admin/people/{newcomer.pk}/invite/")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/login" in response["Location"] or response["Location"] == "/admin/"
    assert not mail.outbox


def test_the_demo_shows_an_invitation_waiting_and_one_expired(db):
    from portal.demo import seed

    seed()
    seed()  # idempotent
    now = timezone.now()
    statuses = {i.user.email: i.status(now) for i in Invitation.objects.select_related("user")}
    assert statuses == {"priya.shah@example.org": "invited", "dan.wood@example.org": "expired"}
    assert not User.objects.get(email="priya.shah@example.org").has_usable_password()
