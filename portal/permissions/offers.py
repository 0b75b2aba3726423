"""Who may do what with Early Help offers (the offer pages in the CMS, the register, the dashboards).

  the public                  reads published offers (the directory, the offer pages, the Open Referral feed)
  organisation editor, lead   start, edit and submit their own organisation's offer; never another's
  LA QA officer               edits any offer, approves (publishes) or sends back, unpublishes; the register
  board member                reads published offers like the public
  site administrator          everything an officer can, and deletes offer pages

In the CMS, editors and leads see their own organisations' offer pages and people, never another's (draft
titles, status, who edited): `cms_offer_pages`, `cms_pages`, `cms_people`, `cms_documents`. The partnership-wide parts
of the CMS (its reports, the page-types listing) are the LA's (`can_use_cms_reports`); home/cms_scope.py
applies these rules to every admin view.

Wagtail decides page permissions from groups. `home.services.groups` keeps those groups equal to the
rules here (`offer_editors`, `offer_moderators`), and `OfferPagePermissionTester` puts these rules in
front of Wagtail's answer, so a stray group membership never grants anything the rules do not.
"""

from django.db.models import Q
from wagtail.models import PagePermissionTester

from portal.models import Membership, Organisation, User
from portal.permissions import (
    can_edit_organisation_work,
    is_admin,
    is_la_officer,
    member_organisation_ids,
    scope,
)


def _org_id(organisation):
    return organisation if isinstance(organisation, int) else getattr(organisation, "pk", None)


def can_edit_offer(user, organisation) -> bool:
    """Draft and submit the offer: the organisation's own editors and lead, LA officers and administrators."""
    return is_la_officer(user) or can_edit_organisation_work(user, _org_id(organisation))


def can_start_offer(user, organisation) -> bool:
    """Start the organisation's offer page (only for an active organisation)."""
    return organisation.status == Organisation.Status.ACTIVE and can_edit_offer(user, organisation)


def can_moderate_offers(user) -> bool:
    """Approve (publish), send back with a comment, and unpublish offers."""
    return is_la_officer(user)


def can_delete_offer(user) -> bool:
    return is_admin(user)


def can_view_offer_register(user) -> bool:
    """The register of every organisation's offer status, drafts included."""
    return is_la_officer(user)


def offer_organisation_ids(user) -> set[int]:
    """Organisations whose offer the person edits as a member (the dashboard's 'Your Early Help offer')."""
    return member_organisation_ids(user)


def offer_editors(organisation):
    """The people who edit this organisation's offer through their membership (Wagtail group members)."""
    if organisation.status != Organisation.Status.ACTIVE:
        return User.objects.none()
    return User.objects.filter(is_active=True, memberships__organisation=organisation).distinct()


def offer_moderators():
    """LA QA officers who moderate through the Wagtail group (administrators need no group)."""
    return User.objects.filter(is_active=True, is_superuser=False, partnership_role=User.PartnershipRole.LA_OFFICER)


def cms_offer_pages(user, offer_pages):
    """The offer pages the person sees anywhere in the CMS: their own organisations' (the LA: all)."""
    return scope(user, offer_pages)


def cms_pages(user, pages, offer_pages):
    """Of the CMS's `pages`, those the person sees: all but the offers (`offer_pages`, every offer page)
    of organisations they are not in. The directory and home pages are public, so they stay."""
    if is_la_officer(user):
        return pages
    hidden = offer_pages.exclude(pk__in=cms_offer_pages(user, offer_pages).values("pk"))
    return pages.exclude(pk__in=hidden.values("pk"))


def cms_people(user, people):
    """The people the person may see named in the CMS (owner, edited by, requested by...): those of their own
    organisations, themselves, and the LA staff who moderate (the LA: everyone)."""
    if is_la_officer(user):
        return people
    colleagues = Membership.objects.filter(organisation__in=member_organisation_ids(user)).values("user_id")
    staff = Q(is_superuser=True) | Q(partnership_role=User.PartnershipRole.LA_OFFICER)
    return people.filter(Q(pk__in=colleagues) | Q(pk=user.pk) | staff)


def cms_documents(user, documents):
    """Documents and images in the CMS choosers: those uploaded by the person's organisations' people (the LA: all)."""
    if is_la_officer(user):
        return documents
    colleagues = Membership.objects.filter(organisation__in=member_organisation_ids(user)).values("user_id")
    return documents.filter(Q(uploaded_by_user__in=colleagues) | Q(uploaded_by_user=user.pk))


def can_use_cms_reports(user) -> bool:
    """The CMS's partnership-wide views: its reports, the page-types listing, form submissions."""
    return is_la_officer(user)


class OfferPagePermissionTester(PagePermissionTester):
    """Wagtail's group-based answer for an offer page, narrowed by the rules above."""

    def _edits(self):
        return can_edit_offer(self.user, self.page.organisation_id)

    def can_edit(self):
        return super().can_edit() and self._edits()

    def can_submit_for_moderation(self):
        return super().can_submit_for_moderation() and self._edits()

    def can_publish(self):
        return super().can_publish() and can_moderate_offers(self.user)

    def can_unpublish(self):
        return super().can_unpublish() and can_moderate_offers(self.user)

    def can_set_view_restrictions(self):
        # An offer is public or it is not published: never half-hidden behind a password.
        return False

    def can_lock(self):
        return super().can_lock() and self._edits()

    def can_unlock(self):
        return super().can_unlock() and self._edits()

    def can_view_revisions(self):
        return super().can_view_revisions() and self._edits()

    def can_delete(self, ignore_bulk=False):
        return can_delete_offer(self.user) and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        # One page per organisation, always in the directory.
        return False

    def can_copy(self):
        return False


# --- "Report a problem with this page" --------------------------------------------------------------------
# Anyone, signed in or not, may send a report about a published offer page. The organisation's editors and
# the LA read them and mark them resolved; nobody else sees a report (they may quote a page's draft detail).


def can_handle_problem_reports(user, organisation) -> bool:
    """Read and resolve the reports about this organisation's offer page: its editors and the LA."""
    return can_edit_offer(user, organisation)


def can_view_problem_reports(user) -> bool:
    """The list of reports: the LA, and people who edit an organisation's offer (board members never)."""
    return is_la_officer(user) or bool(member_organisation_ids(user))


def problem_reports_for(user, reports):
    """The reports the person reads: the LA all of them, an editor only their own organisations'."""
    if is_la_officer(user):
        return reports
    return reports.filter(organisation_id__in=member_organisation_ids(user))  # members edit their offer
