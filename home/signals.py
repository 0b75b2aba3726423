"""Keep the Wagtail groups behind offer editing in step with the people and roles in the portal.

Connected in HomeConfig.ready(): a membership added or removed, an organisation closed or reopened,
a person's partnership role changed. The rules themselves are in portal.permissions.offers.
Also here: the public directory's shared cache retired when its offers, organisations or choices change,
and the directory's search index (home/search_index.py) kept in step with what is published.
"""

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import search_index, services
from home.context_processors import forget_urgent_help
from home.directory_cache import DIRECTORY
from home.models import ChecklistSection, OfferPage, OfferService, ProvisionChecklist, Synonym, UrgentHelpSettings
from pledges.models import DesignatedLead
from portal.models import Locality, Membership, Organisation, User

# What the public directory, feed and offer pages are made of: any change retires their cached counts, pages,
# choices, rendered results and offer pages. A view restriction hides pages; the recorded designated lead
# and the urgent-help numbers are on every offer page.
_PUBLIC_MATERIAL = (
    OfferPage,
    OfferService,
    Organisation,
    Locality,
    ProvisionChecklist,
    ChecklistSection,
    Synonym,
    PageViewRestriction,
    DesignatedLead,
    UrgentHelpSettings,
)
for _sender in _PUBLIC_MATERIAL:
    post_save.connect(DIRECTORY.changed, sender=_sender, dispatch_uid=f"home_directory_saved_{_sender.__name__}")
    post_delete.connect(DIRECTORY.changed, sender=_sender, dispatch_uid=f"home_directory_deleted_{_sender.__name__}")
page_published.connect(DIRECTORY.changed, dispatch_uid="home_directory_published")
page_unpublished.connect(DIRECTORY.changed, dispatch_uid="home_directory_unpublished")
post_page_move.connect(DIRECTORY.changed, dispatch_uid="home_directory_moved")


@receiver(page_published, dispatch_uid="home_search_index_published")
def offer_published(sender, instance, **kwargs):
    if isinstance(instance, OfferPage):
        search_index.index_offer(instance)


@receiver(page_unpublished, dispatch_uid="home_search_index_unpublished")
def offer_unpublished(sender, instance, **kwargs):
    if isinstance(instance, OfferPage):
        search_index.remove_offer(instance)


@receiver(post_save, sender=Organisation, dispatch_uid="home_search_index_organisation_saved")
def organisation_renamed(sender, instance, raw=False, created=False, **kwargs):
    """The organisation's name is in its offer's entries: rewrite them (one query when it has no live offer)."""
    if raw or created:
        return
    page = OfferPage.objects.live().filter(organisation=instance).first()
    if page is not None:
        search_index.index_offer(page)


@receiver(post_migrate, dispatch_uid="home_search_index_after_migrate")
def index_offers_published_before_the_index(sender, app_config=None, **kwargs):
    """A site whose offers were published before the index existed gets them indexed by `migrate`."""
    if app_config is not None and app_config.label == "home":
        search_index.rebuild(only_missing=True)


@receiver(post_save, sender=Membership, dispatch_uid="home_offer_groups_membership_saved")
@receiver(post_delete, sender=Membership, dispatch_uid="home_offer_groups_membership_deleted")
def membership_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    user = User.objects.filter(pk=instance.user_id).first()
    if user is not None:
        services.sync_user_groups(user)


@receiver(post_save, sender=Organisation, dispatch_uid="home_offer_groups_organisation_saved")
def organisation_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:
        return
    services.sync_organisation_editors(instance)


@receiver(post_save, sender=User, dispatch_uid="home_offer_groups_user_saved")
def user_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= {"last_login", "password"}):
        return
    services.sync_user_groups(instance)


@receiver(post_save, sender=UrgentHelpSettings, dispatch_uid="home_urgent_help_saved")
def urgent_help_saved(sender, **kwargs):
    # Every page's footer shows these numbers from a cache (home/context_processors.py): a change shows at once.
    forget_urgent_help()
