"""Writes for Early Help offers: starting an organisation's offer page, keeping the Wagtail groups in
step with the permission rules, and the moderation steps (submit, approve, send back).

The moderation steps are Wagtail's own workflow actions; the CMS calls them from its editor, the demo
data and the tests call them here.
"""

from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from wagtail.models import GroupPagePermission, Page, WorkflowState

from home import rules
from home.models import OfferIndexPage, OfferPage, OrganisationOfferGroup
from portal.permissions import offers as offer_permissions

QA_GROUP_NAME = "LA quality-assurance officers"  # created with the workflow by migration 0005


class OfferDirectoryMissing(Exception):
    """There is no /offers/ page to put offer pages under (migration 0005 creates it)."""


# --- Groups -------------------------------------------------------------------------------------------


def _access_admin():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _editor_group(organisation, page):
    """The organisation's Wagtail group, with edit rights on its offer page and nothing else."""
    link = OrganisationOfferGroup.objects.select_related("group").filter(organisation=organisation).first()
    if link is None:
        group, _ = Group.objects.get_or_create(name=f"Offer editors: {organisation.name[:100]} (#{organisation.pk})")
        link = OrganisationOfferGroup.objects.create(organisation=organisation, group=group)
    group = link.group
    group.permissions.add(_access_admin())
    change_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=change_page)
    return group


def sync_organisation_editors(organisation):
    """Make the organisation's group hold exactly the people the rules let edit its offer."""
    page = OfferPage.objects.filter(organisation=organisation).first()
    if page is None:
        return
    group = _editor_group(organisation, page)
    group.user_set.set(offer_permissions.offer_editors(organisation))


def sync_user_groups(user):
    """After someone's memberships or partnership role change: their offer groups and the QA group."""
    links = OrganisationOfferGroup.objects.select_related("organisation")
    wanted = {
        link.group_id
        for link in links.filter(organisation__memberships__user=user)
        if offer_permissions.offer_editors(link.organisation).filter(pk=user.pk).exists()
    }
    current = set(user.groups.filter(offer_organisation__isnull=False).values_list("pk", flat=True))
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current))
    qa_group = Group.objects.filter(name=QA_GROUP_NAME).first()
    if qa_group is not None:
        if offer_permissions.offer_moderators().filter(pk=user.pk).exists():
            user.groups.add(qa_group)
        else:
            user.groups.remove(qa_group)


# --- Starting an offer --------------------------------------------------------------------------------


def _slug_under(index, slug):
    taken = set(Page.objects.child_of(index).filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def start_offer(organisation, user):
    """The organisation's offer page, created as a draft prefilled from its record if it has none.

    Returns (page, created). Safe to call twice at once: the second call gets the first one's page.
    """
    existing = OfferPage.objects.filter(organisation=organisation).first()
    if existing is not None:
        return existing, False
    index = OfferIndexPage.objects.first()
    if index is None:
        raise OfferDirectoryMissing("The offers directory page (/offers/) is missing.")
    min_age, max_age = rules.default_age_range(organisation.kind, organisation.phase)
    page = OfferPage(
        title=organisation.name,
        slug=_slug_under(index, organisation.slug),
        organisation=organisation,
        live=False,
        owner=user,
        min_age=min_age,
        max_age=max_age,
        phone=organisation.phone,
        email=organisation.email,
        website=organisation.website,
        address=organisation.address,
        postcode=organisation.postcode,
    )
    if organisation.locality_id:
        page.localities = [organisation.locality]
    try:
        with transaction.atomic():
            index.add_child(instance=page)
    except IntegrityError:
        return OfferPage.objects.get(organisation=organisation), False
    page.save_revision(user=user, log_action=True, clean=False)
    sync_organisation_editors(organisation)
    return page, True


# --- Moderation ------------------------------------------------------------------------------------------


def save_draft(page, user):
    """Save the page's current content as a new revision, as the CMS editor's "Save draft" does.

    A draft may be incomplete. A page that has never been published also keeps its content on the page
    row; a published page's row keeps the published content until the next version is approved.
    """
    if not page.live:
        page.save()
    return page.save_revision(user=user, log_action=True, clean=False)


def submit_for_moderation(page, user):
    """Check the page is complete (ValidationError if not), save it and start "Offer moderation"."""
    page.full_clean()
    save_draft(page, user)
    return page.get_workflow().start(page, user)


def _current_task_state(page):
    state = WorkflowState.objects.active().for_instance(page).first()
    if state is None or state.current_task_state is None:
        raise ValueError(f"{page} is not awaiting moderation.")
    return state.current_task_state


def approve(page, user, comment=""):
    """Approve the offer: the workflow finishes and publishes the submitted revision."""
    _current_task_state(page).approve(user=user, comment=comment)


def request_changes(page, user, comment):
    """Send the offer back to its organisation with a comment."""
    _current_task_state(page).reject(user=user, comment=comment)
