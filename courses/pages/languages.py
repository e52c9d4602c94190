"""The language of a page's words, and the same page in the other languages.

Every page of the course tree exists in every language: wagtail-localize keeps the locales'
trees in step with the default one (`LocaleSynchronization`, set up by `manage.py
setup_languages`), and a page not yet translated is an *alias* of its source that shows the
source's words. So a page's locale is the language the learner chose, and `content_language`
is the language its words are in: the source's for an alias. The "not yet translated" notice
and the `lang` and `dir` attributes of the page's words come from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page

from courses.caching import shared_cache
from training.languages import supported_language, text_direction

#: Part of every key: change it when the shape of what is cached changes.
SCHEMA = 1
#: The attribute `with_content_language` annotates, read before asking the database.
ANNOTATION = "content_language_code"

_locale_codes: dict[int, str] = {}


@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def _forget_locale_codes(**kwargs: object) -> None:
    _locale_codes.clear()


def locale_code(locale_id: int | None) -> str:
    """The language code of a locale, from memory: locales are few and seldom change."""
    if locale_id not in _locale_codes:
        _locale_codes.update(Locale.objects.values_list("id", "language_code"))
    return _locale_codes.get(locale_id, settings.LANGUAGE_CODE)


def with_content_language(queryset: QuerySet) -> QuerySet:
    """Pages annotated with the language of their words, so a list needs no query per page."""
    return queryset.annotate(
        **{ANNOTATION: Coalesce(F("alias_of__locale__language_code"), F("locale__language_code"))}
    )


def content_language(page: Page) -> str:
    """The language of the page's words: its locale's, or its source's for an alias."""
    annotated = getattr(page, ANNOTATION, None)
    if annotated:
        return annotated
    if page.alias_of_id is None:
        return locale_code(page.locale_id)
    source_locale = (
        Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
    )
    return locale_code(source_locale or page.locale_id)


class TranslatedPageMixin:
    """For the pages learners read: which language their words are in."""

    @property
    def localized(self) -> Page:
        """Wagtail's `localized` (this page in the active language), without its locale
        query when the page is in the active language already, as the site's root page
        that every request routes from usually is."""
        if locale_code(self.locale_id) == get_language():
            return self
        return super().localized

    @cached_property
    def language(self) -> str:
        return content_language(self)

    @property
    def text_direction(self) -> str:
        return text_direction(self.language)

    @property
    def language_name(self) -> str:
        """The name of the page's language, in that language ("Français", "العربية")."""
        return get_language_info(self.language)["name_local"]

    @property
    def is_untranslated(self) -> bool:
        """True for a page standing in for a translation not written yet."""
        return self.alias_of_id is not None and self.language != locale_code(self.locale_id)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool


def translation_urls(page: Page, request: HttpRequest | None) -> dict[str, str]:
    """{language code: URL} of the page's live translations (aliases included), from the
    cache until content changes. One query when it is not cached, whatever the languages."""

    def build() -> dict[str, str]:
        translations = (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .only("id", "url_path", "locale_id", "path", "depth", "content_type_id")
        )
        urls = {}
        for translation in translations:
            url = translation.get_url(request)
            if url:
                urls[locale_code(translation.locale_id)] = url
        return urls

    site = getattr(request, "_wagtail_site", None)
    key = f"translations:{SCHEMA}:{getattr(site, 'pk', '')}:{page.translation_key}"
    return shared_cache.get(shared_cache.request_content_version(request), key, build)


def active_language() -> str:
    return supported_language(get_language())


def attach_available_languages(pages: list[Page]) -> list[Page]:
    """Set `available_languages` on each page: [(code, name)] of the languages it is
    published in (aliases apart), in settings order. One query, whatever the number."""
    keys = {page.translation_key for page in pages}
    found: dict = {}
    translated = (
        Page.objects.live()
        .filter(translation_key__in=keys, alias_of__isnull=True)
        .values_list("translation_key", "locale_id")
    )
    for key, locale_id in translated:
        found.setdefault(key, set()).add(locale_code(locale_id))
    for page in pages:
        codes = found.get(page.translation_key, set())
        page.available_languages = [
            (code, name) for code, name in settings.LANGUAGES if code in codes
        ]
    return pages
