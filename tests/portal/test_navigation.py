"""The header's sections come from one registry (portal/navigation.py) that each feature fills from its
own navigation.py: role by role, each person sees the sections they may use, and no more; the current one
is marked; breadcrumbs and sub-navigation follow from the same sections."""

import re

import pytest
from django.test import Client

from portal.navigation import Navigation, NavLink, NavSection, _current_link

EVERY = [
    "Dashboard",
    "Find Early Help",
    "Offers",
    "Pledges",
    "Commitments",
    "Case-file audits",
    "Maturity",
    "Performance",
    "Board",
]
EXPECTED = {
    "anonymous": ["Find Early Help"],
    "admin": EVERY + ["Frameworks", "Audit trail", "Administration"],
    "la_officer": EVERY + ["Frameworks", "Audit trail"],
    # The board: no offer register, no audit trail; the case-file audits' reports only.
    "board_member": [
        "Dashboard",
        "Find Early Help",
        "Pledges",
        "Commitments",
        "Case-file audits",
        "Maturity",
        "Performance",
        "Board",
        "Frameworks",
    ],
    # A school's people: their school's audit; case-file audits only once a case they lead is audited.
    "school_lead": ["Dashboard", "Find Early Help", "Pledges", "Commitments audit", "Maturity", "Performance"],
    "school_editor": ["Dashboard", "Find Early Help", "Pledges", "Commitments audit", "Maturity", "Performance"],
    "agency_lead": ["Dashboard", "Find Early Help", "Pledges", "Maturity", "Performance"],
    "no_role": ["Dashboard", "Find Early Help"],
}


def header(html):
    nav = re.search(r'<nav class="site-nav" aria-label="Main">(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"( aria-current="\w+")?>([^<]+)</a>', nav)


def page_for(user, path):
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(path, follow=True)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_sees_the_sections_it_may_use(everyone, role):
    user = everyone[role]
    html = page_for(user, "/offers/" if user is None else "/dashboard/")
    assert [label for _, _, label in header(html)] == EXPECTED[role]


@pytest.mark.parametrize("role", ["la_officer", "board_member", "school_lead", "agency_lead", "no_role"])
def test_every_section_in_the_header_opens_and_is_marked_current(everyone, role):
    user = everyone[role]
    for url, _, label in header(page_for(user, "/dashboard/")):
        if url.startswith("/admin/"):
            continue
        current = [text for _, mark, text in header(page_for(user, url)) if mark]
        assert current == [label], f"{role}: {url} marks {current}"


def test_a_lead_agency_sees_case_file_audits_once_its_cases_are_audited(agency_lead, agency, la_officer):
    from datetime import date

    from caseaudits.models import Framework
    from testdata.caseaudits import make_case_audit

    assert "Case-file audits" not in [label for *_, label in header(page_for(agency_lead, "/dashboard/"))]
    make_case_audit(
        Framework.objects.get(slug="leicester-eha-principles", version=1),
        case_reference="EHA-100001",
        lead_agency=agency,
        locality=agency.locality,
        eha_start_date=date(2018, 4, 2),
        audit_date=date(2018, 6, 1),
        auditor=la_officer,
    )
    assert "Case-file audits" in [label for *_, label in header(page_for(agency_lead, "/dashboard/"))]


def test_sub_navigation_and_breadcrumbs_follow_the_current_section(la_officer):
    html = page_for(la_officer, "/case-audits/actions/")
    subnav = re.search(r'<nav class="subnav no-print" aria-label="Case-file audits">(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r">([^<]+)</a>", subnav) == [
        "Audits",
        "Actions",
        "Moderation",
        "Import",
        "Quarterly report",
        "Principles",
    ]
    assert re.findall(r'aria-current="page">([^<]+)<', subnav) == ["Actions"]
    crumbs = re.search(r'<nav class="breadcrumbs no-print" aria-label="Breadcrumb">(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs) == [
        ("/dashboard/", "Dashboard"),
        ("/case-audits/", "Case-file audits"),
    ]


def test_the_cms_userbar_stays_off_portal_pages_that_have_a_page_of_results(admin_user):
    for path in ("/audits/city/", "/audit-trail/"):
        assert "wagtail-userbar" not in page_for(admin_user, path), path


def test_the_most_specific_link_is_the_current_one():
    links = [NavLink("Audits", "/case-audits/"), NavLink("Actions", "/case-audits/actions/")]
    assert _current_link(links, "/case-audits/actions/12/edit/").label == "Actions"
    assert _current_link(links, "/case-audits/12/").label == "Audits"
    assert _current_link(links, "/maturity/") is None
    assert NavSection("Pledges", "/pledges/matrix/", prefixes=("/pledges/",)).owns("/pledges/org/x/")


def test_the_header_costs_no_queries_beyond_the_memberships(rf, school_lead, django_assert_max_num_queries):
    request = rf.get("/maturity/")
    request.user = school_lead
    # memberships, whether one is a school, whether a case is audited
    with django_assert_max_num_queries(3):
        navigation = Navigation(request)
        navigation.header()
        navigation.subnav()
    with django_assert_max_num_queries(0):  # asked again in the same request: answered from the user
        Navigation(request).header()
