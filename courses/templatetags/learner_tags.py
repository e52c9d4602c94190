"""Template tags for the learner's pages."""

from __future__ import annotations

import hashlib
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Site
from wagtail.templatetags.wagtailcore_tags import slugurl

from courses import shared_cache
from courses.outline import SCHEMA
from courses.shared_cache import request_content_version

register = template.Library()


@register.simple_tag(takes_context=True)
def cached_slugurl(context: template.Context, slug: str) -> str | None:
    """Wagtail's `{% slugurl %}`, kept in the shared cache until content changes.

    Every page's navigation links to the catalogue by its slug, which costs a query."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    key = f"slugurl:{SCHEMA}:{site.pk if site else ''}:{slug}"
    url = shared_cache.get(
        request_content_version(request), key, lambda: slugurl(context, slug) or ""
    )
    return url or None


@register.simple_tag(takes_context=True)
def lesson_body(context: template.Context, page) -> SafeString:
    """A lesson's body as HTML, rendered once per content and kept in the shared cache.

    The HTML is the same for everyone who may read it: blocks are rendered with nothing of
    the request or the learner in their context. The key holds what the HTML depends on: the
    stored blocks themselves (so a changed body is never served stale, however it was saved),
    the content version (pages, images and documents the blocks show or link to) and the
    interface language (words such as "What to do"). Previews are rendered and not kept.
    """
    request = context.get("request")
    if getattr(request, "is_preview", False):
        return render_body(page)
    stored = json.dumps(list(page.body.raw_data), cls=DjangoJSONEncoder, sort_keys=True)
    digest = hashlib.blake2b(stored.encode(), digest_size=16).hexdigest()
    key = f"lesson-body:{SCHEMA}:{get_language()}:{page.pk}:{digest}"
    html = shared_cache.get(request_content_version(request), key, lambda: str(render_body(page)))
    return mark_safe(html)  # noqa: S308 - rendered by the block templates, which escape


def render_body(page) -> SafeString:
    block_context = {"page": page}
    return mark_safe(  # noqa: S308 - each block's HTML is escaped by conditional_escape
        "\n".join(
            conditional_escape(block.render_as_block(context=block_context)) for block in page.body
        )
    )
