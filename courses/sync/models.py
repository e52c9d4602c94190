"""The record of each offline item synced: what makes sending it again change nothing.

A device gives every item of its outbox an id of its own (a UUID). The first time the server
sees an id from a learner it applies the item and keeps the result it gave; the same id again,
from any page or language, gets that result back and changes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SyncedItem(models.Model):
    class Kind(models.TextChoices):
        LESSON_COMPLETE = "lesson_complete", _("Lesson marked complete")
        QUIZ_SUBMIT = "quiz_submit", _("Quiz submitted")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="synced_items"
    )
    #: The id the device gave the item.
    client_id = models.UUIDField(_("client id"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    #: What the learner was told (`courses.sync.outbox`), given again for the same id.
    result = models.JSONField(_("result"))
    created_at = models.DateTimeField(_("synced"), auto_now_add=True)

    class Meta:
        verbose_name = _("synced item")
        constraints = [
            models.UniqueConstraint(fields=["user", "client_id"], name="one_sync_per_client_id")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.client_id} by {self.user}"
