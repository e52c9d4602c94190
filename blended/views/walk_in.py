"""Adding a walk-in to a cohort, from the roll of one of its sessions."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from blended.views.access import facilitated_session
from blended.walk_ins import WalkInRefused, add_walk_in, display_claim_code


class WalkInForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Full name"),
        max_length=150,
        help_text=gettext_lazy("As it should be printed on their certificate."),
    )
    organisation = forms.CharField(
        label=gettext_lazy("Organisation"), max_length=150, required=False
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def add_walk_in_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The lead or a co-facilitator adds someone who came without being on the list; the
    page then shows the claim code to give them."""
    session, _access = facilitated_session(request, pk, to_change=True)
    form = WalkInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            participant = add_walk_in(
                session.cohort, form.cleaned_data["name"], form.cleaned_data["organisation"]
            )
        except WalkInRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _(
                    "%(name)s is on the list. Give them their claim code, %(code)s: once they "
                    "sign up and enter it, their attendance and certificate are theirs."
                )
                % {"name": participant.name, "code": display_claim_code(participant.claim_code)},
            )
            return redirect("blended:roll_call", pk=session.pk)
    status = 400 if form.errors else 200
    context = {"session": session, "cohort": session.cohort, "form": form}
    return TemplateResponse(request, "blended/walk_in.html", context, status=status)
