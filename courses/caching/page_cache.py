"""Whole responses of the public course pages, kept for anonymous visitors until content changes.

Most visitors in a crisis are anonymous readers of the same few pages (home, catalogue, course
outlines, lessons' introductions), and rendering one costs tens of queries. So a complete
anonymous response is stored in the shared cache and replayed, at about the cost of a bare
Django view (`PageCacheMiddleware`).

What a stored page may depend on is all in its key: the content version
(`courses.caching.content_version`, bumped by publishing, unpublishing, moving, deleting and
the other changes `courses.caching.signals` lists, so one publish makes every stored page
unreachable at once), the scheme and host (page URLs depend on the Wagtail site), the
interface language, the encoding variant (gzip or not), the path and the query string
(catalogue filters and pages).

What it may not depend on is kept out by refusing, in either direction:
- requests that carry a session or messages cookie, or credentials, are neither served from
  the cache nor stored: logged-in learners see their enrolment and progress, and nothing of
  theirs can reach a stored page, nor a stored page reach them;
- only pages that opted in are stored: the `before_serve_page` hooks of the public page tree
  call `allow()` (Wagtail runs them for published pages only, never for previews);
- only complete 200 responses that set no cookie (a page with a CSRF form sets one), show no
  message, are not private, no-store or no-cache (Wagtail marks view-restricted pages so),
  and vary on nothing but what the key covers.

It is enabled when the cache is shared by every web process (`PAGE_CACHE_SECONDS`, on by
default with Redis): with a per-process cache, a publish would bump only one process's version.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import LocalePrefixPattern, URLPattern, URLResolver, get_resolver
from django.utils.translation import get_language_from_path, get_language_from_request
from redis.exceptions import RedisError

from courses.caching import content_version, shared_cache

logger = logging.getLogger(__name__)

# The header that says how a response was served, for people and for the load-test runner.
CACHE_HEADER = "X-Cache"
HIT, MISS = "hit", "miss"
# The attribute `allow()` sets on the request: the query parameters the page reads.
ALLOWED_ATTRIBUTE = "page_cache_query_params"
# Django's GZipMiddleware compresses when this matches, so the key's variant is what it serves.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# The request headers a stored response may vary on: the key covers the first two, and the
# cookies that change a page (session, messages) keep a request away from the cache.
VARY_HANDLED = frozenset({"accept-encoding", "accept-language", "cookie"})
REGEX_SPECIAL = re.compile(r"[.^$*+?{}\[\]\\|()<]")


def allow(request: HttpRequest, query_params: Iterable[str] = ()) -> None:
    """Let the response to `request` be stored, if it turns out public (see the module doc).

    For `before_serve_page` hooks. `query_params` names the query-string parameters the page
    reads: a request with any other one is served but not stored, so made-up query strings
    cannot fill the cache with copies of one page.
    """
    if not getattr(request, "is_preview", False):
        setattr(request, ALLOWED_ATTRIBUTE, frozenset(query_params))


def non_page_prefixes(url_patterns: list | None = None) -> tuple[str, ...]:
    """The path prefixes where Django's own views answer before Wagtail's catch-all.

    Requests there (the admin, accounts, learning, certificates, search, static files) skip
    the cache look-up, so the page cache costs them nothing. The Wagtail include has no
    literal prefix, so it is not among them; a page path wrongly left out here would only
    never be cached, never be served wrongly.
    """
    files = {url for url in (settings.STATIC_URL, settings.MEDIA_URL) if url.startswith("/")}
    prefixes = set(files)
    patterns = get_resolver().url_patterns if url_patterns is None else url_patterns
    for pattern in patterns:
        if not isinstance(pattern, URLPattern | URLResolver):
            continue
        if isinstance(pattern.pattern, LocalePrefixPattern):
            # i18n_patterns: the same prefixes under each language's (none for the default
            # language when it is not prefixed).
            inner = set(non_page_prefixes(pattern.url_patterns)) - files
            for language in language_prefixes(pattern.pattern):
                prefixes.update(f"/{language}{prefix.lstrip('/')}" for prefix in inner)
            continue
        route = str(pattern.pattern).removeprefix("^")
        literal = REGEX_SPECIAL.split(route, maxsplit=1)[0]
        if literal:
            prefixes.add(f"/{literal}")
    prefixes.discard("/")
    return tuple(sorted(prefixes))


def language_prefixes(pattern: LocalePrefixPattern) -> list[str]:
    """ "fr/", "ar/", … and "" for the default language when its URLs carry no prefix."""
    codes = [code for code, _name in settings.LANGUAGES]
    return [
        "" if code == settings.LANGUAGE_CODE and not pattern.prefix_default_language else f"{code}/"
        for code in codes
    ]


def request_language(request: HttpRequest, language_in_path: bool) -> str:
    """The language LocaleMiddleware will choose: the URL's, and for a URL without one
    (with `prefix_default_language=False`) always the default language."""
    if language_in_path:
        return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    return get_language_from_request(request)


def response_is_storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """True when `response` is a complete public page that may be replayed to anyone anonymous."""
    allowed = getattr(request, ALLOWED_ATTRIBUTE, None)
    if allowed is None or not allowed.issuperset(request.GET):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # A message added and shown in this same response leaves no cookie behind, only the page.
    message_storage = getattr(request, "_messages", None)
    if message_storage is not None and (message_storage.added_new or message_storage.used):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache", "max-age=0")):
        return False
    vary = {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}
    return vary <= VARY_HANDLED


class PageCacheMiddleware:
    """Serves stored anonymous page responses; stores the ones pages allowed.

    Place it as early as possible (just inside WhiteNoise): a hit then skips sessions, auth,
    CSRF, messages, CSP and Wagtail's routing. Everything those inner layers add to a response
    (CSP, X-Frame-Options, Vary, Content-Language, Content-Encoding, Content-Length) is stored
    with it, so a hit carries the same headers as a miss, plus `X-Cache`. Place compression
    (`training.compression`) inside it, so each encoding variant is compressed once, when
    stored, not on every hit.

    A hit costs one cache round-trip (two just after a publish, see `look_up`) and no
    database query: about 120 µs of CPU on the 2-core bench machine, less than the bench's
    bare view through the whole middleware stack (about 210 µs). When the cache server is
    unreachable, pages are rendered as if nothing were cached.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.timeout = settings.PAGE_CACHE_SECONDS
        if not self.timeout:
            raise MiddlewareNotUsed
        self.get_response = get_response
        self.bypass_cookies = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
        self.skipped_prefixes = non_page_prefixes()
        self.language_in_path = is_language_prefix_patterns_used(settings.ROOT_URLCONF)[0]
        # The content version this process saw last (see `look_up`).
        self.last_version: str | None = None

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        variant = self.variant_of(request)
        if variant is None:
            return self.get_response(request)
        try:
            version, entry = self.look_up(variant)
        except RedisError:
            logger.warning("Page cache unavailable; rendering %s", request.path, exc_info=True)
            return self.get_response(request)
        if entry is not None:
            return self.replay(entry)
        # The pages' own caches need the version too: one read serves the whole request.
        shared_cache.remember_version(request, version)
        response = self.get_response(request)
        # HEAD is served from what GET stored, but never stores: its body may be left out.
        if request.method == "GET" and response_is_storable(request, response):
            entry = (response.status_code, tuple(response.items()), response.content)
            try:
                cache.set(self.key(version, variant), entry, self.timeout)
            except RedisError:
                logger.warning("Page cache unavailable; not storing %s", request.path)
        response[CACHE_HEADER] = MISS
        return response

    def variant_of(self, request: HttpRequest) -> str | None:
        """A digest of everything the response may vary on besides the content version,
        or None when the request must not use the cache."""
        if request.method not in ("GET", "HEAD"):
            return None
        if request.path_info.startswith(self.skipped_prefixes):
            return None
        cookies = request.COOKIES
        if any(name in cookies for name in self.bypass_cookies):
            return None
        if "HTTP_AUTHORIZATION" in request.META:
            return None
        encoding = (
            "gzip" if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else ""
        )
        varies = "\n".join(
            (
                request.scheme,
                request.get_host(),
                request_language(request, self.language_in_path),
                encoding,
                request.path,
                request.META.get("QUERY_STRING", ""),
            )
        )
        return hashlib.blake2b(varies.encode(), digest_size=16).hexdigest()

    @staticmethod
    def key(version: str, variant: str) -> str:
        return f"page:{version}:{variant}"

    def look_up(self, variant: str) -> tuple[str, tuple | None]:
        """The current content version, and what is stored for `variant` under it.

        Usually one round-trip: the version and the entry under the version this process saw
        last are fetched together, and they match. Only after a publish does the version
        differ; the entry is then fetched again under the new one.
        """
        guessed_key = self.key(self.last_version, variant)
        found = cache.get_many([content_version.CACHE_KEY, guessed_key])
        version = found.get(content_version.CACHE_KEY)
        if version is not None and version == self.last_version:
            return version, found.get(guessed_key)
        version = version or content_version.current()
        self.last_version = version
        return version, cache.get(self.key(version, variant))

    @staticmethod
    def replay(entry: tuple) -> HttpResponse:
        status, headers, body = entry
        response = HttpResponse(body, status=status)
        for name, value in headers:
            response.headers[name] = value
        response[CACHE_HEADER] = HIT
        return response
