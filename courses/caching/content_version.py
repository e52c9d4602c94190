"""One number that changes whenever published content changes.

Caches of rendered pages and course outlines put it in their keys, so publishing,
unpublishing, moving or deleting any page makes every such entry unreachable at once (they
then expire on their own). One global number is deliberately coarse: a lesson's title appears
on its course page, its module, its neighbours and the catalogue, and publishing is rare next
to reading.
"""

from __future__ import annotations

from courses.caching import versions

CACHE_KEY = "content-version"


def current() -> str:
    """The content version now."""
    return versions.current(CACHE_KEY)


def bump(**_signal_kwargs: object) -> None:
    """Start a new version; usable as a signal receiver."""
    versions.bump(CACHE_KEY)
