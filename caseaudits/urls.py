"""/case-audits/: EHA principle case-file audits."""

from django.urls import path

from caseaudits import views

app_name = "caseaudits"
urlpatterns = [
    path("", views.audit_list, name="list"),
    path("new/", views.audit_create, name="create"),
    path("<int:pk>/", views.audit_detail, name="detail"),
    path("<int:pk>/edit/", views.audit_edit, name="edit"),
    path("<int:pk>/delete/", views.audit_delete, name="delete"),
    path("<int:pk>/moderate/", views.audit_moderate, name="moderate"),
    path("<int:pk>/actions/new/", views.action_create, name="action_create"),
    path("actions/", views.action_list, name="actions"),
    path("actions/<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("actions/<int:pk>/progress/", views.action_progress, name="action_progress"),
    path("moderation/", views.moderation, name="moderation"),
    path("moderation/sample/", views.draw_sample, name="draw_sample"),
    path("import/", views.import_page, name="import"),
    path("import/template.<str:extension>", views.import_template, name="import_template"),
    path("reports/", views.report, name="report"),
    path("reports/<str:year>.xlsx", views.report_xlsx, name="report_xlsx"),
]
