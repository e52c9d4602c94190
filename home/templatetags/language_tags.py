"""The language switcher: on every page, links to the same page in the other languages."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from courses.pages.languages import LanguageLink, translation_urls

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context) -> dict:
    """Links (no JavaScript needed) through `switch_language`, which remembers the choice.

    A Wagtail page links to its translation (or the alias standing in for it); any other
    page to the same URL in the other language."""
    request = context.get("request")
    if request is None:
        return {"links": []}
    page = context.get("page")
    urls = translation_urls(page, request) if isinstance(page, Page) and page.pk else {}
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        target = urls.get(code) or translate_url(request.get_full_path(), code)
        query = urlencode({"next": target})
        links.append(
            LanguageLink(
                code=code,
                name=name,
                url=f"{reverse('switch_language', args=[code])}?{query}",
                current=code == current,
            )
        )
    return {"links": links}
