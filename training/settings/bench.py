"""The load-test suite's settings (`bench/`): production settings, plus what measuring needs.

Only three things differ from production, so the figures are production's:
- plain HTTP on 127.0.0.1 (no TLS redirect or HSTS: the suite has no certificate);
- the `bench` app: a minimal view that measures what the stack itself costs, and a middleware
  that reports each response's database query count in a header;
- `manage.py load_bench_data`, which the `bench` app provides.
"""

from .production import *  # noqa: F403
from .production import INSTALLED_APPS, MIDDLEWARE

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
ROOT_URLCONF = "bench.urls"
