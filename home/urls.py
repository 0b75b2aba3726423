"""Public and signed-in URLs of the site that are not Wagtail pages (included at the site root).

Public:     /api/openreferral/...          the Open Referral UK feed of published offers
            /offer-problem/<page>/          "Report a problem with this page" (no sign-in)
Signed in:  /offer-problems/                the problem reports the person handles; resolve one
            /offer-start/<organisation>/    start an organisation's offer page
            /offer-register/                the LA's register of offers (and .xlsx)
These live outside /offers/ so that no organisation's offer page can ever be shadowed by them.
"""

from django.urls import include, path

from home import views

app_name = "home"

urlpatterns = [
    path("offer-start/<int:organisation_id>/", views.start_offer, name="offer_start"),
    path("offer-register/", views.offer_register, name="offer_register"),
    path("offer-register/offers.xlsx", views.offer_register_xlsx, name="offer_register_xlsx"),
    path("offer-problem/<int:page_id>/", views.report_problem, name="report_problem"),
    path("offer-problems/", views.problem_report_list, name="problem_reports"),
    path("offer-problems/<int:report_id>/resolve/", views.resolve_problem, name="resolve_problem"),
    path("api/openreferral/", include("home.openreferral.urls")),
]
