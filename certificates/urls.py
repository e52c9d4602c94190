from django.urls import path

from certificates import views

urlpatterns = [
    path("verify/", views.verify_lookup, name="certificate_lookup"),
    path("verify/<str:code>/", views.verify, name="certificate_verify"),
    path("<str:code>/download/", views.download, name="certificate_download"),
]
