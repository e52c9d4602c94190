"""The reports in the Wagtail admin: a menu item for staff who may view them, and the
"view reports" permission in the group editor."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reports.access import can_view_reports


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(_("Programme reports"), "/admin/reports/", icon_name="table", order=215)


@hooks.register("register_permissions")
def register_report_permissions():
    return Permission.objects.filter(content_type__app_label="reports", codename="view_reports")


# A quiz's question analysis and attempts, from the quiz's page in the admin
# (`reports.views_questions`), for staff who may view reports.
from django.urls import reverse  # noqa: E402 - kept with the hook it serves
from wagtail.admin.widgets import Button  # noqa: E402

from courses.assessment.pages import QuizPage  # noqa: E402


def quiz_report_buttons(page, user) -> list[Button]:
    specific_class = page.specific_class
    if not (specific_class and issubclass(specific_class, QuizPage) and can_view_reports(user)):
        return []
    return [
        Button(
            _("Question analysis"),
            reverse("reports:quiz_questions", args=[page.pk]),
            icon_name="table",
            priority=90,
        ),
        Button(
            _("Attempts"),
            reverse("reports:quiz_attempts", args=[page.pk]),
            icon_name="list-ul",
            priority=91,
        ),
    ]


@hooks.register("register_page_header_buttons")
def quiz_report_header_buttons(page, user, view_name, next_url=None):
    return quiz_report_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def quiz_report_listing_buttons(page, user, next_url=None):
    return quiz_report_buttons(page, user)


# The blended programme report (`reports.blended_views`), for staff who may view reports.
@hooks.register("register_admin_menu_item")
def register_blended_report_menu_item():
    return ReportsMenuItem(
        _("Blended training report"), "/admin/reports/blended/", icon_name="group", order=216
    )


# Who trained whom (`reports.cascade_views`), for staff who may view reports.
@hooks.register("register_admin_menu_item")
def register_cascade_report_menu_item():
    return ReportsMenuItem(
        _("Cascade of trainers"), "/admin/reports/cascade/", icon_name="group", order=217
    )
