"""The reports in the Wagtail admin: their URLs, a menu for staff who may view them, and the
"view reports" permission in the group editor."""

from django.contrib.auth.models import Permission
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reports import admin_urls
from reports.access import can_view_reports


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include((admin_urls.urlpatterns, "reports"), namespace="reports"))]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(_("Programme reports"), "/admin/reports/", icon_name="table", order=215)


@hooks.register("register_permissions")
def register_report_permissions():
    return Permission.objects.filter(content_type__app_label="reports", codename="view_reports")
