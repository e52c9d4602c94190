"""Whether someone may use the Wagtail admin, for the "Admin" link on every page.

Django works a user's permissions out from two queries (the user's own, then the groups')
each request. Every page a logged-in learner opens asks this one question, so the answer is
kept in the cache per user, under a version that any change to who has which permission
moves on (`connect()`); the admin itself still checks permissions in full.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from redis.exceptions import RedisError

from courses.caching import versions

VERSION_KEY = "permissions-version"
CACHE_SECONDS = 24 * 60 * 60
#: Answers this process has seen for the current version, sparing a second round trip.
LOCAL_LIMIT = 5000
_local: dict[str, bool] = {}
_local_version: list[str | None] = [None]


def permissions_version() -> str:
    return versions.current(VERSION_KEY)


def bump_permissions_version(**_signal_kwargs: object) -> None:
    """Start a new version; usable as a signal receiver."""
    versions.bump(VERSION_KEY)


def can_access_admin(user: AbstractBaseUser) -> bool:
    """`user.has_perm("wagtailadmin.access_admin")`, from the cache when it can be.

    Being active and being a superuser are in the key, since saving a user does not move
    the version; so is when the account was made, so that a reused id is another user."""
    if not user.is_authenticated:
        return False
    try:
        return _cached_access(user)
    except RedisError:
        return user.has_perm("wagtailadmin.access_admin")


def _cached_access(user: AbstractBaseUser) -> bool:
    version = permissions_version()
    joined = user.date_joined.timestamp() if getattr(user, "date_joined", None) else ""
    key = f"admin-access:{version}:{user.pk}:{joined}:{int(user.is_active)}{int(user.is_superuser)}"
    if _local_version[0] != version or len(_local) >= LOCAL_LIMIT:
        _local.clear()
        _local_version[0] = version
    allowed = _local.get(key)
    if allowed is None:
        allowed = cache.get(key)
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, allowed, CACHE_SECONDS)
    _local[key] = allowed
    return allowed


def admin_access(request: HttpRequest) -> dict:
    """Context processor: `can_access_admin`, worked out only if a template uses it."""
    return {"can_access_admin": SimpleLazyObject(lambda: can_access_admin(request.user))}


def connect() -> None:
    """Move the version on whenever a user's or a group's permissions may have changed."""
    user_model = get_user_model()
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            bump_permissions_version,
            sender=through,
            dispatch_uid=f"permissions-version-{through._meta.label}",
        )
    for model in (Group, Permission):
        for signal in (post_save, post_delete):
            signal.connect(
                bump_permissions_version,
                sender=model,
                dispatch_uid=f"permissions-version-{model._meta.label}-{id(signal)}",
            )
