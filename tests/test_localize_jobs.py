"""wagtail-localize's background jobs run on our Celery workers: a new language's tree of
aliases is built by a real worker process from real Redis, once the request has committed.
With no broker answering, the job runs at once instead of being lost."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from courses.models import LessonPage
from home.locales import ensure_languages
from tests.processes import (
    database_url_for_workers,
    publishing_to,
    spare_port,
    start_worker,
    stop_process,
    wait_for,
)
from worker import localize

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def pages_in(locale: Locale) -> int:
    return Page.objects.filter(locale=locale, depth__gt=1).count()


@pytest.fixture
def localize_worker(redis_url, tmp_path):
    log = tmp_path / "worker.log"
    process = start_worker(
        {"REDIS_URL": redis_url, "DATABASE_URL": database_url_for_workers()}, log
    )
    try:
        with publishing_to(redis_url):
            yield log
    finally:
        stop_process(process)


def test_a_new_language_gets_its_tree_of_aliases_from_a_worker(course, localize_worker):
    english = Locale.get_default()
    french = Locale.objects.create(language_code="fr")
    # Saving a synchronisation asks wagtail-localize's job backend to fill the tree.
    LocaleSynchronization.objects.create(locale=french, sync_from=english)
    source_pages = pages_in(english)
    wait_for(
        lambda: pages_in(french) >= source_pages,
        60,
        f"the worker to alias the tree (log: {localize_worker.read_text()[-2000:]})",
    )
    stand_in = course.get_translation(french)
    assert stand_in.alias_of_id == course.pk
    assert "worker.run_localize_job" in localize_worker.read_text()


def test_a_job_runs_at_once_when_no_broker_answers(course):
    english = Locale.get_default()
    spanish = Locale.objects.create(language_code="es")
    with publishing_to(f"redis://127.0.0.1:{spare_port()}/0"):
        localize.CeleryJobBackend({}).enqueue(synchronize_tree, [english, spanish], {})
    assert course.get_translation(spanish).alias_of_id == course.pk


def test_only_wagtail_localize_functions_are_run_from_a_message():
    with pytest.raises(ValueError, match="not a wagtail-localize function"):
        localize.run_job({"func": "os.system", "args": ["true"], "kwargs": {}})


def test_an_author_translates_a_course_and_its_lessons_in_the_admin(
    course, admin_client, localize_worker
):
    """wagtail-localize's admin on Wagtail 8: "Translate" with "Include subtree" turns the
    French aliases into French translations (the subtree on the worker), and the French page
    opens in its translation editor."""
    ensure_languages()
    french = Locale.objects.get(language_code="fr")
    response = admin_client.post(
        f"/admin/localize/submit/page/{course.pk}/",
        {"locales": [french.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    lessons = LessonPage.objects.descendant_of(course)

    def translated() -> bool:
        pages = [lesson.get_translation(french) for lesson in lessons]
        return all(page.alias_of_id is None for page in pages)

    wait_for(translated, 60, f"the worker (log: {localize_worker.read_text()[-2000:]})")
    french_course = course.get_translation(french)
    assert french_course.alias_of_id is None
    editor = admin_client.get(f"/admin/pages/{french_course.pk}/edit/")
    assert editor.status_code == 200
    assert [template.name for template in editor.templates][0] == (
        "wagtail_localize/admin/edit_translation.html"
    )
