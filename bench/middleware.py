"""Reports how many database queries each response cost, in an `X-DB-Queries` header.

Installed only by `training.settings.bench`; the load-test runner reads the header.
"""

from collections.abc import Callable

from django.db import connections
from django.http import HttpRequest, HttpResponse


class QueryCounter:
    """A database execute wrapper that counts the statements it sees."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class QueryCountMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        counter = QueryCounter()
        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response["X-DB-Queries"] = str(counter.count)
        return response
