"""Demo data (idempotent, the seed's signatories) and the dashboard sections."""

from datetime import timedelta

import pytest
from django.urls import reverse

from pledges import demo
from pledges.models import DesignatedLead, PledgeStatus, Signature
from portal import demo as portal_demo
from portal.models import Membership, Organisation, User

from .conftest import IN_PROGRESS, MET, NOT_APPLICABLE


@pytest.fixture
def demo_data(db):
    portal_demo.seed()
    demo.seed()


SEED_SIGNATORIES = {
    "Leicester City Council – Public Health": ("Ruth Tennant", "Director of Public Health"),
    "Gateway College": ("Suzanne Overton-Edwards", "Principal"),
    "Leicestershire Police – Leicester City": ("Supt Simon Cure", "Leicestershire Police"),
    "Leicester City Council – Education and Children's Services": ("Frances Craven", "Director of Education"),
    "Rushey Mead Primary School": ("Debra Bailey", "Headteacher"),
    "Jobcentre Plus Leicester (Department for Work and Pensions)": ("Roger Matthews", "Senior Operations Leader"),
    "Leicester Safeguarding Children Partnership Board": ("Jenny Myers", "Independent Chair"),
    "Leicestershire Partnership NHS Trust – Families, Young People and Children's Services": (
        "Helen Thompson",
        "Divisional Director",
    ),
    "Soft Touch Arts": ("Vince Attwood", "Director"),
    "Leicester City Clinical Commissioning Group": ("Sue Lock", "Managing Director"),
    "English Martyrs' Catholic School": ("Marius Carney", "Headteacher"),
    "Focus Young People's Service": ("Matt Lilley", "Director"),
}


def test_seed_signatories_signed_by_the_people_the_strategy_names(demo_data):
    for org_name, (name, role_part) in SEED_SIGNATORIES.items():
        signature = Signature.objects.get(organisation__name=org_name)
        assert signature.signatory_name == name and role_part in signature.signatory_role
    lpt = Signature.objects.get(organisation__name__startswith="Leicestershire Partnership NHS Trust")
    assert "give full support to the partnership pledges" in lpt.statement and "Janet Harrison" in lpt.statement


def test_at_least_15_other_partners_in_varied_states(demo_data, today):
    names = [partner[0] for partner in demo.OTHER_PARTNERS]
    assert len(names) >= 15 and not set(names) & set(SEED_SIGNATORIES)
    others = Organisation.objects.filter(name__in=names)
    assert others.count() == len(names)
    signed = others.filter(pledge_signatures__isnull=False).distinct().count()
    assert 0 < signed < len(names)
    assert others.filter(pledge_statuses__isnull=True).exists()  # nothing recorded yet
    statuses = PledgeStatus.objects.filter(organisation__in=others)
    assert statuses.filter(status=MET).exists() and statuses.filter(status=IN_PROGRESS).exists()
    assert statuses.filter(review_date__lt=today).exists()  # overdue reviews
    assert statuses.filter(review_date__gte=today, review_date__lte=today + timedelta(days=30)).exists()  # due soon
    not_applicable = PledgeStatus.objects.filter(status=NOT_APPLICABLE)
    assert not_applicable.exists() and set(not_applicable.values_list("organisation__kind", flat=True)) == {
        "commissioner"
    }
    assert all(record.not_applicable_reason for record in not_applicable)


def test_an_unsigned_organisation_has_a_demo_lead_who_can_sign(demo_data, client):
    user = User.objects.get(email=demo.UNSIGNED_LEAD[0])
    membership = Membership.objects.get(user=user)
    assert (
        membership.role == Membership.Role.LEAD
        and not Signature.objects.filter(organisation=membership.organisation).exists()
    )
    assert client.login(email=user.email, password=portal_demo.DEMO_PASSWORD)
    assert client.get(reverse("pledges:sign", args=[membership.organisation.slug])).status_code == 200


def test_seeding_twice_changes_nothing(demo_data):
    counts = (
        Signature.objects.count(),
        PledgeStatus.objects.count(),
        DesignatedLead.objects.count(),
        User.objects.count(),
    )
    portal_demo.seed()
    demo.seed()
    assert (
        Signature.objects.count(),
        PledgeStatus.objects.count(),
        DesignatedLead.objects.count(),
        User.objects.count(),
    ) == counts


def test_lead_contacts_never_on_the_public_page(demo_data, client):
    content = client.get(reverse("pledges:signatories")).content.decode()
    assert "Ruth Tennant" in content and "Vince Attwood" in content
    for lead in DesignatedLead.objects.all():
        assert lead.email not in content


class TestDashboard:
    def test_la_sees_overdue_reviews_with_links_and_the_board_the_overview(
        self, client_for, la_officer, board_member, school, set_status
    ):
        set_status(school, 2, MET, -5)
        content = client_for(la_officer).get(reverse("dashboard")).content.decode()
        assert "Pledge reviews overdue" in content
        assert f'href="{reverse("pledges:pledge", args=[school.slug, 2])}"' in content
        assert "Open the compliance matrix" in content
        board = client_for(board_member).get(reverse("dashboard")).content.decode()
        assert "Pledge reviews overdue" not in board
        assert 'href="/board/overview/"' in board

    def test_board_with_nothing_overdue(self, client_for, la_officer, school):
        content = client_for(la_officer).get(reverse("dashboard")).content.decode()
        assert "No pledge reviews are overdue. 0 of 1 organisations have signed." in content

    def test_lead_is_asked_to_sign_and_told_of_reviews(self, client_for, school_lead, school, set_status):
        set_status(school, 1, MET, 3)
        content = client_for(school_lead).get(reverse("dashboard")).content.decode()
        assert "Sign the pledges" in content and "Review due soon" in content
        assert f'href="{reverse("pledges:pledge", args=[school.slug, 1])}"' in content

    def test_editor_is_told_the_lead_signs(self, client_for, school_editor, school):
        content = client_for(school_editor).get(reverse("dashboard")).content.decode()
        assert "Not signed yet: your lead signs" in content

    def test_signed_organisation_with_nothing_due(self, client_for, school_lead, school, sign):
        sign(school)
        content = client_for(school_lead).get(reverse("dashboard")).content.decode()
        assert "No pledge reviews are due in the next 30 days." in content

    def test_no_section_for_people_without_a_role(self, client_for, no_role_user):
        assert "Partnership pledges" not in client_for(no_role_user).get(reverse("dashboard")).content.decode()
