"""The reports' admin URLs, under /admin/reports/ (registered in `reports.wagtail_hooks`).
Each report module adds its own lines here."""

from django.urls import path  # noqa: F401 - report modules add their paths below

app_name = "reports"
urlpatterns: list = []
