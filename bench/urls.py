"""The site's URLs plus the minimal view, for `training.settings.bench` only."""

from django.urls import path

from bench import views
from training.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/minimal/", views.minimal, name="bench_minimal"), *site_urlpatterns]
