"""Page weight: lesson pages stay light for slow and metered networks, and need no JavaScript."""

from __future__ import annotations

import gzip
import json
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from blended.check_in import current_token
from blended.models import Cohort, Facilitator, Participant, Programme, TrainingSession
from courses.learning.enrolment import enrol
from courses.models import CoursePage, LessonPage
from tests.factories import UserFactory
from training.compression import TextGZipMiddleware

# Issue 6: a lesson page under 60 KB transferred (HTML, CSS and JS, without content images).
LESSON_WEIGHT_LIMIT = 60 * 1024


class AssetFinder(HTMLParser):
    """Collects the stylesheets and scripts a page makes the browser fetch, and inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []
        self.inline_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.assets.append(attributes["href"])
        elif tag == "script":
            if attributes.get("src"):
                self.assets.append(attributes["src"])
            else:
                self.inline_scripts += 1


def transferred_bytes(client: Client, url: str) -> int:
    """The body's size as a gzip-accepting browser receives it.

    Pages are compressed by the web process. Static files are served by WhiteNoise from the
    compressed copies collectstatic makes; tests serve the source files as they are, so they
    are compressed here the way collectstatic would.
    """
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200, url
    body = response.getvalue()
    if response.get("Content-Encoding") == "gzip":
        return len(body)
    return len(gzip.compress(body, compresslevel=9))


def page_weight(client: Client, url: str) -> tuple[int, AssetFinder]:
    """Bytes transferred for the page and the stylesheets and scripts it references."""
    html = client.get(url).content.decode()
    finder = AssetFinder()
    finder.feed(html)
    total = transferred_bytes(client, url)
    total += sum(transferred_bytes(client, asset) for asset in finder.assets)
    return total, finder


@pytest.fixture
def demo_learner(db):
    """A learner enrolled in every demo course, so lesson bodies are shown."""
    call_command("seed_demo", verbosity=0)
    learner = UserFactory()
    for course in CoursePage.objects.live():
        enrol(learner, course)
    return learner


def heaviest_lesson() -> LessonPage:
    return max(
        LessonPage.objects.live(), key=lambda lesson: len(json.dumps(lesson.body.get_prep_value()))
    )


@pytest.mark.parametrize("reader", ["enrolled learner", "anonymous visitor"])
def test_heaviest_demo_lesson_weighs_under_the_limit_as_served(client, demo_learner, reader):
    if reader == "enrolled learner":
        client.force_login(demo_learner)
    lesson = heaviest_lesson()

    weight, finder = page_weight(client, lesson.url)

    assert finder.assets, "the page should reference its stylesheet"
    assert weight < LESSON_WEIGHT_LIMIT, f"{lesson.title}: {weight} bytes"


def test_pages_are_sent_compressed(client, demo_learner):
    client.force_login(demo_learner)
    lesson = heaviest_lesson()

    response = client.get(lesson.url, HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert lesson.title in gzip.decompress(response.content).decode()


def test_public_pages_need_no_javascript(client, demo_learner, home, catalogue):
    """Anonymous pages carry no script at all; learners' pages only the offline features
    (issue 12), a same-origin file that enhances pages and forms that work without it."""
    lesson = heaviest_lesson()
    course = lesson.get_course()
    for logged_in in (False, True):
        if logged_in:
            client.force_login(demo_learner)
        for url in (home.url, catalogue.url, course.url, lesson.url):
            finder = AssetFinder()
            finder.feed(client.get(url).content.decode())
            scripts = [asset for asset in finder.assets if not asset.endswith(".css")]
            expected = ["/static/js/offline.js"] if logged_in else []
            assert (scripts, finder.inline_scripts) == (expected, 0), url


def test_lesson_images_are_responsive_renditions_with_their_size(client, course_builder):
    image = Image.objects.create(title="Assembly point", file=get_test_image_file(size=(1600, 900)))
    course = course_builder(modules=1, lessons_per_module=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    lesson.body = [
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "The blue sign", "decorative": False},
                "caption": "",
            },
        }
    ]
    lesson.save_revision().publish()
    learner = UserFactory()
    enrol(learner, course)
    client.force_login(learner)

    html = client.get(lesson.url).content.decode()

    img = html[html.index("<img") : html.index(">", html.index("<img")) + 1]
    assert 'alt="The blue sign"' in img
    assert 'loading="lazy"' in img
    assert "sizes=" in img
    assert all(f" {width}w" in img for width in (400, 800, 1200)), img
    assert 'width="400"' in img and 'height="225"' in img
    assert ".format-webp." in img


@pytest.mark.parametrize(
    ("content_type", "compressed"),
    [
        ("text/html; charset=utf-8", True),
        ("text/csv", True),
        ("application/json", True),
        ("application/pdf", False),
        ("image/webp", False),
    ],
)
def test_only_text_is_compressed(rf, content_type, compressed):
    middleware = TextGZipMiddleware(
        lambda request: HttpResponse(b"Crisis Ready " * 100, content_type=content_type)
    )

    response = middleware(rf.get("/", HTTP_ACCEPT_ENCODING="gzip"))

    assert (response.get("Content-Encoding") == "gzip") is compressed


# Issue 15: the workshop pages open on cheap phones in a room with a weak signal.
WORKSHOP_WEIGHT_LIMIT = 60 * 1024


def test_the_roll_call_qr_screen_and_check_in_page_stay_light(client, course):
    """A roll of 40 people, the QR screen and the participant's check-in page, each with
    the stylesheets and scripts it loads, under the lessons' limit; no inline script."""
    programme = Programme.objects.create(name="Shelter", course_key=course.translation_key)
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        programme=programme,
        name="Goma, June",
        starts_on=today,
        ends_on=today,
        language="en",
        country="CD",
        place="Goma",
    )
    session = TrainingSession.objects.create(
        cohort=cohort, title="Day 1", starts_at=timezone.now() + timedelta(minutes=5)
    )
    lead = UserFactory()
    Facilitator.objects.create(cohort=cohort, user=lead, role=Facilitator.Role.LEAD)
    participant = UserFactory()
    Participant.objects.create(cohort=cohort, user=participant, name="Amina Hassan")
    for number in range(39):
        Participant.objects.create(cohort=cohort, name=f"Participant {number}", organisation="NGO")

    client.force_login(lead)
    token = current_token(session, timezone.now())
    pages = [f"/workshops/sessions/{session.pk}/roll/", f"/workshops/sessions/{session.pk}/qr/"]
    for url in pages:
        weight, finder = page_weight(client, url)
        assert weight < WORKSHOP_WEIGHT_LIMIT, f"{url}: {weight} bytes"
        assert finder.inline_scripts == 0, url
    client.force_login(participant)
    weight, finder = page_weight(client, f"/workshops/check-in/{session.pk}/{token}/")
    assert weight < WORKSHOP_WEIGHT_LIMIT and finder.inline_scripts == 0
