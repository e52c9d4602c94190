"""Cheaper serving of published pages, with Wagtail's semantics kept.

Wagtail routes a URL one level at a time, with two queries per level (the child by slug, then
its specific page): ten queries for a lesson, five levels down. `OneQueryRoutingMixin` finds
every page on the path in one query, by their `url_path`, and loads only the last one's
specific page. Wherever it cannot be sure of the answer (nothing matches, two pages match,
or a page on the way routes its own sub-URLs), it hands over to Wagtail's own routing.

Wagtail also checks view restrictions before serving a page, with two queries (the page's
ancestors, then their restrictions). `CachedViewRestrictionsMixin` skips both when no page
of the site is restricted at all, which it knows from the cache until content changes.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from courses.caching import shared_cache

#: Part of every key: change it when the shape of what is cached changes.
SCHEMA = 2


def routes_itself(page: Page) -> bool:
    """True when the page's type routes its own sub-URLs (like a `RoutablePageMixin` page)."""
    page_class = page.specific_class or Page
    return page_class.route is not Page.route


class OneQueryRoutingMixin:
    """For the site's root page: resolve the whole remaining path in one query at most.

    Which pages a path leads through is kept in the cache until content changes (publishing,
    moving, renaming or deleting a page moves the content version on), so a request usually
    only loads the page it serves, fresh from the database."""

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        if not path_components:
            return super().route(request, path_components)
        version = shared_cache.request_content_version(request)
        key = f"route:{SCHEMA}:{self.pk}:{'/'.join(path_components)}"
        steps = shared_cache.get(version, key, lambda: self.find_steps(path_components))
        if steps is None:
            # Not found (or found twice): Wagtail's routing decides, and raises Http404.
            return super().route(request, path_components)
        page_id, content_type_id, remaining = steps
        page_class = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        try:
            specific = page_class._default_manager.get(pk=page_id)
        except page_class.DoesNotExist:  # deleted since, and the version not yet moved on
            return super().route(request, path_components)
        # The view restriction check that follows reads the version from here.
        specific._routed_content_version = version
        return specific.route(request, path_components[len(path_components) - remaining :])

    def find_steps(self, path_components: list[str]) -> tuple[int, int, int] | None:
        """The page that serves the path, as (id, content type id, components it routes
        itself); None when Wagtail's routing should decide."""
        url_paths, url_path = [], self.url_path
        for component in path_components:
            url_path = f"{url_path}{component}/"
            url_paths.append(url_path)
        # Slugs are indexed; url_path narrows them down to the pages on this path.
        on_the_way = list(
            Page.objects.descendant_of(self)
            .filter(slug__in=path_components, url_path__in=url_paths)
            .order_by("path")
        )
        parent: Page = self
        for position, slug in enumerate(path_components):
            children = [
                page
                for page in on_the_way
                if page.depth == parent.depth + 1
                and page.path.startswith(parent.path)
                and page.slug == slug
            ]
            if len(children) != 1:
                return None
            page, remaining = children[0], len(path_components) - position - 1
            if not remaining or routes_itself(page):
                return page.pk, page.content_type_id, remaining
            parent = page
        return None


def any_view_restrictions(version: str | None = None) -> bool:
    """Whether any page has a view restriction, from the cache until content changes.

    Saving or deleting a restriction bumps the content version (`courses.caching.signals`)."""
    return shared_cache.get(
        version or shared_cache.current_version(),
        "any-view-restrictions",
        PageViewRestriction.objects.exists,
    )


class CachedViewRestrictionsMixin:
    """For page types learners read: no restriction queries while no page is restricted."""

    def get_view_restrictions(self):
        if not any_view_restrictions(getattr(self, "_routed_content_version", None)):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def find_site(request: HttpRequest) -> Site | None:
    """The request's site, with its root page as its specific type: Wagtail routes every
    request from `site.root_page.localized`, which the home page answers without a query."""
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site


class CachedSiteMiddleware:
    """Finds the request's Wagtail site and the sites' root paths from memory, not with a
    query and a cache look-up per request.

    Wagtail keeps what it finds on the request (`Site.find_for_request` in
    `request._wagtail_site`, page URLs' `Site.get_site_root_paths()` in
    `request._wagtail_cached_site_root_paths`); this sets both first, from entries kept until
    content changes (saving or deleting a site or a page moves the content version on)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        version = shared_cache.request_content_version(request)
        if version is None:  # the cache is down: Wagtail finds them itself
            return self.get_response(request)
        hostname = split_domain_port(request._get_raw_host())[0]
        key = f"site:{SCHEMA}:{hostname}:{request.get_port()}"
        request._wagtail_site = shared_cache.get(version, key, lambda: find_site(request))
        request._wagtail_cached_site_root_paths = shared_cache.get(
            version, f"site-root-paths:{SCHEMA}", Site.get_site_root_paths
        )
        return self.get_response(request)
