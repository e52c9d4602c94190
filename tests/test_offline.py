"""Offline use (issue 12, browser side): the installable web app, the service worker, the
offline page, what a device saves to read a module offline, and reading it with the network
off in Chromium."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.contrib.staticfiles import finders
from django.test import Client
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses.learning.enrolment import enrol
from courses.models import CoursePage, LessonCompletion, LessonPage, ModulePage, QuizAttempt
from courses.sync.models import SyncedItem
from tests.factories import QuizPageFactory, UserFactory
from tests.test_browser import BROWSER_TEST, blocking_violations
from tests.test_page_weight import LESSON_WEIGHT_LIMIT, AssetFinder, page_weight
from tests.test_quiz_journey import answer_every_question, right_answer


@pytest.fixture
def enrolled(learner, course) -> UserFactory:
    enrol(learner, course)
    return learner


def first_module(course: CoursePage) -> ModulePage:
    return ModulePage.objects.child_of(course).order_by("path").first()


# The installable web app.


@pytest.mark.parametrize(("lang", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_manifest_names_the_app_its_start_page_and_icons_that_exist(client, db, lang, direction):
    response = client.get(f"/manifest.webmanifest?lang={lang}")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Crisis Ready" and manifest["short_name"]
    assert manifest["start_url"] == ("/learn/" if lang == "en" else f"/{lang}/learn/")
    assert manifest["display"] == "standalone"
    assert (manifest["lang"], manifest["dir"]) == (lang, direction)
    assert manifest["theme_color"].startswith("#") and manifest["background_color"]
    purposes = set()
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon["src"]
        with PillowImage.open(path) as image:
            assert image.format == "PNG"
            assert f"{image.width}x{image.height}" == icon["sizes"]
        purposes.add(icon["purpose"])
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    assert "maskable" in purposes


def test_every_page_links_the_manifest_in_its_language(client, course):
    html = client.get(course.url).content.decode()

    assert '<link rel="manifest" href="/manifest.webmanifest?lang=en">' in html


def test_service_worker_is_served_from_the_root_for_the_whole_site(client, db):
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    script = response.content.decode()
    config = json.loads(script.split("const CONFIG = ", 1)[1].split(";\n", 1)[0])
    assert "/static/css/main.css" in config["shell"]
    assert config["offline_urls"]["en"] == "/offline/"
    assert config["offline_urls"]["ar"] == "/ar/offline/"
    assert "{{" not in script and "{%" not in script


@pytest.mark.parametrize("path", ["/offline/", "/fr/offline/", "/ar/offline/"])
def test_offline_page_reads_without_javascript(client, db, path):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert "data-offline-list" in html
    assert "<script" not in html  # anonymous: nothing to run


# What a module needs offline.


def test_module_offline_lists_every_lesson_and_the_style_sheet(client, enrolled, course):
    module = first_module(course)
    client.force_login(enrolled)

    response = client.get(f"/learn/modules/{module.pk}/offline/")

    assert response.status_code == 200
    bundle = response.json()
    lessons = LessonPage.objects.child_of(module).live()
    assert {lesson.url for lesson in lessons} <= set(bundle["urls"])
    assert module.url in bundle["urls"]
    assert {"/static/css/main.css", "/static/js/offline.js", "/offline/"} <= set(bundle["urls"])
    assert bundle["module"] == module.pk and bundle["bytes"] > 0 and bundle["version"]


def test_module_offline_lists_one_phone_sized_image_per_picture(client, enrolled, course):
    image = Image.objects.create(title="Sign", file=get_test_image_file(size=(1600, 900)))
    module = first_module(course)
    lesson = LessonPage.objects.child_of(module).first()
    image_block = {"image": {"image": image.pk, "alt_text": "A sign", "decorative": False}}
    lesson.body = [{"type": "image", "value": {**image_block, "caption": ""}}]
    lesson.save_revision().publish()
    client.force_login(enrolled)

    bundle = client.get(f"/learn/modules/{module.pk}/offline/").json()

    images = [url for url in bundle["urls"] if url.startswith("/media/")]
    assert len(images) == 1 and ".width-800.format-webp." in images[0]


def test_module_offline_is_in_the_pages_language(client, enrolled, course):
    from home.locales import ensure_languages, translate_page

    ensure_languages()
    translate_page(course, "fr", title="Cours")
    module = first_module(course)
    client.force_login(enrolled)

    bundle = client.get(f"/fr/learn/modules/{module.pk}/offline/").json()

    pages = [url for url in bundle["urls"] if not url.startswith("/static/")]
    assert pages and all(url.startswith("/fr/") for url in pages), pages


def test_module_offline_version_changes_when_a_lesson_is_published(client, enrolled, course):
    module = first_module(course)
    client.force_login(enrolled)
    url = f"/learn/modules/{module.pk}/offline/"
    before = client.get(url).json()["version"]
    other = client.get(f"/learn/modules/{ModulePage.objects.child_of(course).last().pk}/offline/")

    lesson = LessonPage.objects.child_of(module).first()
    lesson.title = "Changed"
    lesson.save_revision().publish()

    assert client.get(url).json()["version"] != before
    assert other.json()["version"] != before


@pytest.mark.parametrize("who", ["not enrolled", "anonymous"])
def test_module_offline_is_only_for_enrolled_learners(client, learner, course, who):
    if who == "not enrolled":
        client.force_login(learner)

    response = client.get(f"/learn/modules/{first_module(course).pk}/offline/")

    assert response.status_code == 403


def test_course_offline_gives_every_module(client, enrolled, course):
    client.force_login(enrolled)

    data = client.get(f"/learn/courses/{course.pk}/offline/").json()

    modules = ModulePage.objects.child_of(course)
    assert [bundle["module"] for bundle in data["modules"]] == [m.pk for m in modules]
    assert course.url in data["modules"][0]["urls"]


# The pages.


def test_anonymous_pages_still_carry_no_script(client, course):
    module = first_module(course)
    lesson = LessonPage.objects.child_of(module).first()
    for url in ["/", "/courses/", course.url, module.url, lesson.url]:
        html = client.get(url).content.decode()
        assert "<script" not in html, url
        assert "data-offline-status" not in html and "data-offline-panel" not in html, url


def test_learners_pages_load_the_offline_script_as_a_module(client, enrolled, course):
    client.force_login(enrolled)
    module = first_module(course)
    lesson = LessonPage.objects.child_of(module).first()
    for url in [course.url, module.url, lesson.url]:
        finder = AssetFinder()
        finder.feed(client.get(url).content.decode())
        assert finder.inline_scripts == 0, url
        assert "/static/js/offline.js" in finder.assets, url


def test_enrolled_learners_see_the_offline_panel_on_module_and_course_pages(
    client, enrolled, learner, course
):
    module = first_module(course)
    client.force_login(enrolled)
    assert f'data-endpoint="/learn/modules/{module.pk}/offline/"' in client.get(module.url).text
    assert f'data-endpoint="/learn/courses/{course.pk}/offline/"' in client.get(course.url).text

    client.force_login(UserFactory())
    assert "data-offline-panel" not in client.get(module.url).text


def test_a_lesson_with_the_offline_script_stays_under_the_weight_limit(client, enrolled, course):
    client.force_login(enrolled)
    lesson = LessonPage.objects.descendant_of(course).first()

    weight, finder = page_weight(client, lesson.url)

    assert "/static/js/offline.js" in finder.assets
    assert weight < LESSON_WEIGHT_LIMIT, weight


# Reading offline, in Chromium.


def browser_test(function):
    for mark in BROWSER_TEST:
        function = mark(function)
    return function


def log_in(page, live_server, user) -> None:
    """Give the browser a session of `user`, as logging in would."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def with_image(lesson: LessonPage) -> Image:
    image = Image.objects.create(title="Sign", file=get_test_image_file(size=(1600, 900)))
    image_block = {"image": {"image": image.pk, "alt_text": "A blue sign", "decorative": False}}
    lesson.body = [
        *lesson.body.raw_data,
        {"type": "image", "value": {**image_block, "caption": ""}},
    ]
    lesson.save_revision().publish()
    return image


def save_module_offline(page, live_server, module: ModulePage) -> None:
    page.goto(live_server.url + module.url)
    page.get_by_role("button", name="Make available offline").click()
    state = page.locator("[data-offline-state]")
    state.filter(has_text="Available offline on this device").wait_for(timeout=20_000)


def enrolled_and_logged_in(page, live_server, course: CoursePage):
    """A new learner enrolled in `course`, whose session the browser holds."""
    learner = UserFactory()
    enrol(learner, course)
    log_in(page, live_server, learner)
    return learner


@browser_test
def test_a_saved_module_reads_offline_and_other_pages_show_the_offline_page(
    allow_orm_beside_playwright, course_builder, live_server, page, screenshot_dir
):
    course = course_builder(modules=2, lessons_per_module=3)
    module, other_module = ModulePage.objects.child_of(course).order_by("path")
    lessons = list(LessonPage.objects.child_of(module).order_by("path"))
    with_image(lessons[1])
    enrolled_and_logged_in(page, live_server, course)
    page.set_viewport_size({"width": 390, "height": 844})

    save_module_offline(page, live_server, module)
    page.screenshot(path=screenshot_dir / "offline-saved-module.png", full_page=True)
    assert blocking_violations(page) == []

    page.context.set_offline(True)
    try:
        for lesson in lessons:
            response = page.goto(live_server.url + lesson.url)
            assert response.status == 200, lesson.url
            assert response.from_service_worker, lesson.url
            assert page.locator("h1").inner_text() == lesson.title
            page.get_by_text("You are offline: showing saved pages").wait_for()
        page.goto(live_server.url + lessons[1].url)
        image = page.get_by_role("img", name="A blue sign")
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
        page.screenshot(path=screenshot_dir / "offline-lesson.png", full_page=True)

        not_saved = LessonPage.objects.child_of(other_module).first()
        response = page.goto(live_server.url + not_saved.url)
        assert response.status == 200
        assert page.locator("h1").inner_text() == "This page is not saved on this device"
        saved_link = page.locator("[data-offline-list]").get_by_role("link", name=module.title)
        saved_link.wait_for()
        page.screenshot(path=screenshot_dir / "offline-page.png", full_page=True)
        assert blocking_violations(page) == []
        saved_link.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == module.title
    finally:
        page.context.set_offline(False)


@browser_test
def test_lessons_marked_complete_offline_wait_then_sync_once_back_online(
    allow_orm_beside_playwright, course_builder, live_server, page, screenshot_dir
):
    course = course_builder(modules=1, lessons_per_module=3)
    module = ModulePage.objects.child_of(course).get()
    lessons = list(LessonPage.objects.child_of(module).order_by("path"))
    learner = enrolled_and_logged_in(page, live_server, course)
    save_module_offline(page, live_server, module)

    page.context.set_offline(True)
    try:
        for done, lesson in enumerate(lessons[:2], start=1):
            page.goto(live_server.url + lesson.url)
            page.get_by_role("button", name="Mark complete").click()
            page.get_by_text(f"{done} waiting to sync").wait_for()
        assert page.get_by_text("Saved on this device. It will be sent").is_visible()
        assert not LessonCompletion.objects.filter(user=learner).exists()
        page.goto(live_server.url + lessons[0].url)  # a saved copy says it is waiting
        page.get_by_text("2 waiting to sync").wait_for()
        assert page.get_by_role("button", name="Mark complete").count() == 0
        page.screenshot(path=screenshot_dir / "offline-outbox.png", full_page=True)
    finally:
        page.context.set_offline(False)

    results = page.locator("[data-sync-results]")
    results.get_by_text("Lesson counted").first.wait_for(timeout=20_000)
    page.get_by_text("waiting to sync").wait_for(state="hidden")
    page.screenshot(path=screenshot_dir / "offline-synced.png", full_page=True)
    page.reload()  # nothing is sent twice
    assert page.get_by_role("button", name="Mark as not complete").is_visible()
    completed = LessonCompletion.objects.filter(user=learner)
    assert sorted(completed.values_list("lesson_key", flat=True)) == sorted(
        lesson.translation_key for lesson in lessons[:2]
    )


@browser_test
def test_an_expired_session_and_a_stale_token_keep_the_outbox_until_sent(
    allow_orm_beside_playwright, course_builder, live_server, page
):
    course = course_builder(modules=1, lessons_per_module=2)
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPage.objects.child_of(module).first()
    learner = enrolled_and_logged_in(page, live_server, course)
    save_module_offline(page, live_server, module)
    page.context.set_offline(True)
    page.goto(live_server.url + lesson.url)
    page.get_by_role("button", name="Mark complete").click()
    page.get_by_text("1 waiting to sync").wait_for()

    # Meanwhile the session expired and the CSRF cookie went: the page's token is stale.
    Session.objects.all().delete()
    page.context.clear_cookies(name=settings.SESSION_COOKIE_NAME)
    page.context.clear_cookies(name=settings.CSRF_COOKIE_NAME)
    page.context.set_offline(False)

    login = page.locator("[data-sync-results]").get_by_role("link", name="Log in")
    login.wait_for(timeout=20_000)
    assert "/accounts/login/" in login.get_attribute("href")
    assert page.get_by_text("1 waiting to sync").is_visible()
    assert not LessonCompletion.objects.filter(user=learner).exists()

    log_in(page, live_server, learner)
    page.reload()
    page.locator("[data-sync-results]").get_by_text("Lesson counted").wait_for(timeout=20_000)
    assert LessonCompletion.objects.filter(user=learner).count() == 1


@browser_test
def test_a_saved_module_shows_update_available_and_updates_on_the_next_visit(
    allow_orm_beside_playwright, course_builder, live_server, page
):
    course = course_builder(modules=1, lessons_per_module=2)
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPage.objects.child_of(module).first()
    enrolled_and_logged_in(page, live_server, course)
    save_module_offline(page, live_server, module)

    lesson.title = "Safe water, revised"
    lesson.save_revision().publish()
    # Remember every text the panel shows, to see "Update available" pass by.
    page.add_init_script(
        """document.addEventListener("DOMContentLoaded", () => {
            const state = document.querySelector("[data-offline-state]");
            window.seen = [];
            new MutationObserver(() => window.seen.push(state.textContent))
                .observe(state, { childList: true, characterData: true, subtree: true });
        });"""
    )
    page.reload()
    state = page.locator("[data-offline-state]")
    state.filter(has_text="Updated: your saved copy is up to date.").wait_for(timeout=20_000)
    assert any(text.startswith("Update available") for text in page.evaluate("window.seen"))

    page.context.set_offline(True)
    try:
        page.goto(live_server.url + lesson.url)
        assert page.locator("h1").inner_text() == "Safe water, revised"
    finally:
        page.context.set_offline(False)


@browser_test
def test_quiz_answers_submitted_offline_are_graded_once_back_online(
    allow_orm_beside_playwright, course_builder, live_server, page
):
    course = course_builder(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = QuizPageFactory(parent=module, title="Check your knowledge")
    learner = enrolled_and_logged_in(page, live_server, course)
    page.goto(live_server.url + quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    page.wait_for_load_state()
    attempt = QuizAttempt.objects.get(user=learner)

    page.context.set_offline(True)
    try:
        answer_every_question(page, attempt, right_answer)
        page.get_by_role("button", name="Submit for grading").click()
        page.get_by_text("1 waiting to sync").wait_for()
        attempt.refresh_from_db()
        assert attempt.submitted_at is None
    finally:
        page.context.set_offline(False)

    result = page.locator("[data-sync-results]").get_by_text("Check your knowledge: Quiz graded")
    result.wait_for(timeout=20_000)
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.score == attempt.max_score


@browser_test
def test_a_quiz_saved_with_its_module_is_taken_offline_and_graded_back_online(
    allow_orm_beside_playwright, course_builder, live_server, page, screenshot_dir
):
    course = course_builder(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = QuizPageFactory(parent=module, title="Check your knowledge")
    learner = enrolled_and_logged_in(page, live_server, course)
    save_module_offline(page, live_server, module)
    attempt = QuizAttempt.objects.get(user=learner)  # opened by saving the quiz's questions

    page.context.set_offline(True)
    try:
        page.goto(live_server.url + quiz.url)
        page.get_by_text("You are offline. Answer here").wait_for()
        assert page.get_by_role("button", name="Start the quiz").count() == 0
        answer_every_question(page, attempt, right_answer)
        page.screenshot(path=screenshot_dir / "offline-quiz.png", full_page=True)
        page.get_by_role("button", name="Submit for grading").click()
        page.get_by_text("1 waiting to sync").wait_for()
    finally:
        page.context.set_offline(False)

    result = page.locator("[data-sync-results]").get_by_text("Check your knowledge: Quiz graded")
    result.wait_for(timeout=20_000)
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.score == attempt.max_score


@browser_test
def test_the_offline_features_run_under_the_sites_content_security_policy(
    allow_orm_beside_playwright, course_builder, live_server, browser
):
    """The other browser tests bypass the policy (for axe-core); this one keeps it."""
    course = course_builder(modules=1, lessons_per_module=2)
    module = ModulePage.objects.child_of(course).get()
    learner = UserFactory()
    enrol(learner, course)
    context = browser.new_context(bypass_csp=False)
    try:
        page = context.new_page()
        refused = []
        page.on("console", lambda message: refused.append(message.text))
        log_in(page, live_server, learner)
        save_module_offline(page, live_server, module)
        context.set_offline(True)
        page.goto(live_server.url + LessonPage.objects.child_of(module).first().url)
        page.get_by_text("You are offline: showing saved pages").wait_for()
        assert [text for text in refused if "Content Security Policy" in text] == []
    finally:
        context.close()


@browser_test
def test_a_whole_course_is_saved_from_its_page_and_lists_its_modules(
    allow_orm_beside_playwright, course_builder, live_server, page
):
    course = course_builder(modules=2, lessons_per_module=2)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    enrolled_and_logged_in(page, live_server, course)

    page.goto(live_server.url + course.url)
    page.get_by_role("button", name="Make the whole course available offline").click()
    state = page.locator("[data-offline-state]")
    state.filter(has_text="Available offline on this device").wait_for(timeout=20_000)
    saved = page.locator("[data-offline-saved]")
    for module in modules:
        assert saved.get_by_role("link", name=module.title).is_visible()

    page.context.set_offline(True)
    try:
        for url in [
            course.url,
            *(lesson.url for lesson in LessonPage.objects.child_of(modules[1])),
        ]:
            assert page.goto(live_server.url + url).status == 200
            page.get_by_text("You are offline: showing saved pages").wait_for()
    finally:
        page.context.set_offline(False)


@browser_test
def test_two_lessons_and_a_quiz_done_offline_are_counted_once_back_online(
    allow_orm_beside_playwright,
    course_builder,
    live_server,
    browser_type,
    browser_type_launch_args,
    screenshot_dir,
):
    """The issue's journey: save a module, go offline, mark two lessons complete and submit
    its quiz ("3 waiting to sync"), come back online: My learning shows the two lessons and
    the graded attempt, each counted once.

    Playwright's offline mode covers pages, not the service worker, so Chromium would think
    it may run Background Sync at once. This browser has no Background Sync: the outbox then
    waits, as it does on a phone with no network, and is sent when the page is back online
    (which is also how browsers without Background Sync send it)."""
    launch_args = {**browser_type_launch_args}
    launch_args["args"] = [*launch_args["args"], "--disable-features=BackgroundSync"]
    browser = browser_type.launch(**launch_args)
    page = browser.new_page()
    course = course_builder(modules=1, lessons_per_module=2)
    module = ModulePage.objects.child_of(course).get()
    lessons = list(LessonPage.objects.child_of(module).order_by("path"))
    quiz = QuizPageFactory(parent=module, title="Module check")
    learner = enrolled_and_logged_in(page, live_server, course)
    save_module_offline(page, live_server, module)
    attempt = QuizAttempt.objects.get(user=learner)

    page.context.set_offline(True)
    try:
        for done, lesson in enumerate(lessons, start=1):
            page.goto(live_server.url + lesson.url)
            page.get_by_role("button", name="Mark complete").click()
            page.get_by_text(f"{done} waiting to sync").wait_for()  # kept before moving on
        page.goto(live_server.url + quiz.url)
        answer_every_question(page, attempt, right_answer)
        page.get_by_role("button", name="Submit for grading").click()
        page.get_by_text("3 waiting to sync").wait_for()
        page.screenshot(path=screenshot_dir / "offline-three-waiting.png", full_page=True)
        assert not LessonCompletion.objects.filter(user=learner).exists()
    finally:
        page.context.set_offline(False)

    page.locator("[data-sync-results]").get_by_text("Module check: Quiz graded").wait_for(
        timeout=20_000
    )
    page.get_by_text("waiting to sync").wait_for(state="hidden")
    page.goto(f"{live_server.url}/learn/")  # the course is complete: two lessons, one quiz
    completed = page.locator("section", has=page.get_by_role("heading", name="Completed courses"))
    assert completed.get_by_role("link", name=course.title).is_visible()
    page.reload()  # a second visit sends nothing again
    assert LessonCompletion.objects.filter(user=learner).count() == 2
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.score == attempt.max_score
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert SyncedItem.objects.filter(user=learner).count() == 3
    browser.close()


@browser_test
def test_without_javascript_a_lesson_is_completed_and_a_quiz_submitted(
    allow_orm_beside_playwright, course_builder, live_server, browser
):
    """Opera Mini and old browsers: no script runs, and the plain forms still do the work."""
    course = course_builder(modules=1, lessons_per_module=1)
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPage.objects.child_of(module).get()
    quiz = QuizPageFactory(parent=module, title="Module check")
    learner = UserFactory()
    enrol(learner, course)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        log_in(page, live_server, learner)
        page.goto(live_server.url + lesson.url)
        page.get_by_role("button", name="Mark complete").click()
        page.wait_for_load_state()
        assert page.get_by_role("button", name="Mark as not complete").is_visible()
        page.goto(live_server.url + quiz.url)
        page.get_by_role("button", name="Start the quiz").click()
        page.wait_for_load_state()
        attempt = QuizAttempt.objects.get(user=learner)
        answer_every_question(page, attempt, right_answer)
        page.get_by_role("button", name="Submit for grading").click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", name="You passed").is_visible()
    finally:
        context.close()
    assert LessonCompletion.objects.filter(user=learner).count() == 1
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.score == attempt.max_score
