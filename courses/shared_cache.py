"""Entries that depend only on published content: in the shared cache, and in each process.

Their keys carry the content version (`courses.content_version`), so an entry never changes
once written for a version. Each process therefore also keeps the entries it has read for
the current version in memory: a lesson page then reads the version from Redis once, instead
of reading and unpickling every entry. Memory is dropped as soon as the version moves on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest

from courses import content_version

#: Shared entries expire on their own, so versions nobody reads any more leave the cache.
CACHE_SECONDS = 24 * 60 * 60
#: Most entries one process keeps for the current version (they are small: outlines, HTML).
LOCAL_LIMIT = 2000

_local: dict[str, Any] = {}
_local_version: list[str | None] = [None]


def request_content_version(request: HttpRequest | None) -> str:
    """The content version, read once per request (and at each call without one)."""
    if request is None:
        return content_version.current()
    try:
        return request._content_version
    except AttributeError:
        request._content_version = content_version.current()
        return request._content_version


def _local_for(version: str) -> dict[str, Any]:
    if _local_version[0] != version or len(_local) >= LOCAL_LIMIT:
        _local.clear()
        _local_version[0] = version
    return _local


def get_many(
    version: str, keys: Iterable[str], build: Callable[[list[str]], dict[str, Any]]
) -> dict[str, Any]:
    """The entries for `keys` under `version`; `build(missing_keys)` makes the rest.

    Keys must not contain the version: it is added here. What `build` leaves out or makes
    None is not stored, and is missing from the result too."""
    local = _local_for(version)
    found = {key: local[key] for key in keys if key in local}
    wanted = [key for key in keys if key not in found]
    if wanted:
        shared = cache.get_many([f"{key}:{version}" for key in wanted])
        for key in wanted:
            if f"{key}:{version}" in shared:
                found[key] = local[key] = shared[f"{key}:{version}"]
        missing = [key for key in wanted if key not in found]
        if missing:
            built = {key: value for key, value in build(missing).items() if value is not None}
            cache.set_many(
                {f"{key}:{version}": value for key, value in built.items()}, CACHE_SECONDS
            )
            local.update(built)
            found.update(built)
    return found


def get(version: str, key: str, build: Callable[[], Any]) -> Any:
    """One entry under `version`, made by `build()` if nobody has made it yet (a None made
    is returned, not stored)."""
    return get_many(version, [key], lambda missing: {key: build()}).get(key)


def bump_now_and_after_commit(**_signal_kwargs: object) -> None:
    """Move the content version on now, and again after the commit, so that no entry made
    from the database before the commit survives it."""
    content_version.bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(content_version.bump, robust=True)


def bump_on_live_page_save(sender, instance, **kwargs) -> None:
    """Saving a live page changes published content even when it is not published through
    Wagtail (a script, a data migration, tests' factories)."""
    from wagtail.models import Page

    if isinstance(instance, Page) and instance.live:
        bump_now_and_after_commit()


def connect() -> None:
    """Besides publishing (`courses.signals`): saving a live page, and any change to a site
    (the cached site look-up and site root paths) or to an image or document (lesson bodies
    show them)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Site

    post_save.connect(bump_on_live_page_save, dispatch_uid="shared-cache-live-page-save")
    for model in (Site, get_image_model(), get_document_model()):
        for signal in (post_save, post_delete):
            signal.connect(
                bump_now_and_after_commit,
                sender=model,
                dispatch_uid=f"shared-cache-{model._meta.label}-{id(signal)}",
            )
