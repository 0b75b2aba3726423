"""Optional two-factor sign-in for LA officers, board members and administrators."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from testdata.people import PASSWORD


def current_code(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():06d}"


def set_up(client):
    page = client.get("/accounts/two-factor/set-up/")
    device = TOTPDevice.objects.get(confirmed=False)
    return page, device


def test_officer_turns_on_two_factor_with_a_code(client_for, la_officer):
    client = client_for(la_officer)
    page, device = set_up(client)
    content = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in content and "Key:" in content
    wrong = client.post(
        "/accounts/two-factor/set-up/", {"token": "000000" if current_code(device) != "000000" else "111111"}
    )
    assert "That code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    throttled = client.post("/accounts/two-factor/set-up/", {"token": current_code(device)})
    assert "Too many wrong codes" in throttled.content.decode()  # guessing is slowed down
    device.refresh_from_db()
    device.throttle_reset()
    done = client.post("/accounts/two-factor/set-up/", {"token": current_code(device)}, follow=True)
    assert "Two-factor sign-in is on" in done.content.decode()
    assert TOTPDevice.objects.get(user=la_officer).confirmed


@pytest.fixture
def officer_with_device(la_officer):
    return TOTPDevice.objects.create(user=la_officer, name="Authenticator app", confirmed=True)


def test_after_the_password_every_page_waits_for_the_code(client, la_officer, officer_with_device):
    signed_in = client.post("/accounts/login/", {"username": la_officer.email, "password": PASSWORD}, follow=True)
    assert signed_in.redirect_chain[-1][0].startswith("/accounts/two-factor/verify/?next=/dashboard/")
    assert "Enter the code from your authenticator app" in signed_in.content.decode()
    assert client.get("/organisations/anything/").status_code == 302
    bad = client.post("/accounts/two-factor/verify/", {"token": "12ab", "next": "/dashboard/"})
    assert "Enter the 6-digit code" in bad.content.decode()
    good = client.post(
        "/accounts/two-factor/verify/", {"token": current_code(officer_with_device), "next": "/dashboard/"}
    )
    assert good.status_code == 302 and good["Location"] == "/dashboard/"
    assert "Local-authority quality assurance" in client.get("/dashboard/").content.decode()


def test_the_wagtail_admin_also_waits_for_the_code(client, admin_user):
    TOTPDevice.objects.create(user=admin_user, name="Authenticator app", confirmed=True)
    client.post("/admin/login/", {"username": admin_user.email, "password": PASSWORD})
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/verify/")


def test_a_code_cannot_be_used_twice(client, la_officer, officer_with_device):
    client.post("/accounts/login/", {"username": la_officer.email, "password": PASSWORD})
    code = current_code(officer_with_device)
    assert client.post("/accounts/two-factor/verify/", {"token": code}).status_code == 302
    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"username": la_officer.email, "password": PASSWORD})
    again = client.post("/accounts/two-factor/verify/", {"token": code})
    assert again.status_code == 200 and "not right" in again.content.decode()


def test_verify_never_redirects_to_another_site(client, la_officer, officer_with_device):
    client.post("/accounts/login/", {"username": la_officer.email, "password": PASSWORD})
    response = client.post(
        "/accounts/two-factor/verify/", {"token": current_code(officer_with_device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/dashboard/"


def test_turning_off_needs_a_current_code(client_for, la_officer, officer_with_device):
    client = client_for(la_officer)
    session = client.session
    session["otp_device_id"] = officer_with_device.persistent_id
    session.save()
    refused = client.post(
        "/accounts/two-factor/turn-off/",
        {"token": "999999" if current_code(officer_with_device) != "999999" else "888888"},
    )
    assert "not right" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=la_officer).exists()
    officer_with_device.refresh_from_db()
    officer_with_device.throttle_reset()
    client.post("/accounts/two-factor/turn-off/", {"token": current_code(officer_with_device, offset=1)})
    assert not TOTPDevice.objects.filter(user=la_officer).exists()


@pytest.mark.parametrize(
    "role, allowed",
    [
        ("la_officer", True),
        ("board_member", True),
        ("admin", True),
        ("school_lead", False),
        ("agency_editor", False),
        ("no_role", False),
    ],
)
def test_offered_to_partnership_wide_roles_only(client_for, everyone, role, allowed):
    client = client_for(everyone[role])
    assert client.get("/accounts/two-factor/").status_code == (200 if allowed else 403)
    assert ("Account security" in client.get("/dashboard/").content.decode()) == allowed
    if not allowed:
        assert client.get("/accounts/two-factor/set-up/").status_code == 403
        assert not TOTPDevice.objects.exists()


def test_people_without_a_device_are_never_held(client_for, school_lead):
    assert client_for(school_lead).get("/dashboard/").status_code == 200
