"""The demo partnership: believable, complete, idempotent, and never loaded onto a live site by accident."""

import pytest
from django.core.management import CommandError, call_command

from portal import demo as portal_demo
from portal.demo import ACCOUNTS, DEMO_PASSWORD
from portal.management.commands import seed_demo
from portal.models import Locality, Membership, Organisation, User


def counts():
    return (Locality.objects.count(), Organisation.objects.count(), User.objects.count(), Membership.objects.count())


@pytest.mark.django_db
def test_seed_demo_builds_the_partnership_and_is_idempotent(settings):
    # One test for the whole command run twice (seeding the partnership takes a while): what the first run
    # builds, then that a second run duplicates nothing and leaves a password someone changed alone.
    settings.DEBUG = True
    call_command("seed_demo")
    first = counts()
    assert Locality.objects.count() == 6
    schools = Organisation.objects.schools()
    assert schools.count() >= 40
    assert set(schools.values_list("phase", flat=True)) == set(Organisation.Phase.values)
    agencies = Organisation.objects.exclude(kind="school")
    assert agencies.filter(kind="agency").count() + agencies.filter(kind="la_service").count() >= 15
    assert {"health", "police", "employment", "voluntary", "council"} <= set(agencies.values_list("sector", flat=True))
    assert agencies.filter(name__icontains="Jobcentre").exists()
    assert schools.filter(phase="college").exists()
    assert User.objects.get(email="school.editor@example.org").memberships.count() == 2

    lead = User.objects.get(email="school.lead@example.org")
    lead.set_password("my-Own-password-99")
    lead.save()
    call_command("seed_demo")
    assert counts() == first
    lead.refresh_from_db()
    assert lead.check_password("my-Own-password-99")


@pytest.mark.django_db
def test_every_demo_account_signs_in_and_lands_on_its_dashboard(settings, client):
    portal_demo.seed()  # the accounts and their organisations; the features' records do not change where they land
    expected = {
        "admin@example.org": "Site administrator",
        "qa.officer@example.org": "Local-authority quality assurance",
        "board.member@example.org": "Strategic board",
        "school.lead@example.org": "Organisation lead",
        "school.editor@example.org": "Organisation editor",
    }
    for email, *_ in ACCOUNTS:
        client.logout()
        response = client.post("/accounts/login/", {"username": email, "password": DEMO_PASSWORD}, follow=True)
        assert response.redirect_chain[-1][0] == "/dashboard/", email
        if email in expected:
            assert expected[email] in response.content.decode()


@pytest.mark.django_db
def test_refuses_with_debug_off_unless_forced(settings, monkeypatch):
    # the refusal is the point, not the features: only the core's seeder runs
    monkeypatch.setattr(seed_demo, "demo_seeders", lambda: [portal_demo.seed])
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing to load demo data"):
        call_command("seed_demo")
    assert not Organisation.objects.exists()
    call_command("seed_demo", force=True)
    assert Organisation.objects.exists()


@pytest.mark.django_db
def test_if_new_leaves_an_existing_database_alone(settings, agency):
    settings.DEBUG = True
    agency.phone = "kept"
    agency.save()
    call_command("seed_demo", if_new=True)
    assert Organisation.objects.count() == 1
    agency.refresh_from_db()
    assert agency.phone == "kept"
