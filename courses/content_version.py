"""One number that changes whenever published content changes.

Caches of rendered pages and course outlines put it in their keys, so publishing,
unpublishing, moving or deleting any page makes every such entry unreachable at once (they
then expire on their own). One global number is deliberately coarse: a lesson's title appears
on its course page, its module, its neighbours and the catalogue, and publishing is rare next
to reading.
"""

from __future__ import annotations

import time

from django.core.cache import cache

CACHE_KEY = "content-version"


def current() -> str:
    """The version now; created on first use, so an emptied cache starts a new one."""
    version = cache.get(CACHE_KEY)
    if version is None:
        version = str(time.time_ns())
        # add() keeps a version another process set meanwhile.
        if not cache.add(CACHE_KEY, version, timeout=None):
            version = cache.get(CACHE_KEY) or version
    return version


def bump(**_signal_kwargs: object) -> None:
    """Start a new version; usable as a signal receiver."""
    cache.set(CACHE_KEY, str(time.time_ns()), timeout=None)
