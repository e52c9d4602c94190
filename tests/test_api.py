"""The read-only API for other systems: tokens, who gets 401 or 403, organisation isolation on
every list and detail, pagination, filters, rate limits, and query counts that stay flat."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api.models import ApiToken
from api.tokens import find_token, issue_token, revoke_token
from certificates.models import Certificate
from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import Enrolment, LessonPage
from tests.learning import complete_course
from tests.staff import learner

RED_CROSS = "Red Cross Ghana"
MINISTRY = "Ministry of Health"


def bearer(raw: str) -> dict:
    return {"Authorization": f"Bearer {raw}"}


@pytest.fixture
def people(course):
    """Two learners of each organisation: one completed the course (a pending certificate),
    one has done one lesson of four."""
    rows = {}
    for organisation, short in ((RED_CROSS, "rc"), (MINISTRY, "moh")):
        done = learner(f"{short}-done", organisation=organisation, country="GH")
        started = learner(f"{short}-started", organisation=organisation, country="KE")
        complete_course(done, course)
        enrol(started, course)
        first = LessonPage.objects.live().descendant_of(course).order_by("path").first()
        complete_lesson(started, first, course)
        rows[organisation] = {"done": done, "started": started}
    return rows


@pytest.fixture
def all_token(db) -> str:
    return issue_token("Donor dashboard")[1]


@pytest.fixture
def red_cross_token(db) -> str:
    # Any case matches the learners' organisation.
    return issue_token("Red Cross HR", organisation="red cross GHANA")[1]


def api_urls(course) -> list[str]:
    """Every API URL that serves data: each list, and a detail of a row that exists."""
    enrolment = Enrolment.objects.order_by("pk").first()
    certificate = Certificate.objects.order_by("pk").first()
    return [
        "/api/v1/courses/",
        f"/api/v1/courses/{course.translation_key}/",
        "/api/v1/enrolments/",
        f"/api/v1/enrolments/{enrolment.pk}/",
        "/api/v1/certificates/",
        f"/api/v1/certificates/{certificate.code}/",
        f"/api/v1/reports/programme/?course={course.translation_key}",
    ]


# Who gets in.


def test_every_api_url_answers_401_without_a_token(client, course, people):
    for url in api_urls(course):
        response = client.get(url)
        assert response.status_code == 401, url
        assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_an_unknown_or_malformed_token_is_401(client, course, people, all_token):
    forged = all_token[:-4] + "AAAA"
    for header in (f"Bearer {forged}", "Bearer cr_nothing", "Bearer", "Bearer a b"):
        for url in api_urls(course):
            assert client.get(url, headers={"Authorization": header}).status_code == 401, url


def test_a_logged_in_staff_member_without_a_token_gets_403_everywhere(
    client, course, people, admin_user
):
    client.force_login(admin_user)
    for url in api_urls(course):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "token" in response.json()["detail"]


def test_a_revoked_or_expired_token_gets_403_everywhere(client, course, people):
    revoked, revoked_raw = issue_token("Old dashboard")
    revoke_token(revoked)
    _expired, expired_raw = issue_token("Pilot", expires_at=timezone.now() - timedelta(minutes=1))
    for raw in (revoked_raw, expired_raw):
        for url in api_urls(course):
            assert client.get(url, headers=bearer(raw)).status_code == 403, url


def test_a_valid_token_reads_every_api_url(client, course, people, all_token):
    for url in api_urls(course):
        assert client.get(url, headers=bearer(all_token)).status_code == 200, url


def test_only_a_hash_of_the_token_is_kept_and_its_use_is_recorded(client, course, all_token):
    token = find_token(all_token)
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert all(all_token not in str(value) for value in stored.values())
    assert token.secret_hash != all_token and len(token.secret_hash) == 64
    assert token.last_used_at is None
    client.get("/api/v1/courses/", headers=bearer(all_token))
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_revoking_twice_keeps_the_first_date(db):
    token, _raw = issue_token("Twice")
    revoke_token(token)
    first = token.revoked_at
    revoke_token(token)
    assert token.revoked_at == first


# Organisation isolation.


def test_an_organisation_token_lists_only_its_learners(client, course, people, red_cross_token):
    enrolments = client.get("/api/v1/enrolments/", headers=bearer(red_cross_token)).json()
    assert enrolments["count"] == 2
    assert {row["learner"]["organisation"] for row in enrolments["results"]} == {RED_CROSS}
    certificates = client.get("/api/v1/certificates/", headers=bearer(red_cross_token)).json()
    assert certificates["count"] == 1
    assert certificates["results"][0]["learner"]["organisation"] == RED_CROSS


def test_an_organisation_token_cannot_read_another_organisations_rows(
    client, course, people, red_cross_token
):
    ministry = [person.pk for person in people[MINISTRY].values()]
    for enrolment in Enrolment.objects.filter(user__in=ministry):
        url = f"/api/v1/enrolments/{enrolment.pk}/"
        assert client.get(url, headers=bearer(red_cross_token)).status_code == 404
    for certificate in Certificate.objects.filter(enrolment__user__in=ministry):
        for code in (certificate.code, certificate.display_code, certificate.code.lower()):
            url = f"/api/v1/certificates/{code}/"
            assert client.get(url, headers=bearer(red_cross_token)).status_code == 404
    # Filtering by the other organisation finds nothing either.
    for url in ("/api/v1/enrolments/", "/api/v1/certificates/"):
        found = client.get(url, {"organisation": MINISTRY}, headers=bearer(red_cross_token))
        assert found.json()["count"] == 0
    # Its own rows are there, by any form of the code.
    own = Certificate.objects.get(enrolment__user=people[RED_CROSS]["done"])
    url = f"/api/v1/certificates/{own.display_code.lower()}/"
    assert client.get(url, headers=bearer(red_cross_token)).json()["code"] == own.code


def test_an_all_organisations_token_reads_every_organisation(client, course, people, all_token):
    enrolments = client.get("/api/v1/enrolments/", headers=bearer(all_token)).json()
    assert enrolments["count"] == 4
    assert client.get("/api/v1/certificates/", headers=bearer(all_token)).json()["count"] == 2


def test_courses_are_catalogue_data_for_every_token(client, course, red_cross_token):
    body = client.get("/api/v1/courses/", headers=bearer(red_cross_token)).json()
    assert [row["key"] for row in body["results"]] == [str(course.translation_key)]
    row = body["results"][0]
    assert row["title"] == course.title
    assert row["translations"] == [{"language": "en", "title": course.title, "url": row["url"]}]
    assert row["url"].endswith(course.url)


# What rows say.


def test_an_enrolment_shows_the_learner_and_progress_in_the_current_cycle(
    client, course, people, all_token
):
    started = people[RED_CROSS]["started"]
    enrolment = Enrolment.objects.get(user=started)
    row = client.get(f"/api/v1/enrolments/{enrolment.pk}/", headers=bearer(all_token)).json()
    assert row["learner"] == {
        "id": started.pk,
        "full_name": started.get_full_name(),
        "email": "rc-started@example.org",
        "organisation": RED_CROSS,
        "country": "KE",
    }
    assert row["course_key"] == str(course.translation_key)
    assert row["course_title"] == course.title
    assert row["progress"] == {"lessons_done": 1, "lessons_total": 4, "percent": 25}
    assert row["completed_at"] is None
    # A new cycle (recertification) starts the count again.
    Enrolment.objects.filter(pk=enrolment.pk).update(cycle=2)
    row = client.get(f"/api/v1/enrolments/{enrolment.pk}/", headers=bearer(all_token)).json()
    assert row["progress"] == {"lessons_done": 0, "lessons_total": 4, "percent": 0}


def test_a_certificate_shows_its_status_validity_and_check_page(client, course, people, all_token):
    certificate = Certificate.objects.get(enrolment__user=people[MINISTRY]["done"])
    url = f"/api/v1/certificates/{certificate.code}/"
    row = client.get(url, headers=bearer(all_token)).json()
    assert row["status"] == "pending"
    assert row["verification_url"] is None
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.ISSUED,
        issued_at=timezone.now(),
        expires_on=timezone.localdate() + timedelta(days=10),
    )
    row = client.get(url, headers=bearer(all_token)).json()
    assert row["status"] == "issued"
    assert row["verification_url"].endswith(f"/certificates/verify/{certificate.code}/")
    assert row["expires_on"] == str(timezone.localdate() + timedelta(days=10))
    assert row["validity"]["state"] == "expiring"
    assert row["validity"]["is_valid"] is True
    assert row["course_key"] == str(course.translation_key)
    assert row["replaced_by"] is None


def test_the_programme_report_suppresses_figures_about_fewer_than_5_people(
    client, course, people, all_token
):
    url = f"/api/v1/reports/programme/?course={course.translation_key}&breakdown=organisation"
    report = client.get(url, headers=bearer(all_token)).json()
    assert report["min_cell"] == 5
    assert report["total"]["enrolled"] == {"value": None, "suppressed": True}
    assert all(group["enrolled"]["suppressed"] for group in report["groups"])
    enrol(learner("fifth", organisation=RED_CROSS), course)
    report = client.get(url, headers=bearer(all_token)).json()
    assert report["total"]["enrolled"] == {"value": 5, "suppressed": False}
    assert report["total"]["completed"] == {"value": None, "suppressed": True}


def test_an_organisation_token_cannot_read_the_report_of_every_organisation(
    client, course, people, red_cross_token
):
    url = f"/api/v1/reports/programme/?course={course.translation_key}"
    response = client.get(url, headers=bearer(red_cross_token))
    assert response.status_code == 403
    assert "all-organisations" in response.json()["detail"]


# Pagination and filters.


def test_lists_are_paginated(client, course, people, all_token):
    first = client.get("/api/v1/enrolments/", {"page_size": 3}, headers=bearer(all_token)).json()
    assert first["count"] == 4 and len(first["results"]) == 3 and first["next"]
    second = client.get(first["next"], headers=bearer(all_token)).json()
    assert len(second["results"]) == 1 and second["next"] is None
    ids = {row["id"] for row in first["results"] + second["results"]}
    assert len(ids) == 4
    beyond = client.get("/api/v1/enrolments/", {"page": 9}, headers=bearer(all_token))
    assert beyond.status_code == 404


def test_enrolments_filter_by_completion_status_course_country_and_date(
    client, course, course_builder, people, all_token
):
    def count(**params) -> int:
        response = client.get("/api/v1/enrolments/", params, headers=bearer(all_token))
        assert response.status_code == 200, response.content
        return response.json()["count"]

    other = course_builder(modules=1, lessons_per_module=1)
    enrol(people[MINISTRY]["started"], other)
    today = timezone.localdate()
    assert count() == 5
    assert count(completed="true") == 2
    assert count(completed="false") == 3
    assert count(course=str(other.translation_key)) == 1
    assert count(status="withdrawn") == 0
    assert count(country="gh") == 2
    assert count(enrolled_after=str(today)) == 5
    assert count(enrolled_before=str(today - timedelta(days=1))) == 0


def test_certificates_and_courses_filter(client, course, people, all_token):
    def count(url: str, **params) -> int:
        return client.get(url, params, headers=bearer(all_token)).json()["count"]

    assert count("/api/v1/certificates/", status="pending") == 2
    assert count("/api/v1/certificates/", status="issued") == 0
    assert count("/api/v1/certificates/", course=str(course.translation_key)) == 2
    assert count("/api/v1/certificates/", issued_after=str(timezone.localdate())) == 0
    assert count("/api/v1/courses/", phase=course.phase) == 1
    assert count("/api/v1/courses/", phase="response") == 0


def test_a_filter_value_that_does_not_parse_or_is_unknown_is_a_400_naming_it(
    client, people, all_token
):
    for params in ({"course": "x"}, {"course": ""}, {"completed": "maybe"}, {"cuorse": "x"}):
        response = client.get("/api/v1/enrolments/", params, headers=bearer(all_token))
        assert response.status_code == 400, params
        assert set(response.json()) == set(params)
    response = client.get("/api/v1/enrolments/", {"page_size": "0"}, headers=bearer(all_token))
    assert response.status_code == 400 and "page_size" in response.json()


# Rate limits.


def test_each_token_has_its_own_rate_limit(client, course, settings, own_cache):
    settings.API_RATE = "3/min"
    _first, first_raw = issue_token("First")
    _second, second_raw = issue_token("Second")
    statuses = [client.get("/api/v1/courses/", headers=bearer(first_raw)).status_code]
    statuses += [client.get("/api/v1/courses/", headers=bearer(first_raw)).status_code]
    statuses += [client.get("/api/v1/courses/", headers=bearer(first_raw)).status_code]
    refused = client.get("/api/v1/courses/", headers=bearer(first_raw))
    assert statuses == [200, 200, 200]
    assert refused.status_code == 429 and "Retry-After" in refused
    assert client.get("/api/v1/courses/", headers=bearer(second_raw)).status_code == 200


# Query counts.


def queries_for(client, url: str, raw: str) -> int:
    client.get(url, headers=bearer(raw))  # caches warmed: outlines, site root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=bearer(raw))
    assert response.status_code == 200
    return len(queries)


def add_learners(course, organisation: str, start: int, number: int) -> None:
    for n in range(start, start + number):
        person = learner(f"person{n}", organisation=organisation)
        if n % 2:
            complete_course(person, course)
        else:
            enrol(person, course)


@pytest.mark.parametrize("url", ["/api/v1/enrolments/", "/api/v1/certificates/"])
def test_learner_lists_cost_the_same_queries_for_3_or_15_rows(
    client, course, url, all_token, own_cache
):
    add_learners(course, RED_CROSS, 0, 6)
    small = queries_for(client, url, all_token)
    add_learners(course, RED_CROSS, 6, 24)
    large = queries_for(client, url, all_token)
    assert client.get(url, headers=bearer(all_token)).json()["count"] >= 12
    assert small == large


def test_course_list_costs_the_same_queries_for_3_or_15_courses(
    client, course_builder, all_token, own_cache
):
    for _ in range(3):
        course_builder(modules=1, lessons_per_module=1)
    small = queries_for(client, "/api/v1/courses/", all_token)
    for _ in range(12):
        course_builder(modules=1, lessons_per_module=1)
    large = queries_for(client, "/api/v1/courses/", all_token)
    assert client.get("/api/v1/courses/", headers=bearer(all_token)).json()["count"] == 15
    assert small == large


# Staff issue and revoke tokens in the admin.


def test_staff_issue_a_token_and_see_its_secret_once(client, admin_user, course):
    client.force_login(admin_user)
    response = client.post(
        "/admin/api_tokens/new/",
        {"name": "Ministry HR", "organisation": MINISTRY, "expires_at": ""},
    )
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret in response.content.decode()
    token = ApiToken.objects.get(name="Ministry HR")
    assert token.organisation == MINISTRY and token.created_by == admin_user
    assert find_token(secret) == token
    client.logout()
    assert client.get("/api/v1/courses/", headers=bearer(secret)).status_code == 200
    # The list never shows it again.
    client.force_login(admin_user)
    assert secret not in client.get("/admin/api_tokens/").content.decode()


def test_staff_revoke_a_token_in_the_admin(client, admin_user, course):
    token, raw = issue_token("Pilot")
    client.force_login(admin_user)
    response = client.post(f"/admin/api_tokens/edit/{token.pk}/", {"name": "Pilot", "revoke": "on"})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    client.logout()
    assert client.get("/api/v1/courses/", headers=bearer(raw)).status_code == 403


def test_people_without_the_permission_cannot_issue_tokens(client, db):
    person = learner("curious", is_staff=True)
    client.force_login(person)
    response = client.post("/admin/api_tokens/new/", {"name": "Mine"})
    assert response.status_code in (302, 403)
    assert not ApiToken.objects.exists()


# The schema and its docs.


def test_the_schema_and_docs_are_published_under_the_sites_csp(client, db):
    schema = client.get("/api/v1/schema/", {"format": "json"})
    assert schema.status_code == 200
    assert set(schema.json()["paths"]) >= {"/api/v1/enrolments/", "/api/v1/certificates/{code}/"}
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "<script>" not in page and "<style>" not in page
    assert "default-src 'self'" in docs["Content-Security-Policy"]
    assert "cdn" not in page.lower()
    script = client.get("/api/v1/docs/", {"script": ""})
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


def test_unknown_api_addresses_are_json_404s(client, db):
    response = client.get("/api/v1/nothing/here/")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}
