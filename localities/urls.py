from django.urls import path

from . import views

app_name = "localities"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.partnership_form, name="create"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/settings/", views.partnership_form, name="edit"),
    path("<slug:slug>/priorities/new/", views.priority_form, name="add_priority"),
    path("<slug:slug>/priorities/<int:pk>/", views.priority_form, name="edit_priority"),
    path("<slug:slug>/budget/", views.budget_form, name="budget"),
    path("<slug:slug>/initiatives/new/", views.initiative_form, name="add_initiative"),
    path("<slug:slug>/initiatives/<int:pk>/", views.initiative_form, name="edit_initiative"),
    path("<slug:slug>/reports/<str:quarter>/", views.report, name="report"),
]
