"""Every page's footer carries the LA's urgent-help numbers, read from a cache with bounded queries."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Site

from home.context_processors import urgent_help
from home.models import UrgentHelpSettings


def _set_numbers(**values):
    setting = UrgentHelpSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(setting, name, value)
    setting.save()


@pytest.mark.parametrize("url", ["/", "/offers/", "/accounts/login/"])
def test_without_numbers_the_footer_says_999_and_names_the_advice_point(client, db, url):
    _set_numbers(duty_team_phone="", out_of_hours_phone="", advice_point_phone="0116 454 1004")
    html = client.get(url).content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    assert 'call <a href="tel:999">999</a>' in footer
    assert 'Contact the Advice Point on <a class="phone" href="tel:01164541004">0116 454 1004</a>' in footer
    assert 'href="tel:"' not in footer  # never an empty number


@pytest.mark.parametrize("url", ["/", "/offers/", "/accounts/login/"])
def test_the_footer_shows_the_duty_and_out_of_hours_numbers_on_public_and_portal_pages(client, db, url):
    _set_numbers(duty_team_phone="0116 496 0101", out_of_hours_phone="0116 496 0102")
    footer = client.get(url).content.decode().split('<footer class="site-footer"')[1]
    assert '<a class="phone" href="tel:01164960101">0116 496 0101</a>' in footer
    assert 'out of hours on <a class="phone" href="tel:01164960102">0116 496 0102</a>' in footer


def test_the_footer_on_a_signed_in_portal_page(client_for, la_officer):
    _set_numbers(duty_team_phone="0116 496 0101")
    html = client_for(la_officer).get("/dashboard/").content.decode()
    assert '<a class="phone" href="tel:01164960101">0116 496 0101</a>' in html.split('<footer class="site-footer"')[1]


def test_a_change_to_the_numbers_shows_at_once(client, db):
    _set_numbers(duty_team_phone="0116 496 0101")
    assert "0116 496 0101" in client.get("/offers/").content.decode()
    _set_numbers(duty_team_phone="0116 496 0199")
    html = client.get("/offers/").content.decode()
    assert "0116 496 0199" in html and "0116 496 0101" not in html


def test_the_setting_is_read_with_one_query_then_none(db, django_assert_num_queries):
    _set_numbers(duty_team_phone="0116 496 0101")
    cache.clear()
    factory = RequestFactory()
    with django_assert_num_queries(1):
        assert urgent_help(factory.get("/"))["urgent_help"]["duty_team_phone"] == "0116 496 0101"
    with django_assert_num_queries(0):
        for _ in range(5):
            assert urgent_help(factory.get("/offers/"))["urgent_help"]["duty_team_phone"] == "0116 496 0101"


def test_reading_the_numbers_never_creates_a_setting(db, django_assert_num_queries):
    """A GET writes nothing: with no setting saved yet, the footer reads one query and shows no numbers."""
    from home.models import UrgentHelpSettings

    UrgentHelpSettings.objects.all().delete()
    cache.clear()
    with django_assert_num_queries(1):
        assert urgent_help(RequestFactory().get("/"))["urgent_help"]["duty_team_phone"] == ""
    assert not UrgentHelpSettings.objects.exists()


def test_the_requested_sites_numbers_come_before_the_default_sites(db, settings):
    from wagtail.models import Page, Site

    from home.models import UrgentHelpSettings

    _set_numbers(duty_team_phone="0116 496 0101")  # the default site's
    other = Site.objects.create(hostname="other.example", root_page=Page.objects.get(depth=1), is_default_site=False)
    UrgentHelpSettings.objects.create(site=other, duty_team_phone="0116 496 0222")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    cache.clear()
    factory = RequestFactory()
    assert urgent_help(factory.get("/", HTTP_HOST="other.example"))["urgent_help"]["duty_team_phone"] == "0116 496 0222"
    assert urgent_help(factory.get("/"))["urgent_help"]["duty_team_phone"] == "0116 496 0101"
