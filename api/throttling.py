"""Rate limits per token, counted in the default cache (Redis in production, so every web
process shares the count)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from api.permissions import request_token

if TYPE_CHECKING:
    # DRF's settings import these classes while rest_framework.views is loading.
    from rest_framework.views import APIView


class TokenRateThrottle(SimpleRateThrottle):
    """`API_RATE` requests per token (e.g. "600/min"); read from settings on each request,
    so a change of settings applies without a restart of the class."""

    scope = "api"

    def get_rate(self) -> str | None:
        return settings.API_RATE

    def allow_request(self, request: Request, view: APIView) -> bool:
        # The rate is read here, not once when the class is created.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        token = request_token(request)
        if token is None:
            return None  # refused before this: only tokens reach the throttle
        return self.cache_format % {"scope": self.scope, "ident": token.pk}
