"""My workshops: the cohorts a person facilitates, with their sessions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from blended.models import Facilitator, TrainingSession
from blended.roll_call import SIGNING_ROLES


@never_cache
@login_required
@require_GET
def my_workshops(request: HttpRequest) -> HttpResponse:
    """Every cohort where the user is a facilitator (any role), newest first, with its
    sessions. Two queries however many cohorts and sessions."""
    facilitations = (
        Facilitator.objects.filter(user=request.user)
        .select_related("cohort")
        .prefetch_related(
            Prefetch("cohort__sessions", queryset=TrainingSession.objects.order_by("starts_at"))
        )
        .order_by("-cohort__starts_on", "cohort__name")
    )
    workshops = [
        {
            "cohort": facilitation.cohort,
            "role": facilitation.get_role_display(),
            "may_mark": facilitation.role in SIGNING_ROLES,
            "sessions": list(facilitation.cohort.sessions.all()),
        }
        for facilitation in facilitations
    ]
    return TemplateResponse(request, "blended/my_workshops.html", {"workshops": workshops})
