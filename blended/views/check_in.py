"""Checking in by QR code: the facilitator's screen, and the participant's page it leads to.

The screen swaps in the next code when the 30-second slot ends (`blended/qr-screen.js`,
which a facilitator can pause; without a script, a link shows the current code). The code
it shows is in the URL the QR code holds; the participant's POST is checked against the
clock when it arrives, so a code works for 30 to 60 seconds (`blended.check_in`).
"""

from __future__ import annotations

import math
from datetime import datetime

import segno
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from blended.attendance import AttendanceRefused
from blended.check_in import SLOT_SECONDS, check_in, check_in_window, current_token
from blended.models import Participant, TrainingSession
from blended.views.access import facilitated_session

#: Before check-in opens, the screen looks again at least this often (seconds), so a
#: changed session time shows, and exactly when it opens if that is sooner.
WAITING_REFRESH = 300


def seconds_to_next_slot(now: datetime) -> int:
    """Seconds until the current 30-second slot ends, at least 1."""
    return max(1, math.ceil(SLOT_SECONDS - now.timestamp() % SLOT_SECONDS))


def qr_svg(url: str) -> str:
    """The QR code of `url`, as inline SVG sized by the style sheet (as certificates do)."""
    return segno.make(url, error="m").svg_inline(
        scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="qr-code__image"
    )


@never_cache
@login_required
@require_GET
def qr_screen(request: HttpRequest, pk: int) -> HttpResponse:
    """For the lead or co-facilitators: the code to scan now, or when check-in opens."""
    session, _access = facilitated_session(request, pk, to_change=True)
    now = timezone.now()
    opens, closes = check_in_window(session)
    context = {"session": session, "cohort": session.cohort, "opens": opens, "closes": closes}
    if now < opens:
        until_open = math.ceil((opens - now).total_seconds())
        context.update(state="not_open", refresh=min(WAITING_REFRESH, until_open))
    elif now > closes:
        context.update(state="closed", refresh=None)
    else:
        token = current_token(session, now)
        url = request.build_absolute_uri(reverse("blended:check_in", args=[session.pk, token]))
        context.update(
            state="open",
            token=token,
            check_in_url=url,
            qr=qr_svg(url),
            refresh=seconds_to_next_slot(now),
        )
    return TemplateResponse(request, "blended/qr_screen.html", context)


def _participant(request: HttpRequest, session: TrainingSession) -> Participant:
    participant = Participant.objects.filter(cohort_id=session.cohort_id, user=request.user).first()
    if participant is None:
        raise PermissionDenied(
            _(
                "You are not on the list of participants of this workshop. "
                "Ask the facilitator to add you."
            )
        )
    return participant


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def check_in_page(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """GET: the session and a "Check me in" button. POST: check in with the code in the
    URL, checked against the clock now; 400 with the reason when it is refused."""
    session = TrainingSession.objects.select_related("cohort").filter(pk=pk).first()
    if session is None:
        raise Http404(_("There is no such session."))
    participant = _participant(request, session)
    context = {"session": session, "cohort": session.cohort, "token": token}
    if request.method == "GET":
        return TemplateResponse(request, "blended/check_in.html", context)
    try:
        mark = check_in(session, participant, token, timezone.now())
    except AttendanceRefused as refusal:  # CheckInRefused among them
        context["refusal"] = str(refusal)
        return TemplateResponse(request, "blended/check_in.html", context, status=400)
    context["mark"] = mark
    return TemplateResponse(request, "blended/checked_in.html", context)
