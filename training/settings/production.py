"""Production: every secret and host comes from the environment, and start-up fails without them.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL. See `.env.example` for the rest.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# Plain Python, no Django models: safe to import while settings load.
from certificates.openbadges.keys import NoSigningKey, load_keys, signing_key

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)

# HTTPS everywhere. Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER_ENABLED.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
if env.bool("SECURE_PROXY_SSL_HEADER_ENABLED", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Open Badges: refuse to start without a signing key, rather than fail at the first
# certificate. The folder must be outside the repository; see the README.
OPEN_BADGES_KEY_DIR = Path(env("OPEN_BADGES_KEY_DIR"))


def _require_signing_key(directory) -> None:
    try:
        signing_key(load_keys(directory))
    except (NoSigningKey, OSError) as error:
        raise ImproperlyConfigured(
            f"OPEN_BADGES_KEY_DIR ({directory}) holds no Open Badges signing key. "
            "Create one with `python -m certificates.openbadges create-key <folder>`."
        ) from error


_require_signing_key(OPEN_BADGES_KEY_DIR)
