"""Connects content changes to `courses.caching.content_version.bump`.

Imported by `CoursesConfig.ready()`, once every model is loaded.

Publishing, unpublishing, moving, renaming and deleting pages change what visitors see, and so
does saving a live page outside Wagtail's publishing (but not saving a draft); so do
view restrictions (who may see a page), audiences (named on catalogue cards), sites (page URLs
and the root of the tree), site settings, and images and documents (an edited image gets new
renditions and the old files go; a document's title and file are shown in lessons).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from courses.caching import content_version
from courses.pages.taxonomy import Audience


def bump_now_and_after_commit(**_signal_kwargs: object) -> None:
    """Bump the content version, and again when the surrounding transaction commits.

    The second bump is the one that matters: Wagtail publishes inside a transaction, so a
    request that read the first new version before the commit may have rendered the old
    content and cached it under that version; the bump after commit makes such an entry
    unreachable. The first keeps the change visible at once where nothing commits (tests).
    """
    content_version.bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(content_version.bump, robust=True)


#: What Wagtail saves on a page when an author saves a draft or locks it: nothing visitors see.
DRAFT_ONLY_FIELDS = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def bump_on_live_page_save(sender, instance, update_fields=None, **_kwargs: object) -> None:
    """Saving a live page changes published content even when it is not published through
    Wagtail (a script, a data migration, test factories); a draft save does not."""
    if not isinstance(instance, Page) or not instance.live:
        return
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    bump_now_and_after_commit()


def connect() -> None:
    """Connect the receivers; `CoursesConfig.ready()` calls this once the models are loaded."""
    receiver = bump_now_and_after_commit
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(receiver, dispatch_uid=f"content-version-{id(signal)}")
    post_delete.connect(receiver, sender=Page, dispatch_uid="content-version-page")
    post_save.connect(bump_on_live_page_save, dispatch_uid="content-version-live-page-save")
    models = [
        PageViewRestriction,
        Audience,
        Site,
        get_image_model(),
        get_document_model(),
        *settings_registry,
    ]
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                receiver,
                sender=model,
                dispatch_uid=f"content-version-{model._meta.label}-{id(signal)}",
            )
