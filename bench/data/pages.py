"""The load-test courses: 50 courses of 8 modules × 5 lessons and a final quiz, and a short
course for a cohort that finishes at once.

Each course page is created and published through Wagtail's API, as an author would. Its 49
modules, lessons and quiz are written in bulk (`publish_pages`): publishing them one by one
costs about 80 ms each (about 100 queries, three search-index updates), over three minutes for
the whole set. The bulk path leaves them as `add_child()` then `save_revision().publish()`
would: live, with a published revision, history entries, tree fields and `url_path`, and in the
search index. One course (with its pages) is one transaction: it exists whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail.search.backends import get_search_backends

from courses.caching import content_version
from courses.models import (
    Audience,
    CourseIndexPage,
    CoursePage,
    CrisisPhase,
    LessonPage,
    Level,
    ModulePage,
    QuizPage,
)

from .content import SUBJECTS, lesson_body, lesson_title, quiz_questions
from .plan import COHORT_COURSE_SLUG, Plan, course_slug

FALLBACK_AUDIENCES = [
    ("first-responders", "First responders"),
    ("local-authorities", "Local authorities"),
    ("civil-society", "Civil society"),
]


@dataclass
class Node:
    """An unsaved page and the pages to create under it."""

    page: Page
    children: list[Node] = field(default_factory=list)


def publish_pages(parent: Page, nodes: list[Node], now: datetime) -> list[Page]:
    """Create `nodes` (and their children) under `parent` as published pages, in a few
    queries per level instead of about a hundred per page. Returns the pages created.

    The pages are not validated here: the test validates the content they are built from.
    """
    pages: list[Page] = []
    content_types: dict[type, ContentType] = {}

    def place(parent: Page, nodes: list[Node], first_step: int) -> None:
        for offset, node in enumerate(nodes):
            page = node.page
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, first_step + offset)
            page.numchild = len(node.children)
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = parent.locale_id
            page.draft_title = page.title
            page.live, page.has_unpublished_changes = True, False
            page.first_published_at = page.last_published_at = now
            page.latest_revision_created_at = now
            model = type(page)
            if model not in content_types:
                content_types[model] = ContentType.objects.get_for_model(model)
            page.content_type = content_types[model]
            pages.append(page)
            place(page, node.children, 1)

    last = parent.get_last_child()
    place(parent, nodes, (last._get_lastpos_in_path() if last else 0) + 1)

    # The page table, then each type's own table (loaddata's way of saving a page subclass).
    base_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    bases = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages]
    )
    for page, base in zip(pages, bases, strict=True):
        page.id = page.page_ptr_id = base.pk
        page.save_base(raw=True, force_insert=True)

    # One published revision each, holding the content as save_revision() would, and the
    # history entries that creating and publishing it write.
    page_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=page.content_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                created_at=now,
                content=page.serializable_data(),
                object_str=page.title,
            )
            for page in pages
        ]
    )
    for page, base, revision in zip(pages, bases, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
        base.latest_revision_id = base.live_revision_id = revision.pk
    Page.objects.bulk_update(bases, ["latest_revision", "live_revision"])
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=page.content_type,
                label=page.title,
                action=action,
                timestamp=now,
                page_id=page.pk,
                revision=page_revision,
                content_changed=True,
            )
            for page, revision in zip(pages, revisions, strict=True)
            for action, page_revision in (("wagtail.create", None), ("wagtail.publish", revision))
        ]
    )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(nodes))

    for backend in get_search_backends(with_auto_update=True):
        for model in content_types:
            backend.add_bulk(model, [page for page in pages if type(page) is model])
    return pages


def publish_child(parent: Page, page: Page) -> Page:
    """Create and publish one page the way the admin does."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_audiences() -> list[Audience]:
    """The audiences courses are for: the existing ones, or a few created if there are none."""
    audiences = list(Audience.objects.order_by("pk"))
    if not audiences:
        audiences = [Audience.objects.create(slug=s, name=n) for s, n in FALLBACK_AUDIENCES]
    return audiences


def course_page(number: int, audiences: list[Audience]) -> CoursePage:
    subject = SUBJECTS[(number - 1) % len(SUBJECTS)]
    phases, levels = list(CrisisPhase), list(Level)
    course = CoursePage(
        title=f"Bench course {number:02d}: {subject}",
        slug=course_slug(number),
        summary=(
            f"{subject} for people who help in a crisis: what to prepare, what to do and "
            "what to check afterwards, in forty short lessons and a final quiz."
        ),
        description=(
            "<p>A course written for the load tests. It has the size and shape of a real "
            "course: eight modules of five lessons, each lesson a few minutes of reading with "
            "checklists and situations from the field, and a final quiz.</p>"
        ),
        phase=phases[number % len(phases)],
        level=levels[(number // 3) % len(levels)],
        estimated_hours=4 + number % 5,
        awards_certificate=True,
        outcomes=[
            {"type": "outcome", "value": text}
            for text in (
                f"Prepare your service for {subject.lower()}.",
                "Reach everyone, whatever their language or papers.",
                "Check what worked and change the plan.",
            )
        ],
    )
    course.audiences.set([audiences[(number + n) % len(audiences)] for n in range(1 + number % 3)])
    return course


def lesson_page(owner: str, course_number: int, lesson_number: int) -> LessonPage:
    return LessonPage(
        title=lesson_title(lesson_number),
        slug=f"lesson-{lesson_number + 1:02d}",
        summary=f"Lesson {lesson_number + 1}: {lesson_title(lesson_number).lower()}.",
        estimated_minutes=6 + (course_number + lesson_number) % 7,
        body=lesson_body(owner, course_number, lesson_number),
    )


def course_tree(plan: Plan, number: int) -> list[Node]:
    """The modules of one course, with their lessons and, in the last one, the quiz."""
    modules = []
    for m in range(plan.modules_per_course):
        lessons = [
            Node(lesson_page(course_slug(number), number, m * plan.lessons_per_module + n))
            for n in range(plan.lessons_per_module)
        ]
        modules.append(
            Node(
                ModulePage(
                    title=f"Part {m + 1}: {lesson_title(m * plan.lessons_per_module)}",
                    slug=f"module-{m + 1}",
                    summary="Five short lessons.",
                ),
                lessons,
            )
        )
    quiz = QuizPage(
        title="Final quiz",
        slug="final-quiz",
        intro="<p>Five questions on the whole course. You need 60% to pass.</p>",
        questions=quiz_questions(f"{course_slug(number)}/quiz"),
        pass_mark=60,
        max_attempts=None,
        attempt_delay_minutes=0,
        required_for_completion=True,
    )
    modules[-1].children.append(Node(quiz))
    return modules


def cohort_course(audiences: list[Audience]) -> tuple[CoursePage, list[Node]]:
    course = CoursePage(
        title="Bench cohort: the first hour",
        slug=COHORT_COURSE_SLUG,
        summary="A three-lesson course that a whole cohort finishes at the same time.",
        description="<p>A short course for the load test in which 500 learners finish at once.</p>",
        phase=CrisisPhase.RESPONSE,
        level=Level.INTRODUCTORY,
        estimated_hours=1,
        awards_certificate=True,
    )
    course.audiences.set(audiences[:1])
    lessons = [Node(lesson_page(COHORT_COURSE_SLUG, 0, n)) for n in range(3)]
    module = Node(ModulePage(title="The first hour", slug="module-1", summary="Three lessons."))
    module.children = lessons
    return course, [module]


def ensure_courses(plan: Plan) -> int:
    """Create the courses that do not exist yet (matched by slug), each with its pages in one
    transaction. Returns how many pages were created."""
    catalogue = CourseIndexPage.objects.get(locale=Locale.get_default())
    existing = set(CoursePage.objects.child_of(catalogue).values_list("slug", flat=True))
    audiences = ensure_audiences()
    builders: dict[str, Callable[[], tuple[CoursePage, list[Node]]]] = {
        course_slug(n): partial(lambda n: (course_page(n, audiences), course_tree(plan, n)), n)
        for n in range(1, plan.courses + 1)
    }
    builders[COHORT_COURSE_SLUG] = partial(cohort_course, audiences)
    created = 0
    for slug, build in builders.items():
        if slug in existing:
            continue
        with transaction.atomic():
            course, tree = build()
            publish_child(catalogue, course)
            created += 1 + len(publish_pages(course, tree, timezone.now()))
    if created:
        content_version.bump()  # as publishing does: cached pages and outlines are now stale
    return created
