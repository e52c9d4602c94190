"""Sending certificate reminders: the emails `certificates.recertification.run_daily` wrote
rows for. Only tasks call these.

Each reminder row is its own outbox: it is sent under a lock on its row and marked sent in
the same transaction, so a second run, a retry, or the sweep after a lost message sends it
once.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from certificates.issuing import course_in
from certificates.models import CertificateReminder
from certificates.recertification import certification_course, refresher_for
from training.languages import language_codes

Outcome = CertificateReminder.Outcome


def send_reminder(reminder_id: int) -> str:
    """Email one due reminder, once. Returns "sent", or why nothing was sent."""
    with transaction.atomic():
        reminder = (
            CertificateReminder.objects.select_for_update(of=("self",))
            .select_related("certificate__enrolment__user")
            .filter(pk=reminder_id)
            .first()
        )
        if reminder is None:
            return "gone"
        if reminder.outcome != Outcome.PENDING:
            return reminder.outcome
        user = reminder.certificate.enrolment.user
        if not user.certificate_reminders or not user.email:
            reminder.outcome = Outcome.SKIPPED
            reminder.skip_reason = "The learner turned reminders off."
            reminder.save(update_fields=["outcome", "skip_reason"])
            return "skipped"
        subject, body = reminder_email(reminder)
        send_mail(subject, body, None, [user.email])
        reminder.outcome = Outcome.SENT
        reminder.sent_at = timezone.now()
        reminder.save(update_fields=["outcome", "sent_at"])
    return "sent"


def reminder_language(reminder: CertificateReminder) -> str:
    """The learner's preferred language, else the certificate's."""
    preferred = reminder.certificate.enrolment.user.preferred_language
    return preferred if preferred in language_codes() else reminder.certificate.language


def reminder_email(reminder: CertificateReminder) -> tuple[str, str]:
    """Subject and body, in the learner's language, with a link to the refresher course."""
    certificate = reminder.certificate
    language = reminder_language(reminder)
    with translation.override(language):
        day = date_format(reminder.expires_on, "j F Y")
        values = {
            "name": certificate.learner_name,
            "course": certificate.course_title,
            "date": day,
            "refresher": refresher_url(reminder, language),
            "my_learning": settings.SITE_URL.rstrip("/") + reverse("my_learning"),
            "profile": settings.SITE_URL.rstrip("/") + reverse("profile"),
        }
        if reminder.offset_days < 0:
            subject = _("Your certificate “%(course)s” expires on %(date)s") % values
            opening = _("Your certificate for “%(course)s” expires on %(date)s.") % values
            action = _("To keep it valid, take the refresher course:")
        else:
            subject = _("Your certificate “%(course)s” expired on %(date)s") % values
            opening = _("Your certificate for “%(course)s” expired on %(date)s.") % values
            action = _("To renew it, take the refresher course:")
        body = _(
            "Hello %(name)s,\n\n%(opening)s\n"
            "%(action)s\n%(refresher)s\n\n"
            "Your certificates and their dates are in My learning:\n%(my_learning)s\n\n"
            "You can turn these reminders off in your profile:\n%(profile)s\n"
        ) % {**values, "opening": opening, "action": action}
    return subject, body


def refresher_url(reminder: CertificateReminder, language: str) -> str:
    """The refresher course's page in `language`, or My learning if the course is gone."""
    base = settings.SITE_URL.rstrip("/")
    course = certification_course(reminder.certificate.enrolment.course_key)
    if course is None:
        return base + reverse("my_learning")
    page = course_in(refresher_for(course), language)
    return base + (page.get_url() or "/")


def unsent_reminders(older_than_seconds: int) -> list[int]:
    """Reminders still to send a while after they were written (their run was cut short)."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    return list(
        CertificateReminder.objects.filter(
            outcome=Outcome.PENDING, created_at__lt=cutoff
        ).values_list("pk", flat=True)
    )
