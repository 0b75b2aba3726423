"""Keep the Wagtail groups behind offer editing in step with the people and roles in the portal.

Connected in HomeConfig.ready(): a membership added or removed, an organisation closed or reopened,
a person's partnership role changed. The rules themselves are in portal.permissions.offers.
Also here: the public directory's shared cache retired when its offers, organisations or choices change.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import services
from home.directory_cache import DIRECTORY
from home.models import ChecklistSection, OfferPage, ProvisionChecklist
from portal.models import Locality, Membership, Organisation, User

# What the public directory and feed are made of: any change retires their cached counts, pages and choices.
for _sender in (OfferPage, Organisation, Locality, ProvisionChecklist, ChecklistSection):
    post_save.connect(DIRECTORY.changed, sender=_sender, dispatch_uid=f"home_directory_saved_{_sender.__name__}")
    post_delete.connect(DIRECTORY.changed, sender=_sender, dispatch_uid=f"home_directory_deleted_{_sender.__name__}")
page_published.connect(DIRECTORY.changed, dispatch_uid="home_directory_published")
page_unpublished.connect(DIRECTORY.changed, dispatch_uid="home_directory_unpublished")
post_page_move.connect(DIRECTORY.changed, dispatch_uid="home_directory_moved")


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
