"""Entries that depend only on published content: in the shared cache, and in each process.

Their keys carry the content version (`courses.caching.content_version`), so an entry never changes
once written for a version. Each process therefore also keeps the entries it has read for
the current version in memory: a lesson page then reads the version from Redis once, instead
of reading and unpickling every entry. Memory is dropped as soon as the version moves on.

When Redis does not answer, entries are made from the database for the request at hand and
kept nowhere: pages are slower, not broken.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from redis.exceptions import RedisError

from courses.caching import content_version

logger = logging.getLogger(__name__)

#: Shared entries expire on their own, so versions nobody reads any more leave the cache.
CACHE_SECONDS = 24 * 60 * 60
#: Most entries one process keeps for the current version (they are small: outlines, HTML).
LOCAL_LIMIT = 2000

_local: dict[str, Any] = {}
_local_version: list[str | None] = [None]


def current_version() -> str | None:
    """The content version, or None when the cache cannot be reached."""
    try:
        return content_version.current()
    except RedisError:
        logger.warning("Cache unavailable: pages are built from the database", exc_info=True)
        return None


def request_content_version(request: HttpRequest | None) -> str | None:
    """The content version, read once per request (and at each call without one); None when
    the cache cannot be reached."""
    if request is None:
        return current_version()
    try:
        return request._content_version
    except AttributeError:
        request._content_version = current_version()
        return request._content_version


def remember_version(request: HttpRequest, version: str) -> None:
    """Use `version`, already read from the cache, for the rest of `request`."""
    request._content_version = version


def _local_for(version: str) -> dict[str, Any]:
    if _local_version[0] != version or len(_local) >= LOCAL_LIMIT:
        _local.clear()
        _local_version[0] = version
    return _local


def get_many(
    version: str | None,
    keys: Iterable[str],
    build: Callable[[list[str]], dict[str, Any]],
    keep_locally: bool = True,
    timeout: int = CACHE_SECONDS,
) -> dict[str, Any]:
    """The entries for `keys` under `version`; `build(missing_keys)` makes the rest.

    Keys must not contain the version: it is added here. What `build` leaves out or makes
    None is not stored, and is missing from the result too. Without a version (the cache
    is down), everything is built and nothing kept. `keep_locally=False` is for entries
    of one learner: shared through Redis only, so they do not crowd out the process's
    copies of what every request reads; they also want a shorter `timeout`."""
    keys = list(keys)
    if version is None:
        return _built(build, keys)
    local = _local_for(version) if keep_locally else {}
    found = {}
    for key in keys:
        value = local.get(key)
        if value is not None:
            found[key] = value
    wanted = [key for key in keys if key not in found]
    if not wanted:
        return found
    try:
        shared = cache.get_many([f"{key}:{version}" for key in wanted])
    except RedisError:
        logger.warning("Cache unavailable: pages are built from the database", exc_info=True)
        return {**found, **_built(build, wanted)}
    for key in wanted:
        value = shared.get(f"{key}:{version}")
        if value is not None:
            found[key] = local[key] = value
    missing = [key for key in wanted if key not in found]
    if missing:
        built = _built(build, missing)
        try:
            cache.set_many({f"{key}:{version}": value for key, value in built.items()}, timeout)
        except RedisError:
            logger.warning("Cache unavailable: entries not kept", exc_info=True)
        else:
            local.update(built)
        found.update(built)
    return found


def _built(build: Callable[[list[str]], dict[str, Any]], keys: list[str]) -> dict[str, Any]:
    return {key: value for key, value in build(keys).items() if value is not None}


def get(version: str | None, key: str, build: Callable[[], Any]) -> Any:
    """One entry under `version`, made by `build()` if nobody has made it yet (a None made
    is returned, not stored)."""
    return get_many(version, [key], lambda missing: {key: build()}).get(key)
