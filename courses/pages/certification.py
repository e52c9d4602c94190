"""A course's certification settings: how long its certificate is valid, and how it is renewed.

They are set on the source course page (the one in the default language) and shared by all its
translations: the certificates app reads them from the source (`source_course`), so a
translator cannot change a qualification's validity by accident.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail_localize.fields import SynchronizedField

#: Days before expiry and after it when a learner is reminded, unless the course says otherwise.
DEFAULT_REMINDERS_BEFORE = "90, 30, 7"
DEFAULT_REMINDERS_AFTER = "14"
#: No reminder further than this from the expiry date: ten years.
LONGEST_REMINDER_DAYS = 3650


def parse_days(text: str) -> list[int]:
    """Numbers of days from a list such as "90, 30, 7": whole positive numbers, each once,
    largest first. Raises ValueError with a message for anything else."""
    days: set[int] = set()
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or not 0 < int(part) <= LONGEST_REMINDER_DAYS:
            raise ValueError(
                _("“%(part)s” is not a number of days between 1 and %(most)s.")
                % {"part": part, "most": LONGEST_REMINDER_DAYS}
            )
        days.add(int(part))
    return sorted(days, reverse=True)


class RenewalBasis(models.TextChoices):
    PREVIOUS_EXPIRY = (
        "previous_expiry",
        _("From the previous expiry date (early renewal loses nothing)"),
    )
    COMPLETION = "completion", _("From the date the refresher is completed")


class CertificationSettings(models.Model):
    """Validity and recertification, as fields of the course page (abstract)."""

    validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the certificate never expires."),
    )
    recertification_window_days = models.PositiveSmallIntegerField(
        _("recertification opens (days before expiry)"),
        default=90,
        help_text=_("From this day the learner can take the refresher course."),
    )
    grace_days = models.PositiveSmallIntegerField(
        _("grace period (days after expiry)"),
        default=0,
        help_text=_(
            "How long the certificate stays valid after its expiry date, while the learner "
            "renews it."
        ),
    )
    renewal_basis = models.CharField(
        _("next expiry counted"),
        max_length=20,
        choices=RenewalBasis.choices,
        default=RenewalBasis.PREVIOUS_EXPIRY,
    )
    refresher_course = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("refresher course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A shorter course that renews this certificate. Leave empty to take this course again."
        ),
    )
    reminder_days_before = models.CharField(
        _("reminders before expiry (days)"),
        max_length=100,
        blank=True,
        default=DEFAULT_REMINDERS_BEFORE,
        help_text=_(
            "Days before the expiry date when the learner gets an email, such as “90, 30, 7”."
        ),
    )
    reminder_days_after = models.CharField(
        _("reminders after expiry (days)"),
        max_length=100,
        blank=True,
        default=DEFAULT_REMINDERS_AFTER,
        help_text=_("Days after the expiry date when the learner gets an email, such as “14”."),
    )

    certification_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("validity_months"), FieldPanel("grace_days")]),
                FieldRowPanel(
                    [FieldPanel("recertification_window_days"), FieldPanel("renewal_basis")]
                ),
                PageChooserPanel("refresher_course", page_type="courses.CoursePage"),
                FieldRowPanel(
                    [FieldPanel("reminder_days_before"), FieldPanel("reminder_days_after")]
                ),
            ],
            heading=_("Certification and renewal"),
        )
    ]

    #: For wagtail-localize: day lists are settings, not words to translate.
    override_translatable_fields = [
        SynchronizedField("reminder_days_before"),
        SynchronizedField("reminder_days_after"),
    ]

    class Meta:
        abstract = True

    @property
    def certificate_expires(self) -> bool:
        return bool(self.validity_months)

    def reminder_offsets(self) -> list[int]:
        """When reminders are due, in days from the expiry date: negative before, positive
        after, in date order (for example -90, -30, -7, 14). Settings that do not parse
        give no reminder rather than an error in the daily job; `clean` refuses them."""
        try:
            before = parse_days(self.reminder_days_before)
            after = parse_days(self.reminder_days_after)
        except ValueError:
            return []
        return [-days for days in before] + sorted(after)

    def clean_certification(self) -> None:
        errors = {}
        for field in ("reminder_days_before", "reminder_days_after"):
            try:
                parse_days(getattr(self, field))
            except ValueError as error:
                errors[field] = str(error)
        if self.validity_months and self.recertification_window_days > self.validity_months * 31:
            errors["recertification_window_days"] = _(
                "Recertification cannot open before the certificate is issued: "
                "choose fewer days than the certificate is valid."
            )
        if errors:
            raise ValidationError(errors)
