"""Public, non-page URLs of the site (the Open Referral UK feed arrives with the offers feature)."""

from django.urls import path  # noqa: F401

urlpatterns = []
