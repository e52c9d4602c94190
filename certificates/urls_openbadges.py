"""Open Badges documents for verifiers: outside the language prefixes, as their ids must not
change with the reader's language."""

from django.urls import path

from certificates.views import credentials

urlpatterns = [
    path("issuer/", credentials.issuer, name="openbadges_issuer"),
    path("status/<str:purpose>/", credentials.status_list, name="openbadges_status_list"),
]
