"""Maturity self-assessment, under /maturity/."""

from django.urls import path

from . import views

app_name = "maturity"
urlpatterns = [
    path("", views.index, name="index"),
    path("rounds/new/", views.round_create, name="round_create"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/edit/", views.round_edit, name="round_edit"),
    path("rounds/<int:pk>/strands/<slug:key>/", views.strand_edit, name="strand_edit"),
    path("rounds/<int:pk>/actions/new/", views.action_edit, name="action_create"),
    path("rounds/<int:pk>/actions/<int:item_pk>/", views.action_edit, name="action_edit"),
    path("rounds/<int:pk>/actions/<int:item_pk>/delete/", views.action_delete, name="action_delete"),
    path("rounds/<int:pk>/contributors/", views.round_contributors, name="round_contributors"),
    path("rounds/<int:pk>/contribute/", views.round_contribute, name="round_contribute"),
    path("rounds/<int:pk>/submit/", views.round_submit, name="round_submit"),
    path("rounds/<int:pk>/review/", views.round_review, name="round_review"),
    path("rounds/<int:pk>/export.xlsx", views.round_export, name="round_export"),
    path("compare/", views.compare, name="compare"),
    path("compare/print/", views.compare_print, name="compare_print"),
    path("compare/export.xlsx", views.compare_export, name="compare_export"),
]
