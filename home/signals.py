"""Keep the Wagtail groups behind offer editing in step with the people and roles in the portal.

Connected in HomeConfig.ready(): a membership added or removed, an organisation closed or reopened,
a person's partnership role changed. The rules themselves are in portal.permissions.offers.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home import services
from portal.models import Membership, Organisation, User


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
