"""Local development: debug on, a fake secret key, plain static storage."""

from .base import *  # noqa: F403
from .base import STORAGES

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
# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
