"""Enrol learners from the Wagtail admin: upload a CSV roster, see its problems, confirm.

The view and its forms translate HTTP into calls: the rules live in `courses.learning.roster`
(reading the file) and `courses.learning.roster_import` (enrolling the rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from courses.learning.enrolment import enrolment_problem
from courses.learning.roster import (
    COLUMNS,
    MAX_ROWS,
    RosterFileError,
    RosterRow,
    RowProblem,
    parse_roster,
)
from courses.learning.roster_import import ImportReport, import_roster
from courses.models import CoursePage, Enrolment

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
        label=gettext_lazy("Course"),
        empty_label=gettext_lazy("Choose a course"),
    )
    file = forms.FileField(
        label=gettext_lazy("Learners (CSV file)"),
        help_text=gettext_lazy(
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
                gettext_lazy("The file is larger than %(size)s MB: split it into smaller files.")
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
                gettext_lazy("This confirmation has expired. Upload the file again."),
                code="expired",
            ) from error
        except signing.BadSignature as error:
            raise forms.ValidationError(
                gettext_lazy(
                    "This confirmation was changed after the file was checked, so nothing was "
                    "imported. Upload the file again."
                ),
                code="tampered",
            ) from error
        if payload.get("by") != self.user.pk:
            raise forms.ValidationError(
                gettext_lazy("This confirmation was made for someone else. Upload the file again."),
                code="other_user",
            )
        course = live_courses().filter(pk=payload.get("course")).first()
        if course is None:
            raise forms.ValidationError(
                gettext_lazy("The course is no longer published."), code="course"
            )
        self.cleaned_data["course"] = check_course_is_open(course)
        self.cleaned_data["rows"] = [RosterRow.from_dict(row) for row in payload["rows"]]
        return token


class EnrolLearnersView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Upload a CSV roster to enrol many learners in a course at once.

    A file without problems is imported at once. Otherwise every problem is listed by line,
    nothing is imported, and staff may confirm importing the rows that have none.
    """

    model = Enrolment
    permission_required = "add"
    template_name = "courses/admin/enrol_learners.html"
    page_title = gettext_lazy("Enrol learners")
    header_icon = "group"
    index_url_name = None

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        if self.index_url_name and self.user_has_permission("view"):
            items.append({"url": reverse(self.index_url_name), "label": _("Enrolments")})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=RosterUploadForm()))

    def post(self, request, *args, **kwargs) -> HttpResponse:
        if "confirmation" in request.POST:
            return self.confirm()
        form = RosterUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        roster = form.cleaned_data["roster"]
        return self.import_or_review(form.cleaned_data["course"], roster.rows, roster.problems)

    def confirm(self) -> HttpResponse:
        confirmation = RosterConfirmationForm(self.request.POST, user=self.request.user)
        if not confirmation.is_valid():
            return self.render_to_response(
                self.get_context_data(
                    form=RosterUploadForm(),
                    confirmation_errors=confirmation.errors.get("confirmation", []),
                ),
                status=400,
            )
        data = confirmation.cleaned_data
        return self.import_or_review(data["course"], data["rows"], [])

    def import_or_review(
        self, course: CoursePage, rows: Sequence[RosterRow], problems: Sequence[RowProblem]
    ) -> HttpResponse:
        """Import when there is nothing to report; otherwise show what is wrong and what
        importing the good rows would do, having written nothing."""
        report = import_roster(course, rows, self.request.user, dry_run=bool(problems))
        if report.committed:
            messages.success(self.request, self.summary(course, report))
            return HttpResponseRedirect(self.get_success_url(course))

        refused = {problem.line for problem in report.problems}
        importable = [row for row in rows if row.line not in refused]
        return self.render_to_response(
            self.get_context_data(
                course=course,
                problems=sorted([*problems, *report.problems], key=lambda p: p.line),
                report=report,
                importable=len(importable),
                confirmation=RosterConfirmationForm.for_rows(course, importable, self.request.user)
                if importable
                else None,
            )
        )

    def summary(self, course: CoursePage, report: ImportReport) -> str:
        if report.newly_enrolled:
            headline = ngettext(
                "%(count)s learner enrolled in “%(course)s”.",
                "%(count)s learners enrolled in “%(course)s”.",
                report.newly_enrolled,
            ) % {"count": report.newly_enrolled, "course": course.title}
        else:
            headline = _("No new enrolments in “%(course)s”.") % {"course": course.title}
        parts = [headline]
        if report.created:
            parts.append(
                ngettext(
                    "%(count)s new account created and emailed a link to choose a password.",
                    "%(count)s new accounts created and emailed a link to choose a password.",
                    len(report.created),
                )
                % {"count": len(report.created)}
            )
        if report.already_enrolled:
            parts.append(
                ngettext(
                    "%(count)s learner was already enrolled.",
                    "%(count)s learners were already enrolled.",
                    len(report.already_enrolled),
                )
                % {"count": len(report.already_enrolled)}
            )
        return " ".join(parts)

    def get_success_url(self, course: CoursePage) -> str:
        if self.index_url_name and self.user_has_permission("view"):
            query = urlencode({"course": course.translation_key})
            return f"{reverse(self.index_url_name)}?{query}"
        return self.request.path
