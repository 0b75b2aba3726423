"""The public home page and the accessible base layout."""

import re

import pytest

from home import demo as home_demo


@pytest.fixture
def home_html(client, db):
    return client.get("/").content.decode()


def test_home_page_says_what_the_partnership_is(home_html):
    assert "<h1>Early Help in Leicester</h1>" in home_html
    assert "families get help as soon as problems start" in home_html
    assert 'action="/offers/"' in home_html  # where to find help


def test_base_layout_has_skip_link_landmarks_and_language(home_html):
    assert '<html lang="en-GB">' in home_html
    assert '<a href="#main-content" class="skip-link">Skip to main content</a>' in home_html
    assert 'id="main-content"' in home_html and "<main" in home_html
    assert 'role="banner"' in home_html and 'role="contentinfo"' in home_html
    assert '<nav class="site-nav" aria-label="Main">' in home_html
    assert '<meta name="viewport"' in home_html


def test_nothing_is_loaded_from_another_site(home_html):
    sources = re.findall(r'(?:src|href)="([^"]+)"', home_html)
    assert sources, "the page should load its own stylesheet"
    for source in sources:
        assert not re.match(r"^(https?:)?//", source), source


def test_demo_home_page_lists_where_to_find_help(client, db):
    home_demo.seed_home_page()
    html = client.get("/").content.decode()
    assert "Where to find help" in html
    assert "Early Help Advice Points" in html
    assert 'href="/offers/?kind=school"' in html


def test_signed_in_header_offers_dashboard_and_sign_out(client_for, school_lead):
    html = client_for(school_lead).get("/").content.decode()
    assert 'href="/dashboard/"' in html
    assert ">Sign out<" in html


def test_wagtail_admin_login_is_served(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_unknown_page_is_a_friendly_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
