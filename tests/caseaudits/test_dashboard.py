"""The dashboard section: what each role can act on."""

import re
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from caseaudits.models import CaseAudit


def dashboard(client_for, user):
    """The page with runs of white space squeezed to one space."""
    return re.sub(r"\s+", " ", client_for(user).get(reverse("dashboard")).content.decode())


def test_la_officers_see_what_awaits_them(client_for, la_officer, second_officer, audit, make_audit, agency):
    make_audit(agency, auditor=second_officer, actions=[("Late action.", timezone.localdate() - timedelta(days=3))])
    CaseAudit.objects.update(sampled_at=timezone.now())
    page = dashboard(client_for, la_officer)
    assert "Case-file audits" in page
    # One sampled audit is la_officer's own, so only the other awaits them.
    assert 'awaiting a second officer</a> <strong class="tag tag--amber">1</strong>' in page
    assert reverse("caseaudits:create") in page and reverse("caseaudits:import") in page
    assert 'actions overdue</a> <strong class="tag tag--red">2</strong>' in page  # the fixture's 2018 one and this


def test_the_board_is_led_to_the_overview_for_the_quarters_figures(client_for, board_member, make_audit, agency):
    make_audit(agency, reference="EHA-600001", audit_date=date(2018, 5, 1))
    page = dashboard(client_for, board_member)
    assert "Quarterly EHA principle reports" not in page  # the overview reads the report's own selector
    assert 'href="/board/overview/"' in page
    assert "EHA-6000" not in page


def test_the_lead_agency_sees_its_audits_and_actions(client_for, agency_lead, audit):
    page = dashboard(client_for, agency_lead)
    assert "Case-file audits of cases you lead" in page
    assert "1 audit of your cases" in page and "1 not done yet" in page and "1 overdue" in page


def test_organisations_without_audited_cases_see_no_section(client_for, other_school_lead, no_role_user, audit):
    assert "Case-file audits" not in dashboard(client_for, other_school_lead)
    assert "Case-file audits" not in dashboard(client_for, no_role_user)
