"""Template tags for the learner's pages."""

from __future__ import annotations

import hashlib
from pathlib import Path

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.templatetags.wagtailcore_tags import slugurl

from courses.caching import shared_cache
from courses.caching.shared_cache import request_content_version
from courses.pages import blocks
from courses.pages.outline import SCHEMA
from training.languages import text_direction

register = template.Library()


def _block_code_fingerprint() -> str:
    """A digest of what renders lesson blocks (their templates and `courses/pages/blocks.py`), so a
    release that changes them does not serve bodies its predecessor rendered."""
    sources = [Path(blocks.__file__)]
    sources += sorted((Path(settings.BASE_DIR) / "templates" / "courses" / "blocks").glob("*.html"))
    digest = hashlib.blake2b(digest_size=8)
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()


BLOCK_CODE = _block_code_fingerprint()


@register.simple_tag(takes_context=True)
def cached_slugurl(context: template.Context, slug: str) -> str | None:
    """Wagtail's `{% slugurl %}`, kept in the shared cache until content changes.

    Every page's navigation links to the catalogue by its slug, which costs a query."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    language = get_language()

    def build() -> str:
        page = Page.objects.in_site(site).filter(slug=slug).first() if site else None
        if page is None:
            return slugurl(context, slug) or ""
        # The page in the active language (its translation, or the alias standing in).
        return page.localized.get_url(request) or ""

    key = f"slugurl:{SCHEMA}:{site.pk if site else ''}:{language}:{slug}"
    url = shared_cache.get(request_content_version(request), key, build)
    return url or None


@register.simple_tag(takes_context=True)
def content_lang(context: template.Context, page) -> SafeString:
    """` lang="…" dir="…"` for an element holding a page's words, when they are not in the
    interface's language (a page not yet translated shows its source's words); else nothing."""
    language = getattr(page, "language", None)
    if not language or language == get_language():
        return mark_safe("")
    direction = text_direction(language)
    return format_html(' lang="{}" dir="{}"', language, direction)


@register.simple_tag(takes_context=True)
def lesson_body(context: template.Context, page) -> SafeString:
    """A lesson's body as HTML, rendered once per content and kept in the shared cache.

    The HTML is the same for everyone who may read it: blocks are rendered with nothing of
    the request or the learner in their context. The key holds what the HTML depends on: the
    content version (moved on by publishing or saving a live page, and by changes to the
    images and documents blocks show), the code that renders blocks, the page and the
    interface language (words such as "What to do"). Previews, and pages not live, are
    rendered and not kept.
    """
    request = context.get("request")
    if getattr(request, "is_preview", False) or not page.live:
        return render_body(page)
    key = f"lesson-body:{SCHEMA}:{BLOCK_CODE}:{get_language()}:{page.pk}"
    html = shared_cache.get(request_content_version(request), key, lambda: str(render_body(page)))
    return mark_safe(html)  # noqa: S308 - rendered by the block templates, which escape


def render_body(page) -> SafeString:
    block_context = {"page": page}
    return mark_safe(  # noqa: S308 - each block's HTML is escaped by conditional_escape
        "\n".join(
            conditional_escape(block.render_as_block(context=block_context)) for block in page.body
        )
    )
