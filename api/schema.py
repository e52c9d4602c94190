"""What the OpenAPI schema covers: the API's own URLs, not Wagtail's admin API."""

from __future__ import annotations

from typing import Any

PREFIX = "/api/v1/"


def only_api_paths(endpoints: list[tuple[str, Any, str, Any]], **kwargs: Any) -> list:
    """drf-spectacular's preprocessing hook: keep the endpoints under /api/v1/."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PREFIX)]
