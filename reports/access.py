"""Who may see reports: staff with the "view reports" permission. Every report view and
export checks it; the admin menu shows the reports only to them."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied

VIEW_REPORTS = "reports.view_reports"


def can_view_reports(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm(VIEW_REPORTS)


def reports_required(view):
    """Send visitors who are not logged in to log in; answer 403, with Django's 403 page, to
    anyone logged in without the permission (learners included).

    The report URLs are mounted beside the Wagtail admin rather than inside it
    (`training/urls.py`): Wagtail's admin wrapper would send a learner back to the login page
    and staff without the permission to the dashboard, and a report URL must say plainly
    that it is forbidden."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_view_reports(request.user):
            return permission_denied(request, PermissionDenied())
        return view(request, *args, **kwargs)

    return checked
