from django.urls import path

from certificates.views import corrections, credentials, verification

urlpatterns = [
    path("verify/", verification.verify_lookup, name="certificate_lookup"),
    path("verify/<str:code>/", verification.verify, name="certificate_verify"),
    path("<str:code>/download/", verification.download, name="certificate_download"),
    path("<str:code>/open-badge.json", credentials.credential, name="certificate_credential"),
    path("<str:code>/open-badge.png", credentials.badge, name="certificate_badge"),
    path(
        "<str:code>/name-correction/",
        corrections.name_correction,
        name="certificate_name_correction",
    ),
]
