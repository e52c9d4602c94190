"""Enrolling a checked roster (`courses.learning.roster`) in a course, all or nothing, and
telling the learners.

Importing the same rows twice changes nothing the second time: learners already enrolled are
reported as such, and nobody is emailed twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urljoin

from allauth.account.adapter import get_adapter
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core import mail
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.learning.enrolment import EnrolmentRefused, enrol
from courses.learning.models import Enrolment
from courses.learning.roster import RosterRow, RowProblem
from courses.pages.models import CoursePage


@dataclass
class ImportReport:
    """What `import_roster` did, or would have done if it had been allowed to commit.

    `committed` is False when any row was refused or on a dry run: then nothing was written,
    and the other lists say what importing would do.
    """

    created: list[RosterRow] = field(default_factory=list)
    enrolled: list[RosterRow] = field(default_factory=list)
    already_enrolled: list[RosterRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    committed: bool = False

    @property
    def newly_enrolled(self) -> int:
        """Learners enrolled by this import, with new accounts or existing ones."""
        return len(self.created) + len(self.enrolled)


def import_roster(
    course: CoursePage,
    rows: Sequence[RosterRow],
    enrolled_by: AbstractBaseUser,
    *,
    dry_run: bool = False,
) -> ImportReport:
    """Enrol every row's learner in `course`, creating accounts for unknown email addresses.

    Learners are matched by email address whatever its case; existing accounts are not
    changed. New accounts get the row's name and organisation and no usable password. Each
    learner is enrolled with `enrol(..., enrolled_by=enrolled_by)`, so the course's places and
    enrolment window apply, but not its key.

    All or nothing: if any row is refused (course full, deactivated account, ...), the whole
    transaction is rolled back and the report lists the refusals. With `dry_run` it is always
    rolled back, which tells staff what an import would do. Once committed, new accounts are
    emailed a link to choose a password and the others a short note.

    Running it twice with the same rows changes nothing the second time: everyone is
    reported as already enrolled and no email is sent.
    """
    report = ImportReport()
    with transaction.atomic():
        new_account_ids, enrolled_ids = _enrol_rows(course, rows, enrolled_by, report)
        if report.problems or dry_run:
            transaction.set_rollback(True)
        else:
            report.committed = True
            if new_account_ids or enrolled_ids:
                transaction.on_commit(
                    partial(send_enrolment_emails, course.pk, new_account_ids, enrolled_ids),
                    # Mail failing must not turn a committed import into an error page.
                    robust=True,
                )
    return report


def _enrol_rows(
    course: CoursePage,
    rows: Sequence[RosterRow],
    enrolled_by: AbstractBaseUser,
    report: ImportReport,
) -> tuple[list[int], list[int]]:
    user_model = get_user_model()
    emails = {row.email.lower() for row in rows}
    accounts = {
        user.email_lower: user
        for user in user_model.objects.annotate(email_lower=Lower("email")).filter(
            email_lower__in=emails
        )
    }
    already_enrolled = set(
        Enrolment.objects.active()
        .filter(course_key=course.translation_key, user__in=list(accounts.values()))
        .values_list("user_id", flat=True)
    )

    new_account_ids: list[int] = []
    enrolled_ids: list[int] = []
    seen: dict[str, int] = {}
    for row in rows:
        email = row.email.lower()
        if email in seen:
            report.problems.append(
                RowProblem(
                    row.line,
                    _("This email address is also on line %(line)s.") % {"line": seen[email]},
                    email,
                )
            )
            continue
        seen[email] = row.line
        user = accounts.get(email)
        if user is not None and not user.is_active:
            report.problems.append(
                RowProblem(
                    row.line, _("The account with this email address is deactivated."), email
                )
            )
            continue
        if user is not None and user.pk in already_enrolled:
            report.already_enrolled.append(row)
            continue
        created = user is None
        if created:
            user = _create_learner(row)
        try:
            enrol(user, course, enrolled_by=enrolled_by)
        except EnrolmentRefused as refusal:
            report.problems.append(RowProblem(row.line, str(refusal), email))
            continue
        if created:
            report.created.append(row)
            new_account_ids.append(user.pk)
        else:
            report.enrolled.append(row)
            enrolled_ids.append(user.pk)
    return new_account_ids, enrolled_ids


def _create_learner(row: RosterRow) -> AbstractBaseUser:
    """A new account for the row, with a username made from the email address, as allauth does
    at sign-up, and no usable password: the learner chooses one from the emailed link."""
    user_model = get_user_model()
    user = user_model(
        username=get_adapter().generate_unique_username([row.email]),
        email=row.email.lower(),
        full_name=row.name,
        organisation=row.organisation,
    )
    user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # The learner signed up while the import ran: use their new account.
        existing = user_model.objects.filter(email__iexact=row.email).first()
        if existing is None:
            raise
        return existing
    return user


def send_enrolment_emails(
    course_id: int, new_account_ids: Iterable[int], enrolled_ids: Iterable[int]
) -> int:
    """Tell learners that staff enrolled them in a course; returns how many emails were sent.

    New accounts, and existing ones that have no password yet, get a link to choose one; the
    others get a short note with a link to the course. Running it twice sends everything
    twice, so `import_roster` calls it once, after its transaction has committed.
    """
    course = CoursePage.objects.get(pk=course_id)
    new_account_ids = set(new_account_ids)
    users = get_user_model().objects.filter(pk__in=new_account_ids | set(enrolled_ids))
    messages = [
        _enrolment_message(course, user, new_account=user.pk in new_account_ids)
        for user in users.order_by("pk")
        if user.email
    ]
    with mail.get_connection() as connection:
        return connection.send_messages(messages) or 0


def _absolute(url: str) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL, url)


def password_setting_url(user: AbstractBaseUser) -> str:
    """The absolute link to allauth's "set a new password" page for `user`.

    It stops working once used, and after `PASSWORD_RESET_TIMEOUT`.
    """
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return _absolute(path)


def _enrolment_message(
    course: CoursePage, user: AbstractBaseUser, *, new_account: bool
) -> mail.EmailMessage:
    prefix = getattr(settings, "ACCOUNT_EMAIL_SUBJECT_PREFIX", "")
    subject = prefix + _("You are enrolled in %(course)s") % {"course": course.title}
    greeting = _("Hello %(name)s,") % {"name": user.full_name} if user.full_name else _("Hello,")
    paragraphs = [
        greeting,
        _("You have been enrolled in the course “%(course)s” on %(site)s.")
        % {"course": course.title, "site": settings.WAGTAIL_SITE_NAME},
    ]
    if new_account:
        paragraphs.append(
            _("An account has been created for you with this email address (%(email)s).")
            % {"email": user.email}
        )
    if new_account or not user.has_usable_password():
        days = max(settings.PASSWORD_RESET_TIMEOUT // 86400, 1)
        paragraphs.append(
            _("Choose a password to sign in:") + "\n" + password_setting_url(user),
        )
        paragraphs.append(
            ngettext(
                "This link works once, for %(days)s day. After that, use “Forgot your "
                "password?” on the sign-in page.",
                "This link works once, for %(days)s days. After that, use “Forgot your "
                "password?” on the sign-in page.",
                days,
            )
            % {"days": days}
        )
    else:
        paragraphs.append(_("Start learning:") + "\n" + _absolute(course.get_url() or "/"))
    return mail.EmailMessage(subject=subject, body="\n\n".join(paragraphs) + "\n", to=[user.email])
