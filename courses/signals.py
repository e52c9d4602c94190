"""Connects content changes to `courses.content_version.bump`.

Publishing, unpublishing, moving, renaming and deleting pages change what visitors see; so do
view restrictions (who may see a page) and audiences (named on catalogue cards).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from courses import content_version


def connect() -> None:
    from wagtail.models import Page, PageViewRestriction

    from courses.models import Audience

    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(content_version.bump, dispatch_uid=f"content-version-{id(signal)}")
    post_delete.connect(content_version.bump, sender=Page, dispatch_uid="content-version-page")
    for model in (PageViewRestriction, Audience):
        for signal in (post_save, post_delete):
            signal.connect(
                content_version.bump,
                sender=model,
                dispatch_uid=f"content-version-{model.__name__}-{id(signal)}",
            )
