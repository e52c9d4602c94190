"""API tokens: what another system (a ministry's HR database, a donor's dashboard) presents to
read the API. Staff issue them in the admin; the secret is shown once and only its hash is
kept, so a copy of the database lets no one call the API."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    name = models.CharField(
        _("name"), max_length=100, help_text=_("Who uses it and for what, e.g. “Ministry HR”.")
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=150,
        blank=True,
        help_text=_(
            "Only learners of this organisation (as on their profile, any case) are visible "
            "with this token. Leave empty for every organisation."
        ),
    )
    #: The first characters of the token, stored in clear to find its row.
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    #: sha256 of the whole token, hex.
    secret_hash = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(
        _("expires"), null=True, blank=True, help_text=_("Leave empty for no expiry.")
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_all_organisations(self) -> bool:
        return not self.organisation.strip()

    def is_usable(self, now=None) -> bool:
        """Not revoked and not expired."""
        now = now or timezone.now()
        if self.revoked_at is not None:
            return False
        return self.expires_at is None or self.expires_at > now

    @property
    def scope(self) -> str:
        return self.organisation.strip() or str(_("All organisations"))
