"""Wagtail admin permission policies that defer to this package's rules."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from portal.permissions import can_administer


class AdministratorsOnly(BasePermissionPolicy):
    """Only site administrators manage partnership reference data (localities, organisations, people)."""

    def user_has_permission(self, user, action):
        return can_administer(user)

    def user_has_any_permission(self, user, actions):
        return can_administer(user)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
