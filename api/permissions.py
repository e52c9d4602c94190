"""Who may read the API, and which rows: a usable token, and only its organisation's learners."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions
from rest_framework.request import Request

from api.models import ApiToken

if TYPE_CHECKING:
    # DRF's settings import these classes while rest_framework.views is loading.
    from rest_framework.views import APIView


def request_token(request: Request) -> ApiToken | None:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, ApiToken) else None


class HasUsableToken(permissions.BasePermission):
    """A token that is neither revoked nor expired.

    Answers: 401 with no token or an unknown one; 403 for a revoked or expired token (and,
    from authentication, 403 for a logged-in browser session without a token).
    """

    def has_permission(self, request: Request, view: APIView) -> bool:
        token = request_token(request)
        if token is None:
            return False
        if token.revoked_at is not None:
            raise exceptions.PermissionDenied(_("This token has been revoked."))
        if not token.is_usable():
            raise exceptions.PermissionDenied(_("This token has expired."))
        return True


class AllOrganisationsToken(permissions.BasePermission):
    """For figures that cannot be split by organisation: tokens for every organisation only."""

    message = _(
        "This token is for one organisation; these figures need an all-organisations token."
    )

    def has_permission(self, request: Request, view: APIView) -> bool:
        token = request_token(request)
        return token is not None and token.is_all_organisations


def scoped_to_organisation(queryset: QuerySet, token: ApiToken | None, user_path: str) -> QuerySet:
    """The rows of `queryset` a token may read: all for an all-organisations token, else the
    rows whose learner (at `user_path`) belongs to the token's organisation, any case."""
    if token is None:
        return queryset.none()
    if token.is_all_organisations:
        return queryset
    return queryset.filter(**{f"{user_path}__organisation__iexact": token.organisation.strip()})
