"""Issuing, finding and revoking API tokens.

A token reads `cr_<prefix>_<secret>`: the prefix finds the row, the sha256 of the whole token
must match the stored hash. 32 random bytes make guessing pointless, so a fast hash is enough
(a password hash is for secrets people choose).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from api.models import ApiToken

TOKEN_START = "cr_"  # noqa: S105 (not a secret: how every token starts)
#: `last_used_at` is written at most this often per token, not on every request.
LAST_USED_EVERY = timedelta(minutes=1)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_token(
    name: str,
    organisation: str = "",
    created_by: AbstractBaseUser | None = None,
    expires_at: datetime | None = None,
) -> tuple[ApiToken, str]:
    """Create a token and return it with its secret, which is not stored and cannot be shown
    again. Each call makes a new token."""
    prefix = secrets.token_hex(4)
    raw = f"{TOKEN_START}{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        name=name,
        organisation=organisation.strip(),
        prefix=prefix,
        secret_hash=hash_token(raw),
        created_by=created_by,
        expires_at=expires_at,
    )
    return token, raw


def find_token(raw: str) -> ApiToken | None:
    """The token `raw` names, revoked and expired ones included, or None. One query."""
    if not raw.startswith(TOKEN_START):
        return None
    prefix, _sep, secret = raw[len(TOKEN_START) :].partition("_")
    if not prefix or not secret:
        return None
    token = ApiToken.objects.filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.secret_hash, hash_token(raw)):
        return None
    return token


def note_use(token: ApiToken) -> None:
    """Record when the token was last used, at most once a minute."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def revoke_token(token: ApiToken) -> None:
    """Revoke the token from now on. Revoking a revoked token keeps its first date."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token.refresh_from_db(fields=["revoked_at"])
