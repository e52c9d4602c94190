"""Settings shared by every environment.

Everything that differs between machines is read from the environment (see `.env.example`).
The defaults here are the embedded ones: SQLite, console email and a Celery broker on the
local filesystem, so a fresh clone runs with no servers at all.
"""

from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "training"
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")


def env_path(name: str, default: Path) -> Path:
    """A filesystem path from the environment, as a pathlib.Path."""
    return Path(env.str(name, default=str(default)))


DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "accounts",
    "home",
    "courses",
    "certificates",
    "reports",
    "blended",
    "api",
    "worker",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # First after static files, so a cached page skips everything below
    # (courses.caching.page_cache); compression inside it, so a stored page is compressed
    # once, not on every hit.
    "courses.caching.page_cache.PageCacheMiddleware",
    "training.compression.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "courses.pages.routing.CachedSiteMiddleware",
]

ROOT_URLCONF = "training.urls"
WSGI_APPLICATION = "training.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "accounts.admin_access.admin_access",
            ],
        },
    },
]

DATABASE_URL = env.str("DATABASE_URL", default="") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take SQLite's lock when their transaction begins, so a check-then-write
    # (the last place in a course) cannot interleave; WAL lets readers go on meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts (django-allauth): sign up with email, log in with email or username.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Learners in a crisis may not reach their mailbox for days: verification is offered, not forced.
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Crisis Ready] "
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Brute-force protection: allauth refuses further attempts for a while after repeated
# failures, per account ("key") and per client address ("ip"). Limits live in the cache,
# which is Redis when REDIS_URL is set, so every web process shares them.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "my_learning"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
WAGTAILADMIN_LOGIN_URL = "account_login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. The interface and the content speak the same languages: English
# at /, the others under their prefix (/fr/, /es/, /ar/). Each language's name is written in
# that language, as the language switcher shows it. Arabic is right to left (Django's
# LANGUAGES_BIDI), which sets <html dir>. README "Add a language" says what else one needs.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A translation's job (creating a page tree in another locale) runs on our Celery workers.
WAGTAILLOCALIZE_JOBS = {"BACKEND": "worker.localize.CeleryJobBackend"}
# The language a learner switched to, for their next visit to an unprefixed URL.
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static files and user uploads. WhiteNoise serves static files from the web process.
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env_path("STATIC_ROOT", VAR_DIR / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = env_path("MEDIA_ROOT", VAR_DIR / "media")
MEDIA_URL = env("MEDIA_URL", default="/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email: console by default; SMTP with EMAIL_URL=smtp+tls://user:password@host:587
# env.email_url() returns EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, ... as a dict of settings.
globals().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Crisis Ready <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Content Security Policy: everything from our own origin. The Wagtail admin is left out
# because its editor relies on inline styles; public pages carry no inline script at all.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# A quiz attempt with a time limit still accepts answers this long after its deadline,
# for learners on slow networks; then it is closed with the answers saved so far.
QUIZ_DEADLINE_GRACE_SECONDS = env.int("QUIZ_DEADLINE_GRACE_SECONDS", default=30)

# `manage.py seed_demo` creates accounts with published passwords: never in production.
DEMO_DATA_ALLOWED = False

# The read-only API for other systems (/api/v1/, the `api` app). Bearer tokens only: no
# session authentication, so a browser's login never reaches it and CSRF does not apply.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.HasUsableToken"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.TokenRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
# Requests allowed per token, counted in the shared cache ("600/min", "10000/day").
API_RATE = env("API_RATE", default="600/min")
SPECTACULAR_SETTINGS = {
    "TITLE": "Crisis Ready API",
    "DESCRIPTION": (
        "Read-only data for other systems: courses, enrolments and progress, certificates. "
        "Send `Authorization: Bearer <token>`; staff issue tokens in the admin."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and docs are public (they hold no data), whoever is logged in or not.
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["api.schema.only_api_paths"],
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI's files come from drf-spectacular-sidecar, served by us: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None, "persistAuthorization": False},
}

# Wagtail
WAGTAIL_SITE_NAME = "Crisis Ready"
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# Reports: a figure counting fewer people than this is shown as "fewer than N", everywhere
# (pages, exports, API), so no one can be singled out.
REPORT_MIN_CELL = env.int("REPORT_MIN_CELL", default=5)
# Blended training: how long a facilitator qualification (co-facilitator, certified, master)
# stays valid, in months, before it must be renewed, as a certificate is.
FACILITATOR_QUALIFICATION_MONTHS = env.int("FACILITATOR_QUALIFICATION_MONTHS", default=24)
# Open Badges signing keys: a folder outside the repository (never the database). The newest
# private key signs; every key in it is published, so credentials signed before a rotation
# still verify. `manage.py openbadges_keys` creates and rotates them (see the README).
OPEN_BADGES_KEY_DIR = env_path("OPEN_BADGES_KEY_DIR", VAR_DIR / "keys")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Complex lesson pages exceed Django's default of 1000 form fields in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# One cache for every process when Redis is there (login rate limits depend on it).
CACHES = {
    "default": (
        {
            "BACKEND": "training.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
            # A Redis that stops answering must not hang every request: after this long the
            # caches give up and pages are built from the database.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
        if env("REDIS_URL", default="")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Sessions are read on every logged-in request: from the shared cache when there is one,
# written through to the database so a cache flush logs nobody out.
if env("REDIS_URL", default=""):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Anonymous visitors' pages of the course tree are kept whole in the cache for this many
# seconds, or until content changes (courses.caching.page_cache). Only with Redis: a
# per-process cache would not see another process's publish. 0 turns it off.
PAGE_CACHE_SECONDS = (
    env.int("PAGE_CACHE_SECONDS", default=300) if env("REDIS_URL", default="") else 0
)

# Celery. With REDIS_URL set, Redis is broker and result store; without it the embedded
# default is kombu's filesystem transport, so `make run` starts a real worker process with
# no server to install.
REDIS_URL = env("REDIS_URL", default="")
CELERY_DATA_DIR = env_path("CELERY_DATA_DIR", VAR_DIR / "celery")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    # A message not acknowledged within this window is handed to another worker. It must be
    # longer than CELERY_TASK_TIME_LIMIT, or a slow task would run twice.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "socket_connect_timeout": 3}
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_RESULT_BACKEND = f"file://{CELERY_DATA_DIR / 'results'}"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_DATA_DIR / "queue"),
        "data_folder_out": str(CELERY_DATA_DIR / "queue"),
        "control_folder": str(CELERY_DATA_DIR / "control"),
    }
# JSON only: tasks take primary keys, never pickled objects.
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
# Acknowledge after the task has run, so a task whose worker died is delivered again;
# this is safe because every task is idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# One message at a time per process: long tasks do not hold others hostage.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# No task may run for ever; the soft limit lets a task clean up before the hard kill.
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_TIME_LIMIT = 300
CELERY_RESULT_EXPIRES = 60 * 60 * 24
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# When the broker is down, a web request gives up sending a task after about a second; the
# task's database row (the outbox) is picked up by the sweep below once the broker is back.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.3,
    "interval_max": 0.5,
}
# Periodic jobs, run by `celery -A worker beat` (or a worker started with -B).
CERTIFICATE_SWEEP_AFTER_SECONDS = env.int("CERTIFICATE_SWEEP_AFTER_SECONDS", default=180)
CELERY_BEAT_SCHEDULE = {
    "sweep-pending-certificates": {
        "task": "worker.sweep_pending_certificates",
        "schedule": env.float("CERTIFICATE_SWEEP_EVERY_SECONDS", default=60.0),
    },
    # Recertification and expiry reminders, once a day at night (the site's time zone). A
    # missed day is caught up by the next run: what is due is whatever fell due by then.
    "renew-certificates": {
        "task": "worker.renew_certificates",
        "schedule": crontab(hour=env.int("CERTIFICATE_RENEWAL_HOUR", default=2), minute=30),
    },
    # Hourly: workshop certificates waiting for a last session that nobody marked to end.
    "certify-finished-workshops": {
        "task": "worker.certify_finished_workshops",
        "schedule": crontab(minute=15),
    },
}
# Certificate verification look-ups allowed per client address. Behind a reverse proxy,
# set RATELIMIT_IP_META_KEY (e.g. HTTP_X_REAL_IP) to the header carrying the client address.
CERTIFICATE_VERIFY_RATE = env("CERTIFICATE_VERIFY_RATE", default="30/m")
RATELIMIT_IP_META_KEY = env("RATELIMIT_IP_META_KEY", default=None)
# Workshop claim codes tried, per account and per client address.
CLAIM_CODE_RATE = env("CLAIM_CODE_RATE", default="10/h")
CELERY_TASK_TRACK_STARTED = True
# Tasks record their outcome in the database, not in a result store; a task that must return
# a value says so (ignore_result=False).
CELERY_TASK_IGNORE_RESULT = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Wagtail 8 runs search indexing through django-tasks, which logs every run at INFO.
        "django_tasks": {"level": "WARNING"},
        # WeasyPrint and fontTools narrate every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
