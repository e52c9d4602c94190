"""The roll call of a session, on a facilitator's phone, and signing a participant off.

GET shows every participant with their standing mark chosen; POST records the lines the
facilitator changed (`blended.roll_call.take_roll`). Offline, the page's script keeps the
changed lines in the outbox instead (`blended/static/blended/roll-call.js`), and
`blended.views.sync` records them once the phone is back online.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from blended.attendance import RollLine, roll
from blended.check_in import check_in_window
from blended.models import AttendanceStatus, Participant, TrainingSession
from blended.roll_call import RollAccess, take_roll
from blended.rules import SignOffRefused, sign_off
from blended.views.access import facilitated_session
from blended.walk_ins import display_claim_code


@dataclass(frozen=True)
class RollRow:
    """One participant as the roll page shows them."""

    participant: Participant
    shown: str  # the standing status when the page was made, "" for none
    chosen: str  # the status selected: the standing one, or the one just refused
    expected: bool
    choices: list[tuple[str, str]]
    error: str = ""
    may_sign_off: bool = False

    @property
    def claim_code(self) -> str:
        """For someone without an account: the code to give them, as "ABCD-2345"."""
        return display_claim_code(self.participant.claim_code)

    @property
    def shown_label(self) -> str:
        return AttendanceStatus(self.shown).label if self.shown else ""


def roll_rows(
    lines: list[RollLine],
    access: RollAccess,
    user_id: int,
    *,
    signing: bool,
    chosen: dict[int, str] | None = None,
    errors: dict[int, str] | None = None,
) -> list[RollRow]:
    """The roll's lines, ready for the template: no query."""
    chosen, errors = chosen or {}, errors or {}
    rows = []
    for line in lines:
        pk = line.participant.pk
        shown = line.attendance.status if line.attendance else ""
        choices = [
            (value, label)
            for value, label in AttendanceStatus.choices
            if line.expected or value != AttendanceStatus.ABSENT
        ]
        rows.append(
            RollRow(
                participant=line.participant,
                shown=shown,
                chosen=chosen.get(pk, shown) if pk in errors else shown,
                expected=line.expected,
                choices=choices,
                error=errors.get(pk, ""),
                may_sign_off=signing and access.may_mark and line.participant.user_id != user_id,
            )
        )
    return rows


def _render(
    request: HttpRequest, session: TrainingSession, access: RollAccess, rows: list[RollRow]
) -> HttpResponse:
    opens, closes = check_in_window(session)
    context = {
        "session": session,
        "cohort": session.cohort,
        "access": access,
        "rows": rows,
        "errors": [row for row in rows if row.error],
        "requires_signoff": session.cohort.programme.requires_signoff,
        "check_in_opens": opens,
        "check_in_closes": closes,
    }
    return TemplateResponse(request, "blended/roll_call.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def roll_call(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the roll; POST: record the changed lines, then back to the roll with a message,
    or the roll again with the refused lines' reasons (the other lines are recorded)."""
    session, access = facilitated_session(request, pk, to_change=request.method == "POST")
    signing = session.cohort.programme.requires_signoff
    lines = roll(session)
    if request.method == "GET":
        rows = roll_rows(lines, access, request.user.pk, signing=signing)
        return _render(request, session, access, rows)

    pks = [line.participant.pk for line in lines]
    chosen = {pk: request.POST.get(f"status-{pk}", "") for pk in pks}
    shown = {pk: request.POST.get(f"shown-{pk}", "") for pk in pks}
    result = take_roll(session, lines, chosen, shown, by=request.user, at=timezone.now())
    count = len(result.recorded)
    if count:
        messages.success(
            request,
            ngettext(
                "Roll saved: %(count)s mark recorded.",
                "Roll saved: %(count)s marks recorded.",
                count,
            )
            % {"count": count},
        )
    if result.refused:
        rows = roll_rows(
            roll(session),
            access,
            request.user.pk,
            signing=signing,
            chosen=chosen,
            errors=result.refused,
        )
        return _render(request, session, access, rows)
    if not count:
        messages.info(request, _("Nothing changed: the roll is as it was."))
    return redirect("blended:roll_call", pk=session.pk)


@never_cache
@login_required
@require_POST
def sign_off_participant(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    """A lead or co-facilitator signs a participant off, from the roll of one of the
    cohort's sessions. Signing off twice keeps the first sign-off."""
    session, _access = facilitated_session(request, pk, to_change=True)
    participant = Participant.objects.filter(pk=participant_pk, cohort_id=session.cohort_id).first()
    if participant is None or not session.cohort.programme.requires_signoff:
        raise Http404(_("There is no such participant to sign off."))
    try:
        sign_off(participant, request.user)
    except SignOffRefused as refusal:
        raise PermissionDenied(str(refusal)) from refusal
    messages.success(request, _("%(name)s is signed off.") % {"name": participant.name})
    return redirect("blended:roll_call", pk=session.pk)
