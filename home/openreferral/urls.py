"""/api/openreferral/: the API stub of the Open Referral UK feed (paths without trailing slashes, as in the
profile's OpenAPI document; a trailing slash is accepted too)."""

from django.urls import re_path

from home.openreferral import views

urlpatterns = [
    re_path(r"^$", views.api_root, name="openreferral_root"),
    re_path(r"^services/?$", views.services, name="openreferral_services"),
    re_path(r"^services/(?P<service_id>[^/]+)/?$", views.service_detail, name="openreferral_service"),
    re_path(r"^service_at_locations/?$", views.service_at_locations, name="openreferral_service_at_locations"),
    re_path(
        r"^service_at_locations/(?P<sal_id>[^/]+)/?$",
        views.service_at_location_detail,
        name="openreferral_service_at_location",
    ),
    re_path(r"^taxonomies/?$", views.taxonomies, name="openreferral_taxonomies"),
    re_path(r"^taxonomies/(?P<taxonomy_id>[^/]+)/?$", views.taxonomy_detail, name="openreferral_taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="openreferral_taxonomy_terms"),
    re_path(r"^taxonomy_terms/(?P<term_id>[^/]+)/?$", views.taxonomy_term_detail, name="openreferral_taxonomy_term"),
]
