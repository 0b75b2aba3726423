"""Dashboard sections: what each role can act on, with links and counts."""

from django.urls import reverse

from audits import services


def dashboard(client_for, user):
    return client_for(user).get(reverse("dashboard")).content.decode()


def test_school_sees_start_then_continue_then_submitted(client_for, school_lead, school, framework, this_year):
    page = dashboard(client_for, school_lead)
    assert f"{school.name}: start the {this_year} audit" in page and "Not started" in page
    audit = services.start_audit(school, this_year, school_lead)
    page = dashboard(client_for, school_lead)
    assert f"{school.name}: continue the {this_year} audit" in page
    assert f'href="/audits/{audit.pk}/steps/"' in page and "In progress" in page
    services.submit_audit(audit, school_lead, audit.version)
    page = dashboard(client_for, school_lead)
    assert f'href="/audits/{audit.pk}/"' in page and "Submitted" in page and "Overall Not started" in page


def test_la_and_board_see_city_counts(client_for, la_officer, board_member, audit, this_year):
    page = dashboard(client_for, la_officer)
    assert f"Schools commitments, {this_year} (city-wide)" in page
    assert f"1 of 1 schools have started their {this_year} audit" in page
    assert "Record an offer quality visit" in page and "0 offer quality visits recorded" in page
    board = dashboard(client_for, board_member)  # the board reads the figures on the partnership overview
    assert "(city-wide)" not in board and "Record an offer quality visit" not in board
    assert 'href="/board/overview/"' in board


def test_agency_sees_no_audit_section(client_for, agency_lead):
    assert "commitments audit" not in dashboard(client_for, agency_lead).lower()
