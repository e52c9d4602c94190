"""Wagtail admin views for enrolments: the list staff read and export, and bulk enrolment.

Both translate HTTP into calls: the rules live in `courses.enrolment` and `courses.roster`.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

import django_filters
from django import forms
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from django_countries import countries
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from courses.admin_forms import RosterConfirmationForm, RosterUploadForm
from courses.models import CoursePage, Enrolment
from courses.roster import ImportReport, RosterRow, RowProblem, import_roster


def live_course_choices() -> list[tuple[str, str]]:
    """(translation_key, title) of each published course, once per course whatever its
    translations, titled in the lowest locale id as `Enrolment.objects.with_course_title()` is."""
    titles: dict[str, str] = {}
    for key, title in (
        CoursePage.objects.live().order_by("locale_id").values_list("translation_key", "title")
    ):
        titles.setdefault(str(key), title)
    return sorted(titles.items(), key=lambda choice: choice[1].casefold())


class EnrolmentFilterSet(WagtailFilterSet):
    course = django_filters.ChoiceFilter(
        field_name="course_key", label=gettext_lazy("Course"), empty_label=gettext_lazy("All")
    )
    status = django_filters.ChoiceFilter(
        choices=Enrolment.Status.choices,
        label=gettext_lazy("Status"),
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    organisation = django_filters.CharFilter(
        field_name="user__organisation",
        lookup_expr="icontains",
        label=gettext_lazy("Organisation"),
    )
    country = django_filters.ChoiceFilter(
        field_name="user__country",
        choices=countries,
        label=gettext_lazy("Country"),
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Enrolment
        fields = ["course", "status", "organisation", "country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Courses come and go: read them for each request, in one query.
        self.filters["course"].extra["choices"] = live_course_choices()


def neutralise_formula(value):
    """Stop spreadsheet programs running learner-typed text such as `=HYPERLINK(...)`."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


class EnrolmentIndexView(IndexView):
    """Enrolments with their learner and course title, in a constant number of queries."""

    # Only people who may see enrolments; Wagtail's default also lets in anyone who may add.
    any_permission_required = ["view"]
    # Text that learners typed themselves; XLSX export already stores formulas as text.
    custom_field_preprocess = {
        field: {IndexView.FORMAT_CSV: neutralise_formula}
        for field in ("user.display_name", "user.email", "user.organisation", "course_title")
    }

    def get_base_queryset(self):
        return Enrolment.objects.with_course_title().select_related("user")

    @cached_property
    def add_item_label(self) -> str:
        return _("Enrol learners")


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
