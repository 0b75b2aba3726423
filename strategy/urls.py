from django.urls import path, re_path

from . import views

app_name = "strategy"

YEAR = r"(?P<year>\d{4}-\d{2})"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.plan_create, name="plan_create"),
    path("actions/<int:pk>/", views.action_page, name="action"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("actions/<int:pk>/update/", views.action_update, name="action_update"),
    path("actions/<int:pk>/evidence/", views.action_evidence, name="action_evidence"),
    re_path(rf"^{YEAR}/$", views.plan_page, name="plan"),
    re_path(rf"^{YEAR}/carry-forward/$", views.carry_forward, name="carry_forward"),
    re_path(rf"^{YEAR}/objectives/(?P<objective_pk>\d+)/response/$", views.response_edit, name="response"),
    re_path(rf"^{YEAR}/actions/new/$", views.action_create, name="action_create"),
    re_path(rf"^{YEAR}/actions/from-recommendation/$", views.action_from_recommendation, name="from_recommendation"),
    re_path(rf"^{YEAR}/export\.xlsx$", views.plan_export, name="export"),
]
