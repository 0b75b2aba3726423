"""URL configuration.

Public:      /  (Wagtail pages: home, offers directory and offer pages), /accounts/ (sign in, reset)
Signed in:   /dashboard/, /organisations/<slug>/, /frameworks/ (every framework kind: portal/frameworks.py),
             and each feature app under its own prefix
Admin:       /admin/ (Wagtail: moderation, partnership reference data, frameworks)
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents import urls as wagtaildocs_urls

from portal import audit_trail, framework_views, health, invitation_views, job_views, two_factor, views
from portal.forms import EmailAuthenticationForm

urlpatterns = [
    # Wagtail's page-types report names the latest-edited page of each type, whoever owns it: LA only.
    path("admin/reports/page-types-usage/", views.la_only(PageTypesUsageReportView.as_view())),
    path("admin/reports/page-types-usage/results/", views.la_only(PageTypesUsageReportView.as_view(results_only=True))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/two-factor/", two_factor.settings_page, name="two_factor"),
    path("accounts/two-factor/set-up/", two_factor.setup, name="two_factor_setup"),
    path("accounts/two-factor/turn-off/", two_factor.turn_off, name="two_factor_turn_off"),
    path("accounts/two-factor/verify/", two_factor.verify, name="two_factor_verify"),
    path("accounts/invitation/<str:token>/", invitation_views.accept_invitation, name="invitation"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("healthz", health.healthz, name="healthz"),
    path("jobs/<uuid:job_id>/", job_views.job_page, name="job"),
    path("jobs/<uuid:job_id>/status.json", job_views.job_status, name="job_status"),
    path("jobs/<uuid:job_id>/download/", job_views.job_download, name="job_download"),
    path("jobs/<uuid:job_id>/retry/", job_views.job_retry, name="job_retry"),
    path("audit-trail/", audit_trail.audit_trail, name="audit_trail"),
    path("frameworks/", framework_views.framework_list, name="framework_list"),
    path("frameworks/<slug:kind_key>/", framework_views.framework_list, name="framework_kind_list"),
    path("frameworks/<slug:kind_key>/upload/", framework_views.framework_upload, name="framework_upload"),
    path("frameworks/<slug:kind_key>/<int:pk>/", framework_views.framework_detail, name="framework_detail"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/contact/", views.OrganisationContactEdit.as_view(), name="organisation_contact"),
    path("pledges/", include("pledges.urls")),
    path("audits/", include("audits.urls")),
    path("case-audits/", include("caseaudits.urls")),
    path("maturity/", include("maturity.urls")),
    path("performance/", include("performance.urls")),
    path("strategy/", include("strategy.urls")),
    path("localities/", include("localities.urls")),
    path("board/", include("board.urls")),
    path("", include("home.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path from the page tree; it must come last.
urlpatterns += [path("", include(wagtail_urls))]
