"""Version numbers in the shared cache: a cache key that includes one is dropped, in every
process at once, by moving the number on. `courses.caching.content_version`
and `accounts.admin_access` each keep one."""

from __future__ import annotations

import time

from django.core.cache import cache


def current(key: str) -> str:
    """The version under `key`; created on first use, so an emptied cache starts a new one."""
    version = cache.get(key)
    if version is None:
        version = str(time.time_ns())
        # add() keeps a version another process set meanwhile.
        if not cache.add(key, version, timeout=None):
            version = cache.get(key) or version
    return version


def bump(key: str) -> None:
    """Start a new version under `key`."""
    cache.set(key, str(time.time_ns()), timeout=None)
