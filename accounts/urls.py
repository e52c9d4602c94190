from django.urls import include, path

from accounts import views

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("claim/", views.claim_place, name="claim_place"),
    path("", include("allauth.urls")),
]
