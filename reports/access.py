"""Who may see reports: staff with the "view reports" permission. Every report view and
export checks it; the admin menu shows the reports only to them."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied

VIEW_REPORTS = "reports.view_reports"


def can_view_reports(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm(VIEW_REPORTS)


def reports_required(view):
    """Answer 403, with Django's 403 page, to anyone without the permission.

    The response is returned rather than PermissionDenied raised: Wagtail's admin wrapper
    would turn the exception into a redirect to the dashboard, and a report URL must say
    plainly that it is forbidden."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not can_view_reports(request.user):
            return permission_denied(request, PermissionDenied())
        return view(request, *args, **kwargs)

    return checked
