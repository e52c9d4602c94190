"""The minimal view: what one request costs the stack itself (gunicorn, WSGI, middleware)."""

from django.http import HttpRequest, HttpResponse


def minimal(request: HttpRequest) -> HttpResponse:
    """A bare response: the ceiling every page's throughput is compared with."""
    return HttpResponse(b"ok", content_type="text/plain")
