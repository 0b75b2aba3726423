"""Hardening: login throttling, security headers and the Content-Security-Policy."""

import re

import pytest

from testdata.people import PASSWORD


@pytest.fixture
def throttled(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def attempt(client, email, password):
    return client.post("/accounts/login/", {"username": email, "password": password}, REMOTE_ADDR="10.9.8.7")


def test_repeated_failures_lock_the_account_from_that_address(client, school_lead, throttled):
    for _ in range(3):
        assert attempt(client, school_lead.email, "wrong").status_code in (200, 429)
    locked = attempt(client, school_lead.email, PASSWORD)
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_resets_the_count(client, school_lead, throttled):
    attempt(client, school_lead.email, "wrong")
    attempt(client, school_lead.email, "wrong")
    assert attempt(client, school_lead.email, PASSWORD).status_code == 302
    client.logout()
    attempt(client, school_lead.email, "wrong")
    attempt(client, school_lead.email, "wrong")
    assert attempt(client, school_lead.email, PASSWORD).status_code == 302


def test_lockout_of_one_person_does_not_lock_another(client, school_lead, school_editor, throttled):
    for _ in range(3):
        attempt(client, school_lead.email, "wrong")
    assert attempt(client, school_editor.email, PASSWORD).status_code == 302


def test_wagtail_admin_login_is_throttled_too(client, admin_user, throttled):
    for _ in range(3):
        client.post("/admin/login/", {"username": admin_user.email, "password": "wrong"}, REMOTE_ADDR="10.9.8.7")
    response = client.post(
        "/admin/login/", {"username": admin_user.email, "password": PASSWORD}, REMOTE_ADDR="10.9.8.7"
    )
    assert response.status_code == 429


def test_public_pages_send_a_strict_content_security_policy(client, db):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy


def test_admin_gets_only_the_relaxations_it_needs(client, db):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy
    assert "default-src 'self'" in policy


def test_security_headers(client, db):
    response = client.get("/")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_session_and_csrf_cookies_are_http_only(client, school_lead, settings):
    response = client.post("/accounts/login/", {"username": school_lead.email, "password": PASSWORD})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert settings.CSRF_COOKIE_HTTPONLY


def test_public_templates_have_no_inline_script_or_style(client, db):
    html = client.get("/").content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script> would be blocked by the CSP"
    assert " style=" not in html


def test_the_admin_sends_no_email_hashes_to_gravatar(client_for, admin_user):
    """Wagtail's default avatar comes from gravatar.com, keyed by a hash of the person's email: not here."""
    account = client_for(admin_user).get("/admin/account/").content.decode()
    assert "avatar" in account and "gravatar" not in account
