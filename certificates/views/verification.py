"""Certificates: public verification (no login, rate limited) and download (owner or staff)."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit

from certificates.codes import normalise_code
from certificates.models import Certificate
from certificates.validity import renewal_of, validity

# Longer than any code, short enough that a pasted essay does not end up in a URL.
MAX_TYPED_CODE = 64


def verify_rate(group: str, request: HttpRequest) -> str:
    return settings.CERTIFICATE_VERIFY_RATE


def too_many(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "certificates/too_many.html",
        {"message": _("Too many look-ups from your connection. Wait a minute and try again.")},
        status=429,
    )


def verify_lookup(request: HttpRequest) -> HttpResponse:
    """The look-up form: a typed code goes to its verification page.

    Only a submitted code counts towards the rate limit, not showing the empty form."""
    if "code" not in request.GET:
        return TemplateResponse(request, "certificates/lookup.html", {})
    if is_ratelimited(
        request, group="certificates.lookup", key="ip", rate=verify_rate, increment=True
    ):
        return too_many(request)
    typed = request.GET["code"][: MAX_TYPED_CODE * 2]
    code = normalise_code(typed)[:MAX_TYPED_CODE]
    if not code:
        error = _("Enter the certificate code.")
        return TemplateResponse(
            request, "certificates/lookup.html", {"error": error, "typed": typed}
        )
    return redirect("certificate_verify", code)


@ratelimit(key="ip", rate=verify_rate, block=False)
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: valid, revoked or replaced, with what the certificate states; nothing private."""
    if getattr(request, "limited", False):
        return too_many(request)
    certificate = (
        Certificate.objects.verifiable()
        .with_validity()
        .filter(code=normalise_code(code))
        .select_related("replaced_by")
        .first()
    )
    if certificate is None:
        raise Http404(_("There is no certificate with this code."))
    replacement = certificate.replaced_by
    if replacement is not None and not replacement.is_verifiable:
        replacement = None  # being issued: its page would be a 404 for now
    issued = certificate.status == Certificate.Status.ISSUED
    renewal = renewal_of(certificate) if issued else None
    today = validity(certificate, renewal=renewal)
    response = TemplateResponse(
        request,
        "certificates/verify.html",
        {
            "certificate": certificate,
            "is_valid": issued and today.is_valid,
            "is_expired": issued and not today.is_valid,
            "validity": today,
            "renewal": renewal,
            "is_revoked": certificate.status == Certificate.Status.REVOKED,
            "is_replaced": certificate.status == Certificate.Status.REPLACED,
            "replacement": replacement,
        },
    )
    # A page with a person's name: for whoever holds the code, not for search engines.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def download(request: HttpRequest, code: str) -> HttpResponse:
    """The PDF, for its owner and for staff who may view certificates; 404 for anyone else.

    A visitor who is not logged in is sent to log in first, whatever the code, so the answer
    says nothing about whether a certificate exists: the certificate email links here. Owners
    can still download a revoked or replaced certificate (their history); "My learning" only
    lists current ones.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = (
        Certificate.objects.verifiable()
        .filter(code=normalise_code(code))
        .select_related("enrolment")
        .first()
    )
    allowed = certificate is not None and certificate.can_be_downloaded_by(request.user)
    if not allowed or not certificate.pdf:
        raise Http404(_("There is no certificate here for you."))
    try:
        pdf = certificate.pdf.open("rb")
    except FileNotFoundError as missing:
        raise Http404(
            _("This certificate's file is missing; our team can reissue it.")
        ) from missing
    return FileResponse(
        pdf,
        as_attachment=True,
        filename=f"certificate-{certificate.display_code}.pdf",
        content_type="application/pdf",
    )
