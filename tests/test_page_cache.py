"""The anonymous page cache (`courses.caching.page_cache`): hits, invalidation by publishing,
no leaks."""

from __future__ import annotations

import gzip

import pytest
from django.contrib import messages
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.test import Client
from redis.exceptions import ConnectionError as RedisConnectionError
from wagtail import hooks
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction, Site

from courses.caching import content_version, page_cache
from courses.learning.enrolment import enrol
from courses.models import LessonPage, ModulePage
from tests.factories import QuizPageFactory, UserFactory

# Headers only the cache sets; everything else must be the same on a hit as on a miss.
CACHE_ONLY = {"X-Cache"}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """Turn the page cache on (test settings keep it off) with an empty cache."""
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def course(course_builder):
    return course_builder(title="Early warning for everyone")


@pytest.fixture
def lesson(course) -> LessonPage:
    return LessonPage.objects.descendant_of(course).live().order_by("path").first()


def headers(response) -> dict[str, str]:
    return {name: value for name, value in response.items() if name not in CACHE_ONLY}


def get_twice(client: Client, url: str, **extra):
    return client.get(url, **extra), client.get(url, **extra)


def test_second_anonymous_request_is_a_hit_with_no_query(client, lesson, django_assert_num_queries):
    miss = client.get(lesson.url)
    with django_assert_num_queries(0):
        hit = client.get(lesson.url)

    assert miss.status_code == hit.status_code == 200
    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert hit.content == miss.content
    assert lesson.title in hit.content.decode()


def test_hit_carries_the_headers_of_the_miss(client, lesson):
    miss, hit = get_twice(client, lesson.url)

    assert headers(hit) == headers(miss)
    # The inner middleware's headers are there although a hit never reaches it.
    assert "Content-Security-Policy" in hit
    assert "X-Frame-Options" in hit
    assert "Content-Language" in hit


def test_every_page_of_the_public_tree_is_cached(client, home, catalogue, course, lesson):
    module = ModulePage.objects.child_of(course).first()
    quiz = QuizPageFactory(parent=module)
    for page in (home, catalogue, course, module, lesson, quiz):
        miss, hit = get_twice(client, page.url)
        assert (miss.status_code, miss["X-Cache"], hit["X-Cache"]) == (200, "miss", "hit"), page


def test_publishing_a_new_revision_shows_at_once(client, course):
    get_twice(client, course.url)

    course.title = "Early warning in every language"
    course.save_revision().publish()
    response = client.get(course.url)

    assert response["X-Cache"] == "miss"
    assert "Early warning in every language" in response.content.decode()


def test_publishing_a_lesson_updates_the_cached_course_outline(client, course, lesson):
    get_twice(client, course.url)

    lesson.title = "Sirens and text messages"
    lesson.save_revision().publish()

    assert "Sirens and text messages" in client.get(course.url).content.decode()


def test_unpublished_page_is_not_found_at_once(client, lesson):
    get_twice(client, lesson.url)

    lesson.unpublish()

    assert client.get(lesson.url).status_code == 404


def test_logged_in_learner_never_gets_the_anonymous_page(client, course, lesson):
    get_twice(client, lesson.url)
    learner = UserFactory(full_name="Amina Diallo")
    enrol(learner, course)
    client.force_login(learner)

    response = client.get(lesson.url)

    assert "X-Cache" not in response
    body = response.content.decode()
    assert "Mark complete" in body  # the enrolled learner's own page
    assert "Warn everyone, in every language." in body


def test_logged_in_learner_page_is_never_stored(client, course, lesson):
    learner = UserFactory()
    enrol(learner, course)
    learner_client = Client()
    learner_client.force_login(learner)
    learner_client.get(lesson.url)
    learner_client.get(lesson.url)

    response = client.get(lesson.url)

    assert response["X-Cache"] == "miss"
    body = response.content.decode()
    assert "Mark complete" not in body
    assert "Log out" not in body
    assert "Warn everyone, in every language." not in body  # anonymous readers see no body


def test_request_with_a_messages_cookie_skips_the_cache(client, lesson):
    get_twice(client, lesson.url)
    client.cookies["messages"] = "anything"

    assert "X-Cache" not in client.get(lesson.url)


def test_page_showing_a_message_is_not_stored(client, lesson):
    def add_message(page, request, serve_args, serve_kwargs):
        messages.info(request, "You have been logged out.")

    with hooks.register_temporarily("before_serve_page", add_message):
        first = client.get(lesson.url)
    second = client.get(lesson.url)

    assert "You have been logged out." in first.content.decode()
    assert second["X-Cache"] == "miss"
    assert "You have been logged out." not in second.content.decode()


def test_page_with_a_csrf_form_is_not_stored(client, lesson):
    def use_csrf_token(page, request, serve_args, serve_kwargs):
        get_token(request)  # what {% csrf_token %} does

    with hooks.register_temporarily("before_serve_page", use_csrf_token):
        first = client.get(lesson.url)
        second = client.get(lesson.url)

    assert "csrftoken" in first.cookies
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "miss")


def test_view_restricted_page_is_not_stored(client, course):
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="cohort-7"
    )

    first, second = get_twice(client, course.url)

    assert first.status_code == 200  # Wagtail's password form
    assert second["X-Cache"] == "miss"
    assert course.summary not in second.content.decode()


def test_query_string_variants_are_cached_separately(client, catalogue, course_builder):
    course_builder(title="Shelter management", phase="response")
    course_builder(title="Rebuilding livelihoods", phase="post_crisis")

    response_miss, response_hit = get_twice(client, catalogue.url + "?phase=response")
    post_miss, post_hit = get_twice(client, catalogue.url + "?phase=post_crisis")

    assert [r["X-Cache"] for r in (response_miss, response_hit, post_miss, post_hit)] == [
        "miss",
        "hit",
        "miss",
        "hit",
    ]
    assert "Shelter management" in response_hit.content.decode()
    assert "Rebuilding livelihoods" not in response_hit.content.decode()
    assert "Rebuilding livelihoods" in post_hit.content.decode()


def test_unknown_query_parameters_are_served_but_not_stored(client, lesson, catalogue):
    for url in (lesson.url + "?utm_source=radio", catalogue.url + "?junk=1"):
        first, second = get_twice(client, url)
        assert (first.status_code, second["X-Cache"]) == (200, "miss"), url


def test_head_is_answered_from_the_stored_get(client, lesson):
    get = client.get(lesson.url)
    head = client.head(lesson.url)

    assert head["X-Cache"] == "hit"
    assert head.content == b""
    assert headers(head) == headers(get)


def test_head_alone_stores_nothing(client, lesson):
    client.head(lesson.url)

    assert client.get(lesson.url)["X-Cache"] == "miss"


def test_gzip_variant_is_stored_compressed_and_served_to_gzip_clients_only(client, lesson):
    plain = client.get(lesson.url)
    gzip_miss, gzip_hit = get_twice(client, lesson.url, HTTP_ACCEPT_ENCODING="gzip, br")
    plain_hit = client.get(lesson.url)

    assert (gzip_miss["X-Cache"], gzip_hit["X-Cache"], plain_hit["X-Cache"]) == (
        "miss",
        "hit",
        "hit",
    )
    assert gzip_hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in gzip_hit["Vary"]
    assert gzip_hit.content == gzip_miss.content
    assert int(gzip_hit["Content-Length"]) == len(gzip_hit.content)
    assert gzip.decompress(gzip_hit.content) == plain.content
    assert "Content-Encoding" not in plain_hit
    assert plain_hit.content == plain.content


def test_other_methods_and_non_page_paths_skip_the_cache(client, lesson):
    assert "X-Cache" not in client.post(lesson.url)
    assert "X-Cache" not in client.get("/search/?q=warning")
    assert "X-Cache" not in client.get("/accounts/login/")


def test_missing_page_is_not_stored(client, catalogue):
    first, second = get_twice(client, catalogue.url + "no-such-course/")

    assert first.status_code == second.status_code == 404
    assert second["X-Cache"] == "miss"


class UnreachableCache:
    """A cache whose server does not answer."""

    def __getattr__(self, name):
        def refuse(*args, **kwargs):
            raise RedisConnectionError("Connection refused")

        return refuse


def test_pages_are_rendered_when_the_page_cache_server_is_down(client, lesson, monkeypatch):
    monkeypatch.setattr(page_cache, "cache", UnreachableCache())

    response = client.get(lesson.url)

    assert response.status_code == 200
    assert "X-Cache" not in response


def test_cache_is_off_when_no_timeout_is_set(client, lesson, settings):
    settings.PAGE_CACHE_SECONDS = 0

    assert "X-Cache" not in client.get(lesson.url)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            lambda: Image.objects.create(title="Shelter", file=get_test_image_file()),
            id="image",
        ),
        pytest.param(
            lambda: Site.objects.update_or_create(
                is_default_site=True, defaults={"site_name": "Crisis Ready (pilot)"}
            ),
            id="site",
        ),
    ],
)
def test_content_changes_besides_pages_change_the_version(db, change):
    before = content_version.current()

    change()

    assert content_version.current() != before


def test_version_changes_again_when_the_publish_commits(lesson, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
        during = content_version.current()

    assert content_version.current() != during


def test_non_page_prefixes_come_from_the_url_patterns():
    prefixes = page_cache.non_page_prefixes()

    assert {"/admin/", "/accounts/", "/learn/", "/certificates/", "/search/", "/static/"} <= set(
        prefixes
    )
    assert "/" not in prefixes


def test_saving_a_draft_keeps_cached_pages_but_saving_live_content_drops_them(lesson):
    before = content_version.current()

    lesson.title = "A draft title"
    lesson.save_revision()
    after_draft = content_version.current()
    lesson.refresh_from_db()
    lesson.title = "Changed directly"
    lesson.save()

    assert after_draft == before
    assert content_version.current() != before
