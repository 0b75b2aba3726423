"""/performance/: the performance book. The board's scorecard is the front page (performance/board_views.py);
owners' and the LA's pages (returns, owners, targets, late returns, bulk returns) are in performance/views.py."""

from django.urls import path

from performance import board_views, views

app_name = "performance"

urlpatterns = [
    # The board's scorecard and an indicator's history
    path("", board_views.scorecard, name="scorecard"),
    path("print/", board_views.scorecard_print, name="scorecard_print"),
    path("scorecard.xlsx", board_views.scorecard_xlsx, name="scorecard_xlsx"),
    path("indicators/<int:pk>/", board_views.indicator_detail, name="indicator"),
    # Owners and the local authority
    path("book/", views.index, name="index"),
    path("late/", views.late_returns, name="late"),
    path("late/chase/", views.chase_now, name="chase"),
    path("sets/<int:pk>/owners/", views.set_owners, name="set_owners"),
    path("sets/<int:pk>/bulk/", views.bulk_returns, name="bulk"),
    path("sets/<int:pk>/bulk/template.xlsx", views.bulk_template, name="bulk_template"),
    path("indicators/<int:pk>/owner/", views.assign_owner, name="assign_owner"),
    path("indicators/<int:pk>/target/", views.set_target, name="set_target"),
    path("indicators/<int:pk>/returns/<str:period_start>/", views.return_page, name="return"),
]
