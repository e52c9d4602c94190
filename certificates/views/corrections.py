"""The learner's page for asking staff to correct the name on one of their certificates.

Translates HTTP into `certificates.corrections` calls. A certificate that is not the
learner's is a 404, whether or not it exists: the page never says whose a code is.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from certificates.codes import normalise_code
from certificates.corrections import (
    NameCorrectionRefused,
    correction_refusal,
    corrections_of,
    request_name_correction,
)
from certificates.forms import NameCorrectionForm
from certificates.models import Certificate


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def name_correction(request: HttpRequest, code: str) -> HttpResponse:
    """GET: the name printed, the form (when a request can be made) and earlier requests with
    staff's answers. POST: record the request and go back to "My learning"."""
    certificate = (
        Certificate.objects.filter(code=normalise_code(code), enrolment__user=request.user)
        .select_related("enrolment")
        .first()
    )
    if certificate is None:
        raise Http404(_("There is no certificate here for you."))
    refusal = correction_refusal(certificate, request.user)
    form = NameCorrectionForm(
        request.POST if request.method == "POST" else None,
        current_name=certificate.learner_name,
    )
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            request_name_correction(
                certificate,
                request.user,
                form.cleaned_data["requested_name"],
                form.cleaned_data["reason"],
            )
        except NameCorrectionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _(
                    "We have your request to correct the name on your certificate for "
                    "“%(course)s”. You will find our answer on its page."
                )
                % {"course": certificate.course_title},
            )
            return redirect("my_learning")
    return TemplateResponse(
        request,
        "certificates/name_correction.html",
        {
            "certificate": certificate,
            "form": form,
            "refusal": refusal,
            "corrections": list(corrections_of(certificate)),
        },
    )
