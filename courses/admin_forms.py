"""Forms for enrolling learners from the Wagtail admin: upload a roster, then confirm it."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.utils.translation import gettext_lazy as _

from courses.enrolment import enrolment_problem
from courses.models import CoursePage
from courses.roster import COLUMNS, MAX_ROWS, RosterFileError, RosterRow, parse_roster

#: Uploads larger than this are refused before they are read: 2,000 rows fit in far less.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
CONFIRMATION_SALT = "courses.roster.confirmation"
#: How long "Import the valid rows only" stays usable after the file was checked.
CONFIRMATION_MAX_AGE = 60 * 60 * 24


def live_courses():
    return CoursePage.objects.live().order_by("title")


def check_course_is_open(course: CoursePage) -> CoursePage:
    if problem := enrolment_problem(course):
        raise forms.ValidationError(problem)
    return course


class RosterUploadForm(forms.Form):
    course = forms.ModelChoiceField(
        queryset=CoursePage.objects.none(),
        label=_("Course"),
        empty_label=_("Choose a course"),
    )
    file = forms.FileField(
        label=_("Learners (CSV file)"),
        help_text=_(
            "A CSV file, UTF-8, whose first line is “%(columns)s”, then one learner per line. "
            "Only the email address is required. At most %(limit)s learners per file."
        )
        % {"columns": ",".join(COLUMNS), "limit": f"{MAX_ROWS:,}"},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = live_courses()

    def clean_course(self) -> CoursePage:
        return check_course_is_open(self.cleaned_data["course"])

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB: split it into smaller files.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        try:
            self.cleaned_data["roster"] = parse_roster(upload.read())
        except RosterFileError as error:
            raise forms.ValidationError(str(error)) from error
        return upload


class RosterConfirmationForm(forms.Form):
    """Carries the checked rows from the review page back to the server, signed.

    The signature covers the course, the rows and the member of staff, so the rows imported
    on confirmation are exactly the rows that were checked and shown, for the same person.
    """

    confirmation = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, user: AbstractBaseUser, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    @classmethod
    def for_rows(
        cls, course: CoursePage, rows: Sequence[RosterRow], user: AbstractBaseUser
    ) -> RosterConfirmationForm:
        token = signing.dumps(
            {"course": course.pk, "by": user.pk, "rows": [row.as_dict() for row in rows]},
            salt=CONFIRMATION_SALT,
            compress=True,
        )
        return cls(initial={"confirmation": token}, user=user)

    def clean_confirmation(self) -> str:
        token = self.cleaned_data["confirmation"]
        try:
            payload = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
        except signing.SignatureExpired as error:
            raise forms.ValidationError(
                _("This confirmation has expired. Upload the file again."), code="expired"
            ) from error
        except signing.BadSignature as error:
            raise forms.ValidationError(
                _(
                    "This confirmation was changed after the file was checked, so nothing was "
                    "imported. Upload the file again."
                ),
                code="tampered",
            ) from error
        if payload.get("by") != self.user.pk:
            raise forms.ValidationError(
                _("This confirmation was made for someone else. Upload the file again."),
                code="other_user",
            )
        course = live_courses().filter(pk=payload.get("course")).first()
        if course is None:
            raise forms.ValidationError(_("The course is no longer published."), code="course")
        self.cleaned_data["course"] = check_course_is_open(course)
        self.cleaned_data["rows"] = [RosterRow.from_dict(row) for row in payload["rows"]]
        return token
