"""Certificate PDFs with WeasyPrint: one A4 landscape page from an HTML template, with a QR
code of the verification URL drawn as inline SVG (sharp at any size, no image file).

A certificate is rendered in its own language, whatever language the worker runs in: its
template's words and dates in that language, right to left for Arabic, in the fonts the
stylesheet names for that direction (the Arabic one comes from Debian's fonts-noto-core)."""

from __future__ import annotations

import base64
from functools import cache

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from certificates.issuing import issuer_settings
from certificates.models import Certificate


@cache
def _weasy():
    """WeasyPrint's font configuration and the stylesheet, made once per worker process.

    One stylesheet for every language: what differs by direction is chosen by `dir`
    selectors in it, so nothing here depends on the certificate being rendered."""
    fonts = FontConfiguration()
    css = CSS(string=render_to_string("certificates/certificate.css"), font_config=fonts)
    return fonts, css


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=4, border=0, dark="#0b2233")


def image_data_uri(image) -> str | None:
    """A Wagtail image as a data URI, so WeasyPrint needs no web server to fetch it."""
    if image is None:
        return None
    rendition = image.get_rendition("max-600x300|format-png")
    with rendition.file.open("rb") as handle:
        return "data:image/png;base64," + base64.b64encode(handle.read()).decode()


def render_certificate_html(certificate: Certificate, verify_url: str) -> str:
    """The certificate's page, in the certificate's language (not the worker's)."""
    issuer = issuer_settings()
    with translation.override(certificate.language):
        return render_to_string(
            "certificates/certificate.html",
            {
                "certificate": certificate,
                "language": certificate.language,
                "direction": certificate.text_direction,
                "verify_url": verify_url,
                "qr_svg": qr_svg(verify_url),
                "logo": image_data_uri(issuer.logo),
                "signature": image_data_uri(issuer.signature),
            },
        )


def render_certificate_pdf(certificate: Certificate, verify_url: str) -> bytes:
    """The certificate as a one-page PDF, in its own language whatever the worker's."""
    html = render_certificate_html(certificate, verify_url)
    fonts, css = _weasy()
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[css], font_config=fonts
    )
