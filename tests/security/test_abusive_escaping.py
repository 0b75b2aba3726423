"""HTML and script typed into any text field is shown as text on every page, never run (issue 8).

A payload goes into every free-text field of every record (found with django.apps, so new fields are
covered), then each role crawls every page it can reach by links and no page may contain the payload's
markup unescaped. The escaped payloads must actually be on the pages (else the test would prove nothing),
and the Open Referral feed must carry them intact as JSON strings.
"""

import json
from collections import Counter
from urllib.parse import urlsplit

from tests.security.abusive import FIELD_NUMBER, assert_escaped, polluted  # noqa: F401 (a fixture)
from tests.security.crawl import crawl

STARTS = ["/", "/offers/", "/pledges/signatories/", "/dashboard/", "/admin/"]


def _starts_for(records):
    audit, case, round_ = records["audit"], records["case"], records["round"]
    return STARTS + [
        f"/audits/{audit.pk}/",
        f"/audits/{audit.pk}/steps/",
        "/audits/city/",
        "/audits/visits/",
        f"/case-audits/{case.pk}/",
        f"/case-audits/{case.pk}/edit/",
        f"/case-audits/{case.pk}/moderate/",
        "/case-audits/actions/",
        "/case-audits/reports/?year=2018-19",
        "/case-audits/moderation/",
        f"/maturity/rounds/{round_.pk}/",
        f"/maturity/rounds/{round_.pk}/edit/",
        f"/maturity/rounds/{round_.pk}/contribute/",
        "/maturity/compare/",
        "/pledges/matrix/",
        "/pledges/designated-leads/",
        "/offer-register/",
        "/audit-trail/",
    ]


PER_ROLE = ["/", "/dashboard/", "/pledges/", "/audits/", "/case-audits/", "/maturity/"]
ROLES = ["anonymous", "admin", "la_officer", "board_member", "school_lead", "agency_lead"]


def test_every_page_every_role_shows_typed_markup_as_text(polluted, everyone, client_for):
    records, fields = polluted
    starts = _starts_for(records)
    seen = Counter()
    checked = set()
    pages = 0
    for role in ROLES:
        # A page another role has checked is not fetched again (the same records are on it); the pages
        # that are built per role are.
        result = crawl(client_for(everyone[role]), starts, limit=160, already_checked=checked, always=PER_ROLE)
        checked.update(urlsplit(visit.path).path for visit in result.visits if visit.status == 200)
        for visit in result.visits:
            assert visit.status < 500, f"{role}: {visit.path} answered {visit.status}"
        for visit in result.pages():
            text = visit.body.decode()
            assert_escaped(text, f"{role}: {visit.path}")
            seen.update(int(n) for n in FIELD_NUMBER.findall(text))
            pages += 1
    shown = {f.label for f in fields if seen[f.number]}
    print(f"\n{pages} pages checked; {len(shown)} of {len(fields)} polluted fields shown on a page")
    # The fields people type and read every day must really have been on the pages, escaped.
    for label in [
        "portal.Organisation.name",
        "portal.User.first_name",
        "home.OfferPage.summary",
        "home.OfferPage.title",
        "audits.Action.description",
        "audits.Action.notes",
        "audits.AuditComment.text",
        "audits.OfferVisit.notes",
        "caseaudits.CaseAudit.case_reference",
        "caseaudits.CaseAudit.strengths",
        "caseaudits.AuditAction.description",
        "caseaudits.Moderation.reason",
        "maturity.Round.title",
        "maturity.StrandRating.evidence",
        "maturity.ActionItem.recommendation",
        "pledges.Signature.signatory_name",
        "pledges.PledgeStatus.notes",
        "pledges.DesignatedLead.name",
        "pledges.ImpactMeasure.name",
    ]:
        assert label in shown, f"{label} was never shown, so its escaping was not checked"


def test_open_referral_feed_carries_markup_as_json_text(polluted, client):
    _records, fields = polluted
    payloads = {f.label: f.payload for f in fields}
    response = client.get("/api/openreferral/services")
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    services = response.json()["contents"]
    assert len(services) == 2, "both published offers should be in the feed"
    for service in services:
        assert service["name"] == payloads["home.OfferPage.title"]
        assert service["description"].startswith(payloads["home.OfferPage.summary"])
    detail = client.get(f"/api/openreferral/services/{services[0]['id']}")
    assert json.loads(detail.content)["description"] == services[0]["description"]
