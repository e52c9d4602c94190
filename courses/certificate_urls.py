from django.urls import path

from courses.views import certificates

urlpatterns = [
    path("verify/", certificates.verify_lookup, name="certificate_lookup"),
    path("verify/<str:code>/", certificates.verify, name="certificate_verify"),
    path("<str:code>/download/", certificates.download, name="certificate_download"),
]
