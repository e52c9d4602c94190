"""Reports read the models of `courses`, `certificates` and `accounts`; they own no data.

`Report` holds no rows: it only carries the "view reports" permission that staff groups are
given (Wagtail's group editor lists it), as Django permissions belong to a model.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_reports", _("Can view programme reports and question analysis"))]
        verbose_name = _("report")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
