"""Response compression for what the web process renders (WhiteNoise compresses static files)."""

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE_TYPES = frozenset(
    {"application/json", "application/javascript", "application/xml", "image/svg+xml"}
)


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware for text only: pages, CSV exports, JSON.

    PDFs, images and office documents are compressed already: gzipping them again costs CPU
    and drops their Content-Length, so browsers could not show download progress. Django's
    own BREACH mitigations stay on: CSRF tokens are masked anew in each response, and the
    middleware pads each compressed response with random bytes.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        content_type = response.get("Content-Type", "").partition(";")[0].strip().lower()
        if content_type.startswith("text/") or content_type in COMPRESSIBLE_TYPES:
            return super().process_response(request, response)
        return response
