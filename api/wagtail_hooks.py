"""Registers the API tokens' admin (Settings → API tokens)."""

from wagtail import hooks

from api.admin import ApiTokenViewSet

api_token_viewset = ApiTokenViewSet("api_tokens")


@hooks.register("register_admin_viewset")
def register_api_token_viewset() -> ApiTokenViewSet:
    return api_token_viewset
