"""Certificates: public verification (no login, rate limited) and download (owner or staff)."""

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from courses.models import Certificate
from courses.models.certificates import normalise_code

VISIBLE = [Certificate.Status.ISSUED, Certificate.Status.REVOKED, Certificate.Status.REPLACED]


def too_many(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "certificates/too_many.html",
        {"message": _("Too many look-ups from your connection. Wait a minute and try again.")},
        status=429,
    )


@ratelimit(key="ip", rate=lambda group, request: settings.CERTIFICATE_VERIFY_RATE, block=False)
def verify_lookup(request: HttpRequest) -> HttpResponse:
    """The look-up form: a typed code goes to its verification page."""
    if getattr(request, "limited", False):
        return too_many(request)
    typed = request.GET.get("code", "")
    if typed.strip():
        return redirect("certificate_verify", normalise_code(typed)[:64])
    return TemplateResponse(request, "certificates/lookup.html", {})


@ratelimit(key="ip", rate=lambda group, request: settings.CERTIFICATE_VERIFY_RATE, block=False)
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: valid, revoked or replaced, with what the certificate states; nothing private."""
    if getattr(request, "limited", False):
        return too_many(request)
    certificate = (
        Certificate.objects.filter(code=normalise_code(code), status__in=VISIBLE)
        .select_related("replaced_by")
        .first()
    )
    if certificate is None:
        raise Http404(_("There is no certificate with this code."))
    return TemplateResponse(request, "certificates/verify.html", {"certificate": certificate})


def download(request: HttpRequest, code: str) -> HttpResponse:
    """The PDF, for its owner and for staff who may view certificates; 404 for anyone else."""
    certificate = (
        Certificate.objects.filter(code=normalise_code(code), status__in=VISIBLE)
        .select_related("enrolment")
        .first()
    )
    user = request.user
    allowed = (
        certificate is not None
        and user.is_authenticated
        and (certificate.enrolment.user_id == user.pk or user.has_perm("courses.view_certificate"))
    )
    if not allowed or not certificate.pdf:
        raise Http404(_("There is no certificate here for you."))
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.display_code}.pdf",
        content_type="application/pdf",
    )
