"""The workshop pages, under /workshops/ in each language (`training.urls`)."""

from django.urls import path

from blended.views import check_in, roll_call, sign_in_sheet, sync, walk_in, workshops

app_name = "blended"

urlpatterns = [
    path("", workshops.my_workshops, name="my_workshops"),
    path("sessions/<int:pk>/roll/", roll_call.roll_call, name="roll_call"),
    path(
        "sessions/<int:pk>/participants/<int:participant_pk>/sign-off/",
        roll_call.sign_off_participant,
        name="sign_off",
    ),
    path("sessions/<int:pk>/walk-in/", walk_in.add_walk_in_view, name="add_walk_in"),
    path("sessions/<int:pk>/qr/", check_in.qr_screen, name="qr_screen"),
    path("sessions/<int:pk>/sign-in-sheet/", sign_in_sheet.sign_in_sheet, name="sign_in_sheet"),
    path("check-in/<int:pk>/<str:token>/", check_in.check_in_page, name="check_in"),
    path("sync/", sync.sync_view, name="sync"),
]
