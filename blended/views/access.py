"""The session a facilitator's page is about, and whether they may see or change it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from blended.models import TrainingSession
from blended.roll_call import RollAccess, roll_access


def facilitated_session(
    request: HttpRequest, pk: int, *, to_change: bool = False
) -> tuple[TrainingSession, RollAccess]:
    """The session `pk` with its cohort and programme, and what the user may do with it.

    404 for an unknown session; 403, with a sentence saying who may, for someone who may
    not see its roll or, with `to_change`, not change it."""
    session = TrainingSession.objects.select_related("cohort__programme").filter(pk=pk).first()
    if session is None:
        raise Http404(_("There is no such session."))
    access = roll_access(request.user, session.cohort_id)
    if not access.may_view:
        raise PermissionDenied(_("Only the facilitators of this workshop can see its roll."))
    if to_change and not access.may_mark:
        raise PermissionDenied(
            _("Only the lead facilitator and co-facilitators of this workshop can do this.")
        )
    return session, access
