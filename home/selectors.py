"""Reads about Early Help offers that other features need (pledge 4, schools commitment 3), and the
figures and register the local authority reads.

`offer_statuses` is the contract between the offers feature and the rest of the portal: other apps call
it and never query offer pages themselves. Every function here runs a fixed number of queries however
many organisations and offers there are.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.models import Site, TaskState, WorkflowState

from home import rules
from home.models import OfferPage
from portal.models import Locality, Organisation


@dataclass(frozen=True)
class OfferStatus:
    organisation_id: int
    exists: bool = False  # an offer page has been started
    published: bool = False  # a version is live on the public directory
    first_published_at: object = None  # datetime or None
    last_published_at: object = None
    review_date: date | None = None
    url: str = ""  # the public page, when published
    edit_url: str = ""  # where the organisation edits it
    workflow_status: str = ""  # the Wagtail moderation workflow's, while one is active ("in_progress", ...)

    @property
    def review_overdue(self) -> bool:
        return rules.is_review_overdue(self.published, self.review_date, rules.today())

    @property
    def state(self) -> rules.State:
        """The one status vocabulary (home.rules.STATES) the register, the matrix and the audit tool all show."""
        return self.state_on(rules.today())

    def state_on(self, on: date) -> rules.State:
        """The state on the day `on`: a reader of thousands of offers (the pledges matrix) asks for today
        once rather than once an offer, as `state` does."""
        return rules.offer_state(
            exists=self.exists,
            live=self.published,
            workflow_status=self.workflow_status,
            review_date=self.review_date,
            on=on,
        )

    @property
    def label(self) -> str:
        return self.state.label

    @property
    def colour(self) -> str:
        return self.state.colour

    @property
    def awaiting_moderation(self) -> bool:
        return self.state == rules.AWAITING_MODERATION

    @property
    def sent_back(self) -> bool:
        """A moderator asked for changes (Wagtail's "needs changes")."""
        return self.state == rules.CHANGES_REQUESTED


def public_path(url_path: str, root_paths) -> str:
    """A page's path on the site ('/offers/oak-tree/') from its tree url_path ('/home/offers/oak-tree/')."""
    for root in root_paths:
        if url_path.startswith(root.root_path):
            return url_path[len(root.root_path) - 1 :]
    return ""


def edit_url(page_id) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def start_url(organisation_id) -> str:
    return reverse("home:offer_start", args=[organisation_id])


_STATUS_FIELDS = ("pk", "organisation_id", "live", "first_published_at", "last_published_at", "review_date", "url_path")


def offer_statuses(organisation_ids, *, published_at=True) -> dict:
    """{organisation id: OfferStatus} for the given organisations, in one query (plus the cached site roots
    and content type).

    For a published offer, review_date is the published one: a draft's new date counts once approved. The
    active moderation workflow comes in the same query (a subquery), so "awaiting moderation" and "sent back"
    read the same here as on the register. `published_at=False` leaves first_published_at and
    last_published_at None, for a reader of thousands of offers that never shows them (the pledges matrix):
    converting those two datetimes was a third of this read on SQLite.
    """
    ids = list(organisation_ids)
    root_paths = Site.get_site_root_paths()
    editing, starting = url_maker("wagtailadmin_pages:edit"), url_maker("home:offer_start")  # edit_url, start_url
    workflow = (
        WorkflowState.objects.active()
        .filter(content_type=_offer_content_type(), object_id=Cast(OuterRef("pk"), CharField()))
        .order_by("-created_at")
        .values("status")[:1]
    )
    pages = OfferPage.objects.filter(organisation_id__in=ids).annotate(workflow_status=Subquery(workflow))
    fields = _STATUS_FIELDS if published_at else [f for f in _STATUS_FIELDS if not f.endswith("_published_at")]
    found = {}
    for row in pages.values(*fields, "workflow_status"):
        found[row["organisation_id"]] = OfferStatus(
            organisation_id=row["organisation_id"],
            exists=True,
            published=row["live"],
            first_published_at=row.get("first_published_at"),
            last_published_at=row.get("last_published_at"),
            review_date=row["review_date"],
            url=public_path(row["url_path"], root_paths) if row["live"] else "",
            edit_url=editing(row["pk"]),
            workflow_status=row["workflow_status"] or "",
        )
    # An organisation with no page yet gets the start link; a status is made once for each organisation.
    return {
        org_id: found[org_id] if org_id in found else OfferStatus(organisation_id=org_id, edit_url=starting(org_id))
        for org_id in ids
    }


# --- Moderation state ---------------------------------------------------------------------------------


def _offer_content_type():
    return ContentType.objects.get_for_model(OfferPage)


def moderation_states(page_ids=None) -> dict:
    """{page id: (workflow status, the reviewer's comment when changes were requested)}, two queries."""
    states = WorkflowState.objects.active().filter(content_type=_offer_content_type())
    if page_ids is not None:
        states = states.filter(object_id__in=[str(pk) for pk in page_ids])
    by_page = {int(object_id): (status, "") for object_id, status in states.values_list("object_id", "status")}
    sent_back = [pk for pk, (status, _) in by_page.items() if status == rules.NEEDS_CHANGES]
    if sent_back:
        comments = (
            TaskState.objects.filter(
                status=TaskState.STATUS_REJECTED,
                workflow_state__status=rules.NEEDS_CHANGES,
                workflow_state__content_type=_offer_content_type(),
                workflow_state__object_id__in=[str(pk) for pk in sent_back],
            )
            .order_by("finished_at")
            .values_list("workflow_state__object_id", "comment")
        )
        for object_id, comment in comments:
            by_page[int(object_id)] = (rules.NEEDS_CHANGES, comment)
    return by_page


@dataclass
class OfferOverview:
    """One organisation's offer, as the register and the dashboards show it."""

    organisation: Organisation
    state: rules.State
    page_id: int | None = None
    first_published_at: object = None
    last_published_at: object = None
    completed_on: date | None = None
    review_date: date | None = None
    url: str = ""
    edit_url: str = ""
    comment: str = ""  # the reviewer's, when changes were requested
    areas: list = field(default_factory=list)


def url_maker(name):
    """pk -> reverse(name, args=[pk]), reversing once: the register reverses two URLs for every row."""
    sentinel = "987654321"
    template = reverse(name, args=[int(sentinel)])
    return lambda pk: template.replace(sentinel, str(pk))


def offer_overview(organisations, on: date | None = None) -> list:
    """An OfferOverview per organisation (a queryset of organisations), in six queries.

    The offer pages are read as values, not page instances, and their areas from the relation table in
    one query: the register of every organisation is the big reader of this.
    """
    on = on or rules.today()
    # A handful of localities serve thousands of organisations: read once and shared, not joined per row.
    localities = {locality.pk: locality for locality in Locality.objects.all()}
    set_locality = Organisation.locality.field.set_cached_value
    rows_of = list(organisations)
    for organisation in rows_of:
        set_locality(organisation, localities.get(organisation.locality_id))
    # The pages of the same organisations by subquery, not a parameter per organisation.
    page_rows = OfferPage.objects.filter(organisation__in=organisations.order_by().values("pk"))
    organisations = rows_of
    pages = {row["organisation_id"]: row for row in page_rows.values(*_STATUS_FIELDS, "completed_on")}
    areas = {}
    through = OfferPage.areas_offered.through
    for page_id, name in (
        through.objects.filter(offerpage__in=page_rows.values("pk"))
        .order_by("checklistsection__checklist", "checklistsection__kind", "checklistsection__sort_order")
        .values_list("offerpage_id", "checklistsection__name")
    ):
        areas.setdefault(page_id, []).append(name)
    moderation = moderation_states([p["pk"] for p in pages.values()]) if pages else {}
    root_paths = Site.get_site_root_paths()
    editing, starting = url_maker("wagtailadmin_pages:edit"), url_maker("home:offer_start")
    rows = []
    for organisation in organisations:
        page = pages.get(organisation.pk)
        if page is None:
            rows.append(OfferOverview(organisation, rules.NOT_STARTED, edit_url=starting(organisation.pk)))
            continue
        workflow_status, comment = moderation.get(page["pk"], ("", ""))
        rows.append(
            OfferOverview(
                organisation,
                rules.offer_state(
                    exists=True,
                    live=page["live"],
                    workflow_status=workflow_status,
                    review_date=page["review_date"],
                    on=on,
                ),
                page_id=page["pk"],
                first_published_at=page["first_published_at"],
                last_published_at=page["last_published_at"],
                completed_on=page["completed_on"],
                review_date=page["review_date"],
                url=public_path(page["url_path"], root_paths) if page["live"] else "",
                edit_url=editing(page["pk"]),
                comment=comment,
                areas=areas.get(page["pk"], []),
            )
        )
    return rows


# --- Figures for the local authority -------------------------------------------------------------------


@dataclass(frozen=True)
class OfferFigures:
    organisations: int
    engaged: int  # organisations that have started their offer
    schools: int
    schools_engaged: int
    schools_published: int
    others: int
    others_engaged: int
    others_published: int
    awaiting_moderation: int
    changes_requested: int
    overdue: int

    @property
    def published(self):
        return self.schools_published + self.others_published

    @property
    def reviewed_on_time(self):
        """Published offers whose review date has not passed: reviewed by their review date (Doncaster
        3.3b, "organisations updating their service information within agreed timescales"); the share of
        `published` is the performance book's computed `offers_reviewed_on_time`."""
        return self.published - self.overdue


def offer_figures(on: date | None = None, *, locality=None) -> OfferFigures:
    """The partnership's figures over active organisations (of one locality, when given): one aggregate
    query and one count. The register, the performance book and the board's overview all read these."""
    on = on or rules.today()
    organisations = Organisation.objects.active()
    if locality is not None:
        organisations = organisations.filter(locality=locality)
    school = Q(kind=Organisation.Kind.SCHOOL)
    started = Q(offer_page__isnull=False)
    live = Q(offer_page__live=True)
    totals = organisations.aggregate(
        organisations=Count("pk"),
        engaged=Count("pk", filter=started),
        schools=Count("pk", filter=school),
        schools_engaged=Count("pk", filter=school & started),
        schools_published=Count("pk", filter=school & live),
        others=Count("pk", filter=~school),
        others_engaged=Count("pk", filter=~school & started),
        others_published=Count("pk", filter=~school & live),
        overdue=Count("pk", filter=live & Q(offer_page__review_date__lt=on)),
    )
    workflow = (
        WorkflowState.objects.active()
        .filter(
            content_type=_offer_content_type(),
            object_id__in=OfferPage.objects.filter(organisation__in=organisations.values("pk"))
            .annotate(object_id=Cast("pk", CharField()))
            .values("object_id"),
        )
        .aggregate(
            awaiting=Count("pk", filter=Q(status=rules.IN_PROGRESS)),
            changes=Count("pk", filter=Q(status=rules.NEEDS_CHANGES)),
        )
    )
    return OfferFigures(**totals, awaiting_moderation=workflow["awaiting"], changes_requested=workflow["changes"])


def offers_awaiting_moderation(limit=10):
    """The oldest submissions first: (OfferPage, submitted at) pairs, two queries."""
    states = list(
        WorkflowState.objects.filter(status=rules.IN_PROGRESS, content_type=_offer_content_type())
        .order_by("created_at")
        .values_list("object_id", "created_at")[:limit]
    )
    pages = OfferPage.objects.select_related("organisation").in_bulk([int(object_id) for object_id, _ in states])
    return [(pages[int(object_id)], created_at) for object_id, created_at in states if int(object_id) in pages]


def overdue_offers(limit=10, on: date | None = None):
    """Published offers past their review date, longest overdue first."""
    on = on or rules.today()
    return list(
        OfferPage.objects.live()
        .filter(review_date__lt=on, organisation__status=Organisation.Status.ACTIVE)
        .select_related("organisation")
        .order_by("review_date")[:limit]
    )
