"""A lead signs the pledges; the public page lists signatories and statements."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse

from pledges.framework_kind import PledgesFramework
from pledges.models import Signature
from portal import frameworks

LEICESTER_2016 = PledgesFramework.examples / "leicester-2016.json"


def sign_data(**overrides):
    data = {
        "signatory_name": "Jo Head",
        "signatory_role": "Headteacher",
        "signed_on": "2026-01-20",
        "statement": "We are proud to sign.",
        "confirm": "on",
    }
    data.update(overrides)
    return data


def test_sign_page_shows_the_pledges_with_their_commentary(client_for, school_lead, school, pledge_set):
    response = client_for(school_lead).get(reverse("pledges:sign", args=[school.slug]))
    content = response.content.decode()
    assert "We, the undersigned, pledge our support" in content
    for pledge in pledge_set.pledges.all():
        assert pledge.title in content
    assert "Involving the Designated Lead does not pass on individual responsibility" in content
    assert "Commissioners signing this pledge commit to embedding the principles" in content
    # Prefilled from the lead's account
    assert f'value="{school_lead.get_full_name()}"' in content


def test_lead_signs_and_appears_on_the_public_page(client, client_for, school_lead, school, pledge_set):
    response = client_for(school_lead).post(reverse("pledges:sign", args=[school.slug]), sign_data())
    assert response.status_code == 302
    signature = Signature.objects.get(organisation=school)
    assert signature.pledge_set == pledge_set  # keeps the version signed
    assert signature.recorded_by == school_lead
    assert (signature.signatory_name, signature.signatory_role, str(signature.signed_on)) == (
        "Jo Head",
        "Headteacher",
        "2026-01-20",
    )
    public = client.get(reverse("pledges:signatories")).content.decode()
    assert school.name in public and "Jo Head" in public and "Headteacher" in public
    assert "We are proud to sign." in public and "20 January 2026" in public
    overview = client_for(school_lead).get(reverse("pledges:organisation", args=[school.slug])).content.decode()
    assert "Jo Head, Headteacher" in overview and "Not signed" not in overview


def test_statement_is_optional(client_for, school_lead, school):
    client_for(school_lead).post(reverse("pledges:sign", args=[school.slug]), sign_data(statement=""))
    assert Signature.objects.get(organisation=school).statement == ""


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("signatory_name", "", "Enter the name of the person signing."),
        ("signatory_role", "", "Enter the signatory&#x27;s role."),
        ("signed_on", "", "Enter the date the pledges were signed."),
        ("signed_on", "31/02/2026", "Enter a real date"),
        ("confirm", "", "Confirm that you are authorised to sign for your organisation."),
    ],
)
def test_sign_errors_are_shown_by_the_field_and_keep_the_input(client_for, school_lead, school, field, value, message):
    data = sign_data(**{field: value})
    if field == "confirm":
        del data["confirm"]
    response = client_for(school_lead).post(reverse("pledges:sign", args=[school.slug]), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert f'href="#id_{field}"' in content  # the error summary links to the field
    assert "<title>Error: " in content
    assert "We are proud to sign." in content  # nothing typed is lost
    assert not Signature.objects.exists()


def test_cannot_sign_with_a_future_date(client_for, school_lead, school, today):
    response = client_for(school_lead).post(
        reverse("pledges:sign", args=[school.slug]), sign_data(signed_on=str(today + timedelta(days=1)))
    )
    assert "The date signed must be today or in the past." in response.content.decode()
    assert not Signature.objects.exists()


def test_signing_twice_is_refused_with_a_message(client_for, school_lead, school, sign):
    sign(school)
    client = client_for(school_lead)
    get = client.get(reverse("pledges:sign", args=[school.slug]), follow=True)
    assert "already signed the current pledges" in get.content.decode()
    post = client.post(reverse("pledges:sign", args=[school.slug]), sign_data())
    assert "already signed the current pledges" in post.content.decode()
    assert Signature.objects.filter(organisation=school).count() == 1


def test_lead_changes_the_public_statement_with_stale_edit_detection(client_for, school_lead, school, sign):
    signature = sign(school, statement="Old words")
    url = reverse("pledges:signature", args=[school.slug])
    client = client_for(school_lead)
    data = {
        "signatory_name": "Pat Signer",
        "signatory_role": "CEO",
        "statement": "New words",
        "version": signature.version,
    }
    assert client.post(url, data).status_code == 302
    signature.refresh_from_db()
    assert signature.statement == "New words"
    stale = client.post(url, {**data, "statement": "Late words"})  # same starting version: someone saved since
    assert "Someone else saved changes" in stale.content.decode() and "Late words" in stale.content.decode()
    signature.refresh_from_db()
    assert signature.statement == "New words"


def test_signature_page_is_404_before_signing(client_for, school_lead, school):
    assert client_for(school_lead).get(reverse("pledges:signature", args=[school.slug])).status_code == 404


def test_revised_pledges_keep_old_signatures_and_invite_a_new_one(client_for, school_lead, school, sign, pledge_set):
    old = sign(school)
    data = json.loads(LEICESTER_2016.read_text(encoding="utf-8"))
    del data["version"]
    data["pledges"][0]["title"] = "Name a Designated Lead for Early Help (revised)"
    kind = frameworks.kind("pledges")
    result = frameworks.load(kind, kind.parse(data), make_current=True)
    revised = result.framework
    assert result.outcome == "new_version" and revised.version == 2 and revised.is_current
    old.refresh_from_db()
    assert old.pledge_set == pledge_set  # the signature keeps the version it signed
    client = client_for(school_lead)
    overview = client.get(reverse("pledges:organisation", args=[school.slug])).content.decode()
    assert "revised the pledges (version 2)" in overview
    assert "Name a member of staff as the Designated Lead" in overview  # still working to what it signed
    client.post(reverse("pledges:sign", args=[school.slug]), sign_data())
    assert Signature.objects.filter(organisation=school).count() == 2
    overview = client.get(reverse("pledges:organisation", args=[school.slug])).content.decode()
    assert "(revised)" in overview and "revised the pledges" not in overview


def test_public_page_lists_only_active_organisations_latest_signature(client, school, other_school, sign):
    sign(school, name="Open School Head")
    sign(other_school, name="Closed School Head")
    other_school.status = "closed"
    other_school.save()
    content = client.get(reverse("pledges:signatories")).content.decode()
    assert "Open School Head" in content and "Closed School Head" not in content
    assert "Who has signed (1)" in content
