"""Open Badges documents: the credential and the baked badge for the certificate's owner, and,
public, the issuer's profile with its keys and the status lists verifiers check."""

from __future__ import annotations

import json

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache

from certificates.codes import normalise_code
from certificates.credentials import (
    STATUS_LIST_SECONDS,
    STATUS_PURPOSES,
    current_credential,
    issuer_profile,
    status_list_credential,
)
from certificates.models import Certificate
from certificates.openbadges.baking import bake_png, render_badge_png

JSON_LD = "application/ld+json"


def _owned_certificate(request: HttpRequest, code: str) -> Certificate:
    """The issued certificate with this code, if it is the user's (or they are staff who
    may view certificates); a 404 otherwise, which says nothing about other people's."""
    certificate = (
        Certificate.objects.filter(code=normalise_code(code), status=Certificate.Status.ISSUED)
        .select_related("enrolment__user")
        .first()
    )
    if certificate is None or not certificate.can_be_downloaded_by(request.user):
        raise Http404(_("There is no certificate here for you."))
    return certificate


def _credential_json(certificate: Certificate) -> str:
    return json.dumps(current_credential(certificate).document, ensure_ascii=False, indent=2)


@never_cache
def credential(request: HttpRequest, code: str) -> HttpResponse:
    """The signed Open Badges 3.0 credential, as a JSON file to keep in a wallet."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = _owned_certificate(request, code)
    response = HttpResponse(_credential_json(certificate), content_type=JSON_LD)
    filename = f"open-badge-{certificate.display_code}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
def badge(request: HttpRequest, code: str) -> HttpResponse:
    """The badge image with the credential baked in, as Open Badges 3.0 describes."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    certificate = _owned_certificate(request, code)
    image = render_badge_png(certificate.course_title, certificate.organisation)
    response = HttpResponse(
        bake_png(image, _credential_json(certificate)), content_type="image/png"
    )
    filename = f"open-badge-{certificate.display_code}.png"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@cache_control(public=True, max_age=3600)
def issuer(request: HttpRequest) -> HttpResponse:
    """The issuer's profile and public keys, old ones included, for verifiers."""
    return JsonResponse(issuer_profile(), content_type=JSON_LD)


@cache_control(public=True, max_age=STATUS_LIST_SECONDS)
def status_list(request: HttpRequest, purpose: str) -> HttpResponse:
    if purpose not in STATUS_PURPOSES:
        raise Http404(_("There is no such status list."))
    return JsonResponse(status_list_credential(purpose), content_type=JSON_LD)
