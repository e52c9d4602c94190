"""Local development: debug on, a fake secret key, plain static storage."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

DEBUG = True
# Fake key for local use only; production reads SECRET_KEY from the environment.
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
DEMO_DATA_ALLOWED = True
# The demo content and `manage.py seed_demo`; production settings never install them.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
