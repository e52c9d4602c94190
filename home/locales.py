"""The content languages in Wagtail: a locale per language, each kept in step with the default.

Every language of settings.WAGTAIL_CONTENT_LANGUAGES gets a Wagtail `Locale`, and every locale
but the default one a wagtail-localize `LocaleSynchronization` from the default locale. That
makes each locale's page tree hold every page: the ones authors translated, and aliases of
the others, which show the source's words with a "not translated yet" notice instead of a 404.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree


@transaction.atomic
def ensure_languages() -> dict[str, int]:
    """Create the missing locales and synchronisations, then fill every locale's tree with
    aliases of the pages it lacks. Safe to run again: it only adds what is missing.

    Pages created in the admin get their aliases at once (wagtail-localize's hook); pages
    created by code (the demo builder, an import) get them when this runs."""
    existing = set(Locale.objects.values_list("language_code", flat=True))
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    Locale.objects.bulk_create(
        [Locale(language_code=code) for code in codes if code not in existing]
    )
    default = Locale.get_default()
    synced = set(LocaleSynchronization.objects.values_list("locale_id", flat=True))
    missing = Locale.objects.exclude(pk=default.pk).exclude(pk__in=synced)
    # bulk_create sends no post_save, so wagtail-localize queues no job of its own: the
    # trees are filled here, before this returns.
    new_syncs = LocaleSynchronization.objects.bulk_create(
        [LocaleSynchronization(locale=locale, sync_from=default) for locale in missing]
    )
    page_index = PageIndex.from_database().sort_by_tree_position()
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale, page_index=page_index)
    return {"locales": len(codes) - len(existing & set(codes)), "synchronisations": len(new_syncs)}


def translate_page(source: Page, language: str, **fields: object) -> Page:
    """Publish `source` translated into `language`, with the translated `fields`: for
    translations written by code (the demo content, an import). Authors use the admin.

    Wagtail's `copy_for_translation` keeps the translation key and the StreamField block ids
    (so a quiz's question and choice ids stay those of its source); an alias standing in for
    the translation becomes the translation. Running it again updates the translation."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    page = source.get_translation_or_none(locale)
    if page is None:
        page = source.copy_for_translation(locale, copy_parents=True)
    page = page.specific
    page.alias_of = None
    for name, value in fields.items():
        setattr(page, name, value)
    page.save()
    page.save_revision().publish()
    page.refresh_from_db()  # publishing saved a copy: this one learns it is live
    return page
