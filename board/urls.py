"""The board's pages: the partnership overview, and board meetings with their packs."""

from django.urls import path

from board import meeting_views, overview_views

app_name = "board"

urlpatterns = [
    path("overview/", overview_views.overview, name="overview"),
    path("meetings/", meeting_views.meeting_list, name="meetings"),
    path("meetings/new/", meeting_views.meeting_edit, name="meeting_new"),
    path("meetings/<int:pk>/", meeting_views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", meeting_views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/agenda/add/", meeting_views.agenda_add, name="agenda_add"),
    path("meetings/<int:pk>/follow-ups/add/", meeting_views.follow_up_add, name="follow_up_add"),
    path(
        "meetings/<int:pk>/follow-ups/<int:follow_up_pk>/strategy-action/",
        meeting_views.follow_up_to_action,
        name="follow_up_to_action",
    ),
    path("meetings/<int:pk>/sections/add/", meeting_views.section_add, name="section_add"),
    path("meetings/<int:pk>/sections/<int:section_pk>/remove/", meeting_views.section_remove, name="section_remove"),
    path("meetings/<int:pk>/pack/issue/", meeting_views.pack_issue, name="pack_issue"),
    path("meetings/<int:pk>/pack/print/", meeting_views.pack_print, name="pack_print"),
    path("meetings/<int:pk>/pack/xlsx/", meeting_views.pack_xlsx, name="pack_xlsx"),
    path("meetings/<int:pk>/pack/locality/<slug:slug>/", meeting_views.pack_locality, name="pack_locality"),
]
