"""The API fuzzed from its own OpenAPI schema with Schemathesis: requests generated from every
operation's parameters (valid and invalid), sent to the Django application in this process,
with an all-organisations token. No answer may be a server error, and every answer must match
the schema: its status code, content type, headers and body."""

from __future__ import annotations

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings

from api.tokens import issue_token
from courses.learning.enrolment import enrol
from tests.learning import complete_course
from tests.staff import learner


@pytest.fixture
def api_token(course) -> str:
    """A token for every organisation, with a course, enrolments and certificates to read."""
    complete_course(learner("finished", organisation="Red Cross", country="GH"), course)
    enrol(learner("starting"), course)
    return issue_token("Fuzzing")[1]


@pytest.fixture
def in_test_transaction():
    """Requests sent straight to the WSGI application share the test's database connection;
    Django closes it after each request unless told otherwise, as its test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def published_schema() -> dict:
    """The schema /api/v1/schema/ serves, as drf-spectacular generates it."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


# Built when the module is collected: Schemathesis's fixture-based loader does not run under
# pytest 9, and generating the schema needs no database. The test below checks that this is
# the schema the site publishes.
schema = schemathesis.openapi.from_dict(published_schema())
# Requests go to the Django application in this process, inside the test's transaction.
schema.app = get_wsgi_application()


def test_the_fuzzed_schema_is_the_published_one(client, db):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    assert json.loads(response.content) == published_schema()


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_matches_its_schema_and_never_fails(
    case, api_token, own_cache, in_test_transaction
):
    # Identity: the WSGI test client does not unzip what the site's gzip middleware sends.
    headers = {"Authorization": f"Bearer {api_token}", "Accept-Encoding": "identity"}
    case.call_and_validate(headers=headers)


# The docs page, in Chromium with the site's Content Security Policy enforced.


@pytest.fixture
def browser_context_args(allow_orm_beside_playwright, browser_context_args):
    """Unlike the other browser tests (which inject axe-core), this one keeps the CSP."""
    return {**browser_context_args, "bypass_csp": False}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_docs_page_shows_every_operation_under_the_sites_csp(live_server, page):
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: refused.append(str(error)))
    response = page.goto(live_server.url + "/api/v1/docs/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.get_by_text("Crisis Ready API").first.wait_for()
    for operation in ("courses_list", "enrolments_list", "certificates_retrieve"):
        page.locator(f"[id$='{operation}']").first.wait_for()
    assert refused == []
