"""The partnership core's own rules: URNs, school phases, people and memberships."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from portal.models import Locality, Membership, Organisation, User


def school(**overrides):
    fields = {"name": "Oak Primary", "kind": "school", "phase": "primary", "urn": "123456"}
    fields.update(overrides)
    return Organisation(**fields)


@pytest.mark.django_db
class TestOrganisationValidation:
    def test_a_valid_school_passes(self):
        school().full_clean()

    @pytest.mark.parametrize("urn", ["12345", "1234567", "12a456", "012345", " 123456"])
    def test_urn_must_be_six_digits(self, urn):
        with pytest.raises(ValidationError) as error:
            school(urn=urn).full_clean()
        assert "6-digit" in str(error.value.message_dict["urn"])

    def test_school_needs_phase_and_urn(self):
        with pytest.raises(ValidationError) as error:
            school(phase="", urn="").full_clean()
        assert set(error.value.message_dict) == {"phase", "urn"}

    def test_only_schools_have_urns(self):
        with pytest.raises(ValidationError) as error:
            Organisation(name="Police", kind="agency", urn="123456").full_clean()
        assert "Only schools" in error.value.message_dict["urn"][0]

    def test_urn_is_unique(self):
        school().save()
        with pytest.raises(ValidationError) as error:
            school(name="Another").full_clean()
        assert "urn" in error.value.message_dict
        with pytest.raises(IntegrityError):
            school(name="Another").save()

    def test_many_agencies_without_urn_are_allowed(self):
        Organisation.objects.create(name="A", kind="agency", urn="")
        Organisation.objects.create(name="B", kind="agency", urn="")
        assert Organisation.objects.filter(urn__isnull=True).count() == 2

    def test_slug_is_made_unique(self):
        first = Organisation.objects.create(name="Focus", kind="agency")
        second = Organisation.objects.create(name="Focus", kind="commissioner")
        assert (first.slug, second.slug) == ("focus", "focus-2")

    def test_active_and_schools_querysets(self):
        school().save()
        Organisation.objects.create(name="Closed", kind="agency", status="closed")
        assert list(Organisation.objects.schools().values_list("name", flat=True)) == ["Oak Primary"]
        assert list(Organisation.objects.active().values_list("name", flat=True)) == ["Oak Primary"]


@pytest.mark.django_db
def test_locality_slug_from_name():
    assert Locality.objects.create(name="North West").slug == "north-west"


@pytest.mark.django_db
class TestPeople:
    def test_email_is_the_username_and_is_stored_lower_case(self):
        user = User.objects.create_user(email="Jo.Bloggs@Example.ORG", password="x-Long-password-1")
        assert user.email == "jo.bloggs@example.org"
        assert User.USERNAME_FIELD == "email"
        assert not hasattr(user, "username") or user.username is None

    def test_a_person_may_belong_to_several_organisations_once_each(self):
        user = User.objects.create_user(email="a@example.org", password="x-Long-password-1")
        one = Organisation.objects.create(name="One", kind="agency")
        two = Organisation.objects.create(name="Two", kind="agency")
        Membership.objects.create(user=user, organisation=one, role="lead")
        Membership.objects.create(user=user, organisation=two, role="editor")
        assert user.memberships.count() == 2
        with pytest.raises(IntegrityError):
            Membership.objects.create(user=user, organisation=one, role="editor")

    def test_superuser_creation(self):
        admin = User.objects.create_superuser(email="root@example.org", password="x-Long-password-1")
        assert admin.is_superuser and admin.is_staff
