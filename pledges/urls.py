"""/pledges/: the public signatories page, each organisation's pledge record, and the board's matrix."""

from django.urls import path

from pledges.views import board, evidence, organisation, public

app_name = "pledges"

org = "organisations/<slug:slug>/"

urlpatterns = [
    path("", organisation.index, name="index"),
    path("signatories/", public.signatories, name="signatories"),
    path("matrix/", board.matrix, name="matrix"),
    path("matrix.xlsx", board.matrix_export, name="matrix_export"),
    path("designated-leads/", board.designated_leads, name="designated_leads"),
    path(org, organisation.organisation, name="organisation"),
    path(org + "sign/", organisation.Sign.as_view(), name="sign"),
    path(org + "signature/", organisation.SignatureEdit.as_view(), name="signature"),
    path(org + "pledges/<int:number>/", organisation.pledge, name="pledge"),
    path(org + "pledges/<int:number>/status/", organisation.StatusEdit.as_view(), name="status"),
    path(org + "designated-lead/", evidence.DesignatedLeadEdit.as_view(), name="designated_lead"),
    path(org + "training/", evidence.TrainingSummaryEdit.as_view(), name="training_summary"),
    path(org + "training/courses/add/", evidence.TrainingRecordAdd.as_view(), name="training_add"),
    path(org + "training/courses/<int:pk>/delete/", evidence.TrainingRecordDelete.as_view(), name="training_delete"),
    path(org + "access/", evidence.AccessRoutesEdit.as_view(), name="access"),
    path(org + "impact/measures/add/", evidence.ImpactMeasureAdd.as_view(), name="measure_add"),
    path(org + "impact/measures/<int:pk>/", evidence.ImpactMeasureEdit.as_view(), name="measure_edit"),
    path(org + "impact/measures/<int:pk>/returns/add/", evidence.ImpactReturnAdd.as_view(), name="return_add"),
    path(org + "impact/returns/<int:pk>/delete/", evidence.ImpactReturnDelete.as_view(), name="return_delete"),
]
