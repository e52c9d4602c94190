"""The home page joins the anonymous page cache (`courses.caching.page_cache`)."""

from wagtail import hooks

from courses.caching import page_cache
from home.models import HomePage


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Anonymous visitors all see the same home page: its intro and featured courses."""
    if isinstance(page, HomePage):
        page_cache.allow(request)
