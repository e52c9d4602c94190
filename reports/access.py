"""Who may see reports: staff with the "view reports" permission. Every report view and
export checks it; the admin menu shows the reports only to them."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied

VIEW_REPORTS = "reports.view_reports"


def can_view_reports(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm(VIEW_REPORTS)


def reports_required(view):
    """403 (PermissionDenied) for anyone without the permission, logged in or not."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not can_view_reports(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked
