"""`Authorization: Bearer <token>`: the API's only way in. There is no session authentication,
so a browser's login cookie never reaches the API's data and CSRF does not apply."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from api.models import ApiToken
from api.tokens import find_token, note_use


class TokenClient:
    """The caller behind a token, where DRF expects a user: a system, not a person, with no
    permissions of a person (no staff flag, no groups)."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_staff = False
    is_superuser = False
    pk = None

    def __init__(self, token: ApiToken) -> None:
        self.token = token

    def __str__(self) -> str:
        return str(self.token)

    def has_perm(self, perm: str, obj: object = None) -> bool:
        return False


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """Finds the token named by the Authorization header. A revoked or expired token still
    authenticates, so that the permission check answers 403 (this token may no longer read)
    rather than 401 (who are you?)."""

    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[TokenClient, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            # Django's user, from the session: a login is not a way into the API, and saying
            # so (403) is clearer to a signed-in person than "who are you?" (401).
            session_user = getattr(request._request, "user", None)
            if session_user is not None and session_user.is_authenticated:
                raise exceptions.PermissionDenied(
                    _("The API needs a token (Authorization: Bearer …); a login does not do.")
                )
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Give one token after “Bearer”."))
        try:
            raw = header[1].decode()
        except UnicodeError as error:
            raise exceptions.AuthenticationFailed(_("The token is not valid.")) from error
        token = find_token(raw)
        if token is None:
            raise exceptions.AuthenticationFailed(_("The token is not valid."))
        if token.is_usable():
            note_use(token)
        return TokenClient(token), token

    def authenticate_header(self, request: Request) -> str:
        # Makes DRF answer 401 (with this challenge) rather than 403 when no token is given.
        return f'{self.keyword} realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the authentication above."""

    target_class = BearerTokenAuthentication
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": str(
                _("An API token issued by staff in the admin (Settings → API tokens).")
            ),
        }
