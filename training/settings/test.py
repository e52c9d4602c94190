"""Test runs: fast hashing, local memory email, plain static storage.

The database comes from DATABASE_URL like everywhere else (SQLite by default, PostgreSQL in CI).
"""

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS, STORAGES, VAR_DIR, env, env_path

DEBUG = False
# Fake key for tests only.
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Hashed static names 404 under live_server tests (no collectstatic), so keep plain names.
STORAGES = {
    **STORAGES,
    # The fault tests give their workers a storage that stalls or fails on purpose
    # (tests/fault_storage.py); everything else keeps the default.
    "default": {
        "BACKEND": env("TEST_STORAGE_BACKEND", default=STORAGES["default"]["BACKEND"]),
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
MEDIA_ROOT = env_path("MEDIA_ROOT", VAR_DIR / "test-media")
WAGTAILADMIN_BASE_URL = "http://testserver"
DEMO_DATA_ALLOWED = True
# The demo content and `manage.py seed_demo`; production settings never install them.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
# A file, not memory, so a Celery worker process can share the test database with the suite,
# and `--reuse-db` has something to reuse.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)  # a fresh clone has no var/ yet, and SQLite will not make it
    # TEST_DB_PATH lets two runs in one checkout use separate files.
    DATABASES["default"]["TEST"] = {
        "NAME": str(env_path("TEST_DB_PATH", VAR_DIR / "test-db.sqlite3"))
    }
# Serve static files straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Each test process keeps its own cache: rate limits and Wagtail's cached site paths must not
# be shared with (or cleared by) other runs using the same Redis.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests see pages as rendered; tests/test_page_cache.py turns the page cache on for itself.
PAGE_CACHE_SECONDS = 0

# The suite's Open Badges keys: made by tests/conftest.py at the start of a run if missing.
OPEN_BADGES_KEY_DIR = env_path("OPEN_BADGES_KEY_DIR", VAR_DIR / "test-keys")
