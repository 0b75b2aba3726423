"""The URL sweep: every URL the portal exposes, probed by every role, with the victim's ids in the URL.

How it works
------------
1. `tests/security/victim.py` builds a victim school with work in every feature (an offer published and a
   newer version in moderation, a never-published offer, audits in progress and submitted, a quality
   visit, case-file audits, maturity rounds and a contributor's view, pledges and evidence, contacts,
   people). Each piece carries a marker word, and `MARKERS` says which roles may read it (from
   portal/permissions/).
2. `url_sweep.routes()` walks the URL configuration (the Wagtail admin, the Open Referral feed, exports and
   Wagtail's page serving included), so a new view is swept without anyone listing it here.
3. Each URL parameter is filled from the victim's objects by `FILLERS` below. A parameter with no filler
   fails `test_every_url_parameter_is_filled` unless its route is in `NOT_SWEPT` with the reason.
4. One test per role GETs every URL (and, for the roles outside the victim, POSTs forged data to it), and
   gathers every problem into one message: a 5xx, a marker the role may not read (HTML, JSON, CSV and
   spreadsheets are all read as text), a change to the victim's data after a forged POST. Pages with a
   search box are searched for the private markers too: the results must be the same as for a word that
   matches nothing.
5. The sweep cannot pass by refusing everything: each role must see, somewhere, every marker it may read
   (the LA officer and the victim's lead see everything theirs; the public sees the published offer).
6. The dashboards of everyone outside the victim are identical before and after the victim's work exists,
   so no count of theirs includes the victim's numbers.

A new view with a new parameter name: add a filler to `FILLERS` (the victim's object it names, keyed by
"namespace:url-name:param", "namespace:param" or "param"); only if the portal has no such object at all,
add its route template to `NOT_SWEPT` with the reason. A new kind of private work: add a marker to
victim.py with who may read it, and write it into the victim's records there.
"""

import re
import time
from dataclasses import dataclass, field

import pytest
from django.db import connection
from django.test import Client
from django.urls import Resolver404, resolve
from wagtail.models import Page

from audits.models import Action, Audit, AuditComment, OfferVisit, OutcomeRecord, TrainedStaff
from caseaudits.models import AuditAction, CaseAudit, Moderation, PrincipleFinding
from home.models import OfferPage
from home.openreferral import ids as openreferral_ids
from maturity.models import ActionItem, ContributorRating, Round, StrandRating
from pledges.models import (
    AccessRoutes,
    DesignatedLead,
    ImpactMeasure,
    ImpactReturn,
    PledgeStatus,
    Signature,
    TrainingRecord,
    TrainingSummary,
)
from portal import frameworks
from portal.models import Membership, Organisation, User
from tests.security import url_sweep, victim
from tests.security.victim import LA

# ---------------------------------------------------------------------------------------------------------
# Parameters: what each URL parameter is filled with, from the victim's world.


def _first_indicator():
    from performance.models import Indicator

    return Indicator.objects.order_by("pk").first()


def _synonym():
    from home.models import Synonym

    return Synonym.objects.get_or_create(everyday_words="grief", directory_words="bereavement")[0]


FILLERS = {
    # the portal's own views
    "slug": lambda w: [w.victim.slug],
    "organisation_id": lambda w: [w.victim.pk, w.sister.pk],
    "pledges:pledge:number": lambda w: [1, 5],
    "pledges:status:number": lambda w: [1],
    "audits:edit_commitment:number": lambda w: [1, 2],
    "audits:pk": lambda w: [w.audit.pk, w.submitted_audit.pk],
    "audits:visit_detail:pk": lambda w: [w.visit.pk],
    "audits:visit_edit:pk": lambda w: [w.visit.pk],
    "audits:action_pk": lambda w: [w.action.pk],
    "audits:step": lambda w: [c.step_name for c in w.audit.framework.commitments.all()] + ["check"],
    "pledges:training_delete:pk": lambda w: [w.pledge["training"].pk],
    "pledges:measure_edit:pk": lambda w: [w.pledge["measure"].pk],
    "pledges:return_add:pk": lambda w: [w.pledge["measure"].pk],
    "pledges:return_delete:pk": lambda w: [w.pledge["return"].pk],
    "caseaudits:pk": lambda w: [w.case_audit.pk],
    "caseaudits:action_edit:pk": lambda w: [w.case_action.pk],
    "caseaudits:action_progress:pk": lambda w: [w.case_action.pk],
    "caseaudits:extension": lambda w: ["csv", "xlsx"],
    "caseaudits:year": lambda w: [f"{w.case_audit.financial_year}-{(w.case_audit.financial_year + 1) % 100:02d}"],
    "maturity:pk": lambda w: [r.pk for r in w.rounds.values()],
    "maturity:key": lambda w: [w.rounds["draft"].framework.strands.order_by("pk").first().key],
    "maturity:item_pk": lambda w: [w.round_item.pk],
    "job_id": lambda w: [w.job.pk],
    # the framework screens: every kind, and versions that the victim's round and case-file audit use
    "kind_key": lambda w: [kind.key for kind in frameworks.kinds()],
    "framework_detail:pk": lambda w: [w.rounds["draft"].framework_id, w.case_audit.framework_id],
    "uidb64": lambda w: [w.password_reset[0]],
    "token": lambda w: [w.password_reset[1]],
    # the performance book: the migrated Leicester set, its first indicator and a quarter
    "performance:indicator:pk": lambda w: [_first_indicator().pk],
    "performance:assign_owner:pk": lambda w: [_first_indicator().pk],
    "performance:set_target:pk": lambda w: [_first_indicator().pk],
    "performance:return:pk": lambda w: [_first_indicator().pk],
    "performance:set_owners:pk": lambda w: [_first_indicator().indicator_set_id],
    "performance:bulk:pk": lambda w: [_first_indicator().indicator_set_id],
    "performance:bulk_template:pk": lambda w: [_first_indicator().indicator_set_id],
    "performance:period_start": lambda w: ["2026-04-01"],
    # the directory's synonyms (CMS snippets): one the LA curated
    "wagtailsnippets_home_synonym:pk": lambda w: [_synonym().pk],
    "wagtailsnippetchoosers_home_synonym:pk": lambda w: [_synonym().pk],
    # the Open Referral UK feed
    "home:service_id": lambda w: w.wagtail["service_ids"],
    "home:sal_id": lambda w: [w.wagtail["sal_id"]],
    "home:taxonomy_id": lambda w: [openreferral_ids.TAXONOMY_ID],
    "home:term_id": lambda w: [openreferral_ids.taxonomy_term_id("semh")],
    # Wagtail serves the page tree: every page's path, the victim's two offers among them
    "wagtail_serve:_1": lambda w: [p.url_path.removeprefix("/home/") for p in Page.objects.filter(depth__gt=1)],
    # the Wagtail admin's catch-all (its dashboard answers any unknown path)
    "/admin/<_1>/:_1": lambda w: [f"pages/{w.offer.pk}"],
    # the Wagtail admin: the victim's pages and Wagtail's records about them
    "page_id": lambda w: [w.offer.pk, w.draft_offer.pk],
    "parent_page_id": lambda w: [w.offer.pk, w.wagtail["index"].pk],
    "page_pk": lambda w: [w.offer.pk],
    "page_to_move_id": lambda w: [w.offer.pk],
    "destination_id": lambda w: [w.wagtail["index"].pk],
    "object_id": lambda w: [w.offer.pk],
    "wagtailadmin_pages:pk": lambda w: [w.offer.pk],
    "wagtailadmin_api:pages:pk": lambda w: [w.offer.pk, w.draft_offer.pk],
    "wagtailadmin_api:pages:action:action_name": lambda w: ["publish"],
    "revision_id": lambda w: [w.offer.latest_revision_id],
    "revision_id_a": lambda w: ["live"],
    "revision_id_b": lambda w: [w.offer.latest_revision_id],
    "action_name": lambda w: ["approve"],
    "task_state_id": lambda w: [w.wagtail["task_state"].pk],
    "task_id": lambda w: [w.wagtail["task"].pk],
    "workflow_state_id": lambda w: [w.wagtail["workflow_state"].pk],
    "workflow_pk": lambda w: [w.wagtail["workflow"].pk],
    "wagtailadmin_workflows:pk": lambda w: [w.wagtail["workflow"].pk],
    "wagtailadmin_workflows:edit_task:pk": lambda w: [w.wagtail["task"].pk],
    "wagtailadmin_workflows:disable_task:pk": lambda w: [w.wagtail["task"].pk],
    "wagtailadmin_workflows:enable_task:pk": lambda w: [w.wagtail["task"].pk],
    "content_type_app_name": lambda w: ["home"],
    "content_type_model_name": lambda w: ["offerpage"],
    "app_label": lambda w: ["home"],
    "model_name": lambda w: ["offerpage"],
    "wagtail_bulk_action:app_label": lambda w: ["wagtailcore"],
    "wagtail_bulk_action:model_name": lambda w: ["page"],
    "action": lambda w: ["delete", "publish", "unpublish"],
    "wagtailadmin_workflows:add_task:app_label": lambda w: ["wagtailcore"],
    "wagtailadmin_workflows:add_task:model_name": lambda w: ["groupapprovaltask"],
    "wagtailadmin_tag_model_autocomplete:app_name": lambda w: ["home"],
    "session_id": lambda w: [w.wagtail["editing_session"].pk],
    "wagtailadmin_collections:pk": lambda w: [w.wagtail["collection"].pk],
    "collection_id": lambda w: [w.wagtail["collection"].pk],
    "redirect_id": lambda w: [w.wagtail["redirect"].pk],
    "locality:pk": lambda w: [w.victim.locality_id],
    "organisation:pk": lambda w: [w.victim.pk],
    "wagtailsites:pk": lambda w: [w.wagtail["site"].pk],
    "wagtailusers_users:pk": lambda w: [w.users["victim_editor"].pk, w.users["victim_lead"].pk],
    "person_invite:user_id": lambda w: [w.users["victim_editor"].pk],
    "person_chooser:pk": lambda w: [w.users["victim_editor"].pk],
    "wagtailusers_groups:pk": lambda w: [w.wagtail["editor_group"].pk],
    # the board's side: the victim's problem report, its lead's strategy action, its locality's partnership
    # and a board meeting (victim.py, _board_side)
    "home:report_id": lambda w: [w.board_side["problem"].pk],
    "strategy:pk": lambda w: [w.board_side["action"].pk],
    "strategy:year": lambda w: [w.board_side["plan"].year],
    "strategy:objective_pk": lambda w: [w.board_side["action"].objective_id],
    "localities:edit_priority:pk": lambda w: [w.board_side["priority"].pk],
    "localities:edit_initiative:pk": lambda w: [w.board_side["initiative"].pk],
    "localities:quarter": lambda w: [w.board_side["quarter"]],
    "localities:slug": lambda w: [w.board_side["partnership"].locality.slug],
    "board:pack_locality:slug": lambda w: [w.board_side["partnership"].locality.slug],
    "board:pk": lambda w: [w.board_side["meeting"].pk],
    "board:section_pk": lambda w: [w.board_side["section"].pk],
    "board:follow_up_pk": lambda w: [w.board_side["follow_up"].pk],
}

# Routes the sweep cannot fill, each with why that is safe. Keep this short: prefer a filler.
_NO_UPLOADS = "the portal keeps no organisation's work in Wagtail images or documents (no feature uploads there)"
NOT_SWEPT = {
    "/documents/<_1>/<_2>": _NO_UPLOADS,
    "/admin/api/main/documents/<pk>/": _NO_UPLOADS,
    "/admin/api/main/images/<pk>/": _NO_UPLOADS,
    "/admin/documents/edit/<document_id>/": _NO_UPLOADS,
    "/admin/documents/delete/<document_id>/": _NO_UPLOADS,
    "/admin/documents/multiple/<doc_id>/": _NO_UPLOADS,
    "/admin/documents/multiple/<doc_id>/delete/": _NO_UPLOADS,
    "/admin/documents/multiple/create_from_uploaded_document/<uploaded_file_id>/": _NO_UPLOADS,
    "/admin/documents/multiple/delete_upload/<uploaded_file_id>/": _NO_UPLOADS,
    "/admin/documents/usage/<document_id>/": _NO_UPLOADS,
    "/admin/documents/chooser/chosen/<pk>/": _NO_UPLOADS,
    "/admin/images/<image_id>/": _NO_UPLOADS,
    "/admin/images/<image_id>/delete/": _NO_UPLOADS,
    "/admin/images/<image_id>/generate_url/": _NO_UPLOADS,
    "/admin/images/<image_id>/generate_url/output/": _NO_UPLOADS,
    "/admin/images/<image_id>/preview/<filter_spec>/": _NO_UPLOADS,
    "/admin/images/usage/<image_id>/": _NO_UPLOADS,
    "/admin/images/multiple/<image_id>/": _NO_UPLOADS,
    "/admin/images/multiple/<image_id>/delete/": _NO_UPLOADS,
    "/admin/images/multiple/create_from_uploaded_image/<uploaded_file_id>/": _NO_UPLOADS,
    "/admin/images/multiple/delete_upload/<uploaded_file_id>/": _NO_UPLOADS,
    "/admin/images/chooser/chosen/<pk>/": _NO_UPLOADS,
    "/admin/images/chooser/<image_id>/select_format/": _NO_UPLOADS,
    "/documents/authenticate_with_password/<restriction_id>/": (
        "offers can never be password-protected (OfferPagePermissionTester.can_set_view_restrictions), "
        "so no view restriction exists to name"
    ),
    "/_util/authenticate_with_password/<page_view_restriction_id>/<page_id>/": (
        "offers can never be password-protected, so no page view restriction exists to name"
    ),
    "/admin/settings/<app_name>/<model_name>/": "the portal registers no Wagtail settings models",
    "/admin/settings/<app_name>/<model_name>/<pk>/": "the portal registers no Wagtail settings models",
    "/admin/settings/<app_name>/<model_name>/<pk>/preview/": "the portal registers no Wagtail settings models",
}

# Routes not requested at all, by URL name, with the reason.
NOT_REQUESTED = {
    # Signing out would end the sweep's session half-way. (Wagtail's answers GET with 405 but still deletes
    # the session cookie, so not even a GET.)
    "logout": "signs the sweeping client out",
    "wagtailadmin_logout": "signs the sweeping client out",
    "wagtailadmin_error_test": "Wagtail's deliberate error page (/admin/failwhale/), for checking the 500 page",
}

# 5xx answers the sweep tolerates, by (method, path), each with the reason. Never add a portal view here:
# fix it instead.
KNOWN_ERRORS = {
    ("POST", "/admin/choose-external-link/"): (
        "Wagtail 8.0.1: its external-link chooser form raises AttributeError when the URL field is missing "
        "from the POST (wagtail/admin/forms/choosers.py, None.startswith); no data is involved"
    ),
}

# The CMS's searches and listings, searched as every role for the words that find the victim's pages and
# people: the markers of its draft titles and its people's names, and its organisations' names (a search
# for a published title shows the page's draft title beside it). Outsiders must get what a search for
# nothing gets; the LA must find the victim's drafts in each, so a CMS that refuses everything fails.
CMS_SEARCHES = {
    "/admin/pages/search/": "q",
    "/admin/pages/search/results/": "q",
    "/admin/pages/{index}/": "q",
    "/admin/pages/{index}/results/": "q",
    "/admin/choose-page/search/": "q",
    "/admin/choose-page/{index}/": "q",
    "/admin/api/main/pages/": "search",
}
# The CMS's other searches and listings that name pages or people: the page chooser's root, the document
# and image choosers and libraries, the people and groups listings, the reports (workflow, workflow tasks,
# site history, aging pages, locked pages) and a page's own history. Outsiders must get what a search for
# nothing gives; the LA need not find the victim's drafts there (most list no draft titles, or no pages).
CMS_OTHER_SEARCHES = {
    "/admin/choose-page/": "q",  # the chooser's root: its search box sends to choose-page/search/
    "/admin/documents/": "q",
    "/admin/documents/chooser/": "q",
    "/admin/documents/chooser/results/": "q",
    "/admin/images/": "q",
    "/admin/images/chooser/": "q",
    "/admin/images/chooser/results/": "q",
    "/admin/api/main/documents/": "search",
    "/admin/api/main/images/": "search",
    "/admin/users/": "q",
    "/admin/users/results/": "q",
    "/admin/groups/": "q",
    "/admin/groups/results/": "q",
    "/admin/reports/workflow/": "q",
    "/admin/reports/workflow/results/": "q",
    "/admin/reports/workflow_tasks/": "q",
    "/admin/reports/workflow_tasks/results/": "q",
    "/admin/reports/site-history/": "q",
    "/admin/reports/site-history/results/": "q",
    "/admin/reports/aging-pages/": "q",
    "/admin/reports/aging-pages/results/": "q",
    "/admin/reports/locked/": "q",
    "/admin/reports/locked/results/": "q",
    "/admin/pages/{offer}/history/": "q",
    "/admin/pages/{offer}/history/results/": "q",
    "/admin/pages/{offer}/workflow_history/": "q",
}
# CMS views that take page ids in the query string and name the pages they are given.
CMS_LOOKUPS = [
    "/admin/choose-page/chosen-multiple/?id={offer}&id={draft}",
    "/admin/choose-page/{index}/?target_pages[]={offer}",
    "/admin/bulk/wagtailcore/page/delete/?id={offer}&id={draft}",
    "/admin/bulk/wagtailcore/page/publish/?id=all&childOf={index}",
]
CMS_MARKERS = ("VQ7OFFERPENDINGZ", "VQ7OFFERDRAFTZ", "VQ7PERSONZ", "VQ7LEADNAMEZ")
CMS_DRAFTS = {"VQ7OFFERPENDINGZ", "VQ7OFFERDRAFTZ"}


def cms_search_terms(world):
    # One word of each name: a term with spaces comes back encoded in the page's links.
    return [*CMS_MARKERS, world.victim.name.split()[0], world.sister.name.split()[0]]


# Data a forged POST offers every view: plausible values for the fields the portal's forms use.
FORGED = "FORGEDQ7"
FORGED_POST = {
    field: FORGED
    for field in (
        "text comment notes details description owner name role course statement signatory_name signatory_role "
        "for_staff for_service_users narrative reason progress_note recommendation summary title "
        "how_to_get_help agreed_actions strengths areas_for_development sign_off_note returned_reason"
    ).split()
} | {
    "email": "forged@attacker.example",
    "status": "met",
    "rag": "green",
    "judgement": "good",
    "agrees": "on",
    "overall_judgement": "good",
    "signed_on": "2026-01-05",
    "date": "2026-01-05",
    "visited_on": "2026-01-05",
    "due_date": "2026-01-05",
    "completed_on": "2026-01-05",
    "period_start": "2026-04-01",
    "value": "1",
    "attendees": "3",
    "staff_in_roles": "9",
    "staff_trained": "9",
    "complete": "on",
    "confirm": "yes",
    "action-approve": "on",
    "action-publish": "on",
    "is_open": "on",
    "open_to_contributors": "on",
    "lead_agency": "",
    "organisation": "",
    "version": "1",
    "role_choice": "lead",
}

SWEEPING = [
    "anonymous",
    "no_role",
    "other_school_lead",
    "far_school_lead",
    "far_school_editor",
    "agency_lead",
    "agency_editor",
    "board_member",
    "la_officer",
    "victim_lead",
    "victim_editor",
]
# Roles whose forged POSTs must change nothing of the victim's (the LA and the victim may change their work).
OUTSIDERS = {
    "anonymous",
    "no_role",
    "other_school_lead",
    "far_school_lead",
    "far_school_editor",
    "agency_lead",
    "agency_editor",
    "board_member",
}


# ---------------------------------------------------------------------------------------------------------
# The world


@pytest.fixture
def world(north, south, school, other_school, agency):
    users, rounds = victim.attackers_and_partners(north, south, other_school, agency)
    dashboards_before = {role: _dashboard(users[role]) for role in OUTSIDERS - {"anonymous", "board_member"}}
    built = victim.build(school, users, rounds)
    built.dashboards_before = dashboards_before
    return built


def _client(user):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


_VOLATILE = [
    re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'),
    re.compile(r'nonce="[^"]+"'),
    re.compile(r'"CSRF_TOKEN": "[^"]+"'),
    re.compile(r'data-w-session-[\w-]+="[^"]*"'),
    # Wagtail's "2 minutes ago": it moves on while a slow sweep runs, whatever the search found.
    re.compile(r'<time class="w-human-readable-date__date"[^>]*>[^<]*</time>'),
]


def _dashboard(user):
    text = _client(user).get("/dashboard/").content.decode()
    for pattern in _VOLATILE:
        text = pattern.sub("", text)
    return text


def victim_fingerprint(world, *, board=False):
    """Everything of the victim's (and the partnership's rounds, except for the board who may move them)."""
    v, people = world.victim, [world.users["victim_lead"].pk, world.users["victim_editor"].pk]
    organisations = [v.pk, world.sister.pk]
    querysets = [
        Organisation.objects.filter(pk__in=organisations),
        Membership.objects.filter(organisation__in=organisations),
        User.objects.filter(pk__in=people).values(
            "email", "password", "is_active", "first_name", "last_name", "partnership_role", "is_superuser"
        ),
        OfferPage.objects.filter(organisation__in=organisations).values(
            "live",
            "has_unpublished_changes",
            "latest_revision_id",
            "live_revision_id",
            "title",
            "summary",
            "locked",
            "slug",
            "path",
        ),
        Audit.objects.filter(organisation=v),
        OutcomeRecord.objects.filter(audit__organisation=v),
        Action.objects.filter(audit__organisation=v),
        TrainedStaff.objects.filter(audit__organisation=v),
        AuditComment.objects.filter(audit__organisation=v),
        OfferVisit.objects.filter(organisation=v),
        CaseAudit.objects.filter(lead_agency=v),
        PrincipleFinding.objects.filter(audit__lead_agency=v),
        AuditAction.objects.filter(audit__lead_agency=v),
        Moderation.objects.filter(audit__lead_agency=v),
        Signature.objects.filter(organisation=v),
        PledgeStatus.objects.filter(organisation=v),
        DesignatedLead.objects.filter(organisation=v),
        TrainingSummary.objects.filter(organisation=v),
        TrainingRecord.objects.filter(organisation=v),
        AccessRoutes.objects.filter(organisation=v),
        ImpactMeasure.objects.filter(organisation=v),
        ImpactReturn.objects.filter(measure__organisation=v),
        ContributorRating.objects.filter(contributor__in=people),
    ]
    if not board:
        querysets += [Round.objects.all(), StrandRating.objects.all(), ActionItem.objects.all()]
    state = []
    for queryset in querysets:
        rows = queryset if hasattr(queryset, "_fields") and queryset._fields else queryset.values()
        state.append((queryset.model.__name__, sorted(map(repr, rows))))
    return state


def _changed(before, after):
    return sorted({name for (name, rows), (_, rows_after) in zip(before, after) if rows != rows_after})


# ---------------------------------------------------------------------------------------------------------
# The sweep


def every_url(world):
    urls, unfilled = [], []
    for route in url_sweep.routes():
        if route.template in NOT_SWEPT:
            continue
        try:
            urls.extend((route, url) for url in url_sweep.fill(route, FILLERS, world))
        except url_sweep.Unfillable as problem:
            unfilled.append(str(problem))
    return list(dict.fromkeys(urls)), unfilled


def _leaks(text, role):
    """(marker, the words around it) for every marker in `text` the role may not read."""
    found, lowered = [], text.lower()
    for token, marker in victim.MARKERS.items():
        at = lowered.find(token.lower())
        if at >= 0 and role not in marker.may_see:
            found.append(f"{token} ({marker.why}): ...{text[max(0, at - 60) : at + 60]!r}...")
    return found


def _seen(text):
    lowered = text.lower()
    return {token for token in victim.MARKERS if token.lower() in lowered}


def _strip_volatile(text):
    for pattern in _VOLATILE:
        text = pattern.sub("", text)
    return text


_SEARCH_FORM = re.compile(r'<form\b[^>]*?action="([^"]*)"[^>]*>(?:(?!</form>).)*?<input[^>]+name="q"', re.S)


def _search_targets(url, text):
    """Where the page's search boxes send their query (the page itself when the form has no action)."""
    return {action or url.split("?")[0] for action in _SEARCH_FORM.findall(text) if not action.startswith("http")}


def _view_of(path):
    try:
        match = resolve(path)
    except Resolver404:
        return path
    return match.view_name or match.route


def _search_problems(client, target, role):
    """Searching for a marker the role may not read must give what a search for nothing gives."""
    problems = []
    nothing = client.get(target, {"q": "QQNOTHINGMATCHES"})
    # The body only: headers such as Expires and Content-Length differ between any two requests.
    expected = _strip_volatile(url_sweep.body_bytes(nothing).decode(errors="replace").replace("QQNOTHINGMATCHES", "@@"))
    for token, marker in victim.MARKERS.items():
        if role in marker.may_see:
            continue
        response = client.get(target, {"q": token})
        text = _strip_volatile(url_sweep.body_bytes(response).decode(errors="replace").replace(token, "@@"))
        if response.status_code >= 500:
            problems.append(f"GET {target}?q={token} as {role}: {response.status_code}")
        elif response.status_code != nothing.status_code or text != expected:
            problems.append(f"GET {target}?q={token} as {role}: the results differ from a search that finds nothing")
    return problems


def _without_echo(text, term):
    """The text without the search term where the page repeats it (the search box, its links). A marker in
    the data is always followed by a space and the field it was written into, so that one stays."""
    return re.sub(re.escape(term) + r"(?! )", "@@", text)


def _body_without_echo(response, term):
    return _strip_volatile(_without_echo(url_sweep.body_bytes(response).decode(errors="replace"), term))


def _cms_search_problems(client, world, role, result):
    """Search every CMS listing for the victim's pages and people (see CMS_SEARCHES)."""
    problems = []
    ids = {"offer": world.offer.pk, "draft": world.draft_offer.pk, "index": world.wagtail["index"].pk}
    searches = [(template, parameter, True) for template, parameter in CMS_SEARCHES.items()]
    searches += [(template, parameter, False) for template, parameter in CMS_OTHER_SEARCHES.items()]
    for template, parameter, lists_the_drafts in searches:
        target = template.format(**ids)
        # Twice: the first takes any message a refused request before it left in the session to be shown.
        client.get(target, {parameter: "QQNOTHINGMATCHES"})
        nothing = client.get(target, {parameter: "QQNOTHINGMATCHES"})
        expected = (nothing.status_code, _body_without_echo(nothing, "QQNOTHINGMATCHES"))
        found = set()
        for term in cms_search_terms(world):
            response = client.get(target, {parameter: term})
            found |= _seen(result.read("GET", f"{target}?{parameter}={term}", response, searched_for=term))
            outsider = role not in LA | victim.VICTIM_MEMBERS
            if outsider and (response.status_code, _body_without_echo(response, term)) != expected:
                problems.append(f"GET {target}?{parameter}={term} as {role}: not what a search for nothing gives")
        if lists_the_drafts and role in LA and not found & CMS_DRAFTS:
            problems.append(f"GET {target} as {role}: no search found the victim's draft titles (the LA sees all)")
    for template in CMS_LOOKUPS:
        url = template.format(**ids)
        if not _seen(result.read("GET", url, client.get(url))) & CMS_DRAFTS and role in LA:
            problems.append(f"GET {url} as {role}: the victim's draft titles are missing (the LA sees every page)")
    return problems


@dataclass
class Sweep:
    role: str
    problems: list = field(default_factory=list)
    seen: dict = field(default_factory=dict)  # marker -> [where]
    requests: int = 0
    statuses: dict = field(default_factory=dict)  # status code -> count
    seconds: float = 0.0
    spent: dict = field(default_factory=dict)  # what the time went on: GET, POST, search, fingerprint

    def timed(self, what, started):
        self.spent[what] = self.spent.get(what, 0.0) + time.perf_counter() - started

    def read(self, method, url, response, searched_for=None):
        self.requests += 1
        self.statuses[response.status_code] = self.statuses.get(response.status_code, 0) + 1
        if response.status_code >= 500 and (method, url) not in KNOWN_ERRORS:
            self.problems.append(f"{method} {url} as {self.role}: {response.status_code}")
        text = url_sweep.readable(response)
        if searched_for:
            text = _without_echo(text, searched_for)
        for leak in _leaks(text, self.role):
            self.problems.append(f"{method} {url} as {self.role} shows {leak}")
        for token in _seen(text):
            self.seen.setdefault(token, []).append(f"{method} {url} ({url_sweep.kind_of(response)})")
        return text


# Tables any request may write to without touching anyone's work: sessions, sign-in throttling, Wagtail's
# record of who has a page open.
_BOOKKEEPING = ("django_session", "axes_", "wagtailadmin_editingsession")


class WriteWatch:
    """Notes whether a request wrote to any table but the bookkeeping ones (then the victim's data is compared)."""

    def __init__(self):
        self.wrote = False

    def __call__(self, execute, sql, params, many, context):
        statement = sql.lstrip().upper()
        if statement.startswith(("INSERT", "UPDATE", "DELETE")) and not any(t in sql.lower() for t in _BOOKKEEPING):
            self.wrote = True
        return execute(sql, params, many, context)


def sweep(world, role):
    """GET (and for outsiders, POST forged data to) every URL as `role`; every problem found, gathered."""
    began = time.perf_counter()
    result = Sweep(role)
    user = world.users[role]
    client = _client(user)
    urls, unfilled = every_url(world)
    result.problems.extend(unfilled)
    searched = set()
    before = victim_fingerprint(world, board=role == "board_member")
    for route, url in urls:
        if route.name.split(":")[-1] in NOT_REQUESTED:
            continue
        started = time.perf_counter()
        text = result.read("GET", url, client.get(url))
        result.timed("GET", started)
        for target in _search_targets(url, text):
            # One search per view: the explorer of every page searches the same way.
            view = _view_of(target)
            if view not in searched:
                searched.add(view)
                started = time.perf_counter()
                result.problems.extend(_search_problems(client, target, role))
                result.timed("search", started)
        if role in OUTSIDERS:
            started, watch = time.perf_counter(), WriteWatch()
            with connection.execute_wrapper(watch):
                response = client.post(url, FORGED_POST)
            result.read("POST", url, response)
            result.timed("POST", started)
            if watch.wrote:
                started = time.perf_counter()
                after = victim_fingerprint(world, board=role == "board_member")
                result.timed("fingerprint", started)
                if after != before:
                    changed = ", ".join(_changed(before, after))
                    result.problems.append(f"POST {url} as {role} changed the victim's {changed}")
                    before = after
    started = time.perf_counter()
    result.problems.extend(_cms_search_problems(client, world, role, result))
    result.timed("CMS search", started)
    if user is not None and client.get("/dashboard/").status_code != 200:
        result.problems.append(f"the sweep lost {role}'s session: the results after that are not {role}'s")
    result.seconds = time.perf_counter() - began
    return result


# ---------------------------------------------------------------------------------------------------------
# The tests


def test_every_url_parameter_is_filled(world):
    urls, unfilled = every_url(world)
    assert not unfilled, "URL parameters with no filler (add one to FILLERS, or the route to NOT_SWEPT):\n" + "\n".join(
        unfilled
    )
    swept = {route.template for route, _ in urls}
    assert {
        "/api/openreferral/services/<service_id>/",
        "/admin/pages/<page_id>/edit/",
        "/audits/<pk>/action-plan.xlsx",
        "/pledges/matrix.xlsx",
        "/offer-register/offers.xlsx",
        "/<_1>",
    } <= swept


def test_the_allow_list_names_only_real_routes():
    templates = {route.template for route in url_sweep.routes()}
    assert set(NOT_SWEPT) <= templates, f"stale NOT_SWEPT entries: {sorted(set(NOT_SWEPT) - templates)}"


def test_the_marker_search_reads_spreadsheets_and_feeds(world):
    """The positive controls the sweep relies on: an export decoded cell by cell, the public feed, a page."""
    officer = _client(world.users["la_officer"])
    export = officer.get(f"/audits/{world.audit.pk}/action-plan.xlsx")
    assert url_sweep.kind_of(export) == "xlsx"
    assert "VQ7AUDITZ action description" in url_sweep.readable(export)
    feed = _client(None).get("/api/openreferral/services/")
    assert "VQ7OFFERPUBLICZ published summary" in url_sweep.readable(feed)
    assert "VQ7OFFERPENDINGZ" not in url_sweep.readable(feed)
    page = _client(world.users["victim_lead"]).get(f"/organisations/{world.victim.slug}/")
    assert "VQ7PERSONZ last name" in url_sweep.readable(page)


@pytest.mark.parametrize("role", SWEEPING)
def test_sweep(world, role):
    result = sweep(world, role)
    may_see = {token for token, marker in victim.MARKERS.items() if role in marker.may_see}
    never_shown = sorted(may_see - set(result.seen))
    problems = result.problems + [
        f"{role} may read {token} ({victim.MARKERS[token].why}) but no swept URL showed it" for token in never_shown
    ]
    spent = ", ".join(f"{what} {seconds:.1f}s" for what, seconds in result.spent.items())
    figures = (
        f"{result.requests} requests in {result.seconds:.1f}s ({spent}), "
        f"statuses {dict(sorted(result.statuses.items()))}"
    )
    print(f"\nsweep as {role}: {figures}")
    assert not problems, f"{len(problems)} problems sweeping as {role} ({figures}):\n" + "\n".join(problems)


def test_dashboards_of_others_do_not_count_the_victims_work(world):
    """Every outsider's dashboard is the same page before and after the victim's work exists."""
    changed = [role for role, before in world.dashboards_before.items() if _dashboard(world.users[role]) != before]
    assert not changed, f"these dashboards changed when the victim's work was added: {changed}"
