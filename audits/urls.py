"""/audits/: the Schools Early Help commitments audit tool and the LA's offer quality visits."""

from django.contrib.auth.decorators import login_required
from django.urls import path

from audits import views
from audits.wizard import AuditWizard

app_name = "audits"

wizard = login_required(AuditWizard.as_view(url_name="audits:wizard"))

urlpatterns = [
    path("", views.index, name="index"),
    path("city/", views.city, name="city"),
    path("city/export/", views.city_export, name="city_export"),
    path("schools/<slug:slug>/", views.school, name="school"),
    path("schools/<slug:slug>/start/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/steps/", wizard, name="wizard_resume"),
    path("<int:pk>/steps/<slug:step>/", wizard, name="wizard"),
    path("<int:pk>/commitments/<int:number>/", views.edit_commitment, name="edit_commitment"),
    path("<int:pk>/actions/<int:action_pk>/", views.ActionEdit.as_view(), name="edit_action"),
    path("<int:pk>/comments/", views.comment, name="comment"),
    path("<int:pk>/action-plan.xlsx", views.export_action_plan, name="export"),
    path("visits/", views.visits, name="visits"),
    path("visits/new/", views.visit_new, name="visit_new"),
    path("visits/<int:pk>/", views.visit_detail, name="visit_detail"),
    path("visits/<int:pk>/edit/", views.VisitEdit.as_view(), name="visit_edit"),
]
