"""Turn the demo data into published pages. Existing pages (matched by slug) are left alone,
so running the builder twice creates nothing twice."""

from __future__ import annotations

import uuid

from django.db import transaction
from wagtail.models import Locale, Page, Site

from courses.models import Audience, CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage
from demo.content import AUDIENCES, COURSES, HOME
from demo.content.quizzes import QUIZZES


def stream(blocks: list[tuple[str, object]]) -> list[dict]:
    """Demo blocks as StreamField raw data, each with the stable id Wagtail would give it."""
    return [{"type": t, "value": value, "id": str(uuid.uuid4())} for t, value in blocks]


def list_items(values: list) -> list[dict]:
    """ListBlock raw data with stable item ids (without them, ids change on every load)."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def existing_child(parent: Page, model: type[Page], slug: str) -> Page | None:
    return model.objects.child_of(parent).filter(slug=slug).first()


def ensure_audiences() -> int:
    created = 0
    for slug, name, description in AUDIENCES:
        _, was_created = Audience.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        created += was_created
    return created


def ensure_home_text(catalogue: CourseIndexPage) -> None:
    home = catalogue.get_parent().specific
    if not home.heading:
        home.heading = HOME["heading"]
        home.intro = HOME["intro"]
        home.save_revision().publish()
    Site.objects.filter(is_default_site=True, site_name="").update(site_name="Crisis Ready")


def ensure_lesson(module: ModulePage, data: dict) -> int:
    if existing_child(module, LessonPage, data["slug"]):
        return 0
    publish_child(
        module,
        LessonPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            estimated_minutes=data["minutes"],
            body=stream(data["body"]),
        ),
    )
    return 1


def ensure_module(course: CoursePage, data: dict) -> int:
    module = existing_child(course, ModulePage, data["slug"])
    created = 0
    if module is None:
        module = publish_child(
            course, ModulePage(title=data["title"], slug=data["slug"], summary=data["summary"])
        )
        created = 1
    return created + sum(ensure_lesson(module, lesson) for lesson in data["lessons"])


def ensure_course(catalogue: CourseIndexPage, data: dict) -> int:
    course = existing_child(catalogue, CoursePage, data["slug"])
    created = 0
    if course is None:
        course = CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            description=data["description"],
            phase=data["phase"],
            level=data["level"],
            estimated_hours=data["estimated_hours"],
            awards_certificate=data["awards_certificate"],
            validity_months=data.get("validity_months"),
            outcomes=stream([("outcome", outcome) for outcome in data["outcomes"]]),
        )
        course.audiences.set(Audience.objects.filter(slug__in=data["audiences"]))
        publish_child(catalogue, course)
        created = 1
    return created + sum(ensure_module(course, module) for module in data["modules"])


def question_value(block_type: str, data: dict) -> dict:
    """A demo question as the raw value of its question block."""
    value = {
        "prompt": data["prompt"],
        # An empty optional ImageBlock as the admin stores it (wagtail-localize needs the dict).
        "image": {"image": None, "alt_text": "", "decorative": False},
        "points": data["points"],
        "feedback": data.get("feedback", ""),
    }
    if "choices" in data:
        value["choices"] = list_items([dict(choice) for choice in data["choices"]])
    if block_type == "multiple_choice":
        value["scoring"] = data["scoring"]
    if block_type == "true_false":
        value["answer"] = "true" if data["answer"] else "false"
    if block_type == "short_answer":
        value["accepted_answers"] = list_items(list(data["accepted_answers"]))
    return value


def ensure_quiz(course: CoursePage, data: dict) -> int:
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    module = modules[data["module"]]
    if existing_child(module, QuizPage, data["slug"]):
        return 0
    quiz = publish_child(
        module,
        QuizPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            purpose=data["purpose"],
            pass_mark=data["pass_mark"],
            max_attempts=data["max_attempts"],
            required_for_completion=data["required_for_completion"],
            questions=stream(
                [(kind, question_value(kind, value)) for kind, value in data["questions"]]
            ),
        ),
    )
    first = module.get_children().order_by("path").first()
    if data["position"] == "first" and first.pk != quiz.pk:
        quiz.move(first, pos="left")
    return 1


def default_catalogue() -> CourseIndexPage:
    """The catalogue in the default language, which the other languages translate."""
    return CourseIndexPage.objects.get(locale=Locale.get_default())


@transaction.atomic
def build_demo_content() -> dict[str, int]:
    """Create whatever demo content is missing. Returns how many things were created."""
    catalogue = default_catalogue()
    audiences = ensure_audiences()
    ensure_home_text(catalogue)
    pages = sum(ensure_course(catalogue, course) for course in COURSES)
    for course in CoursePage.objects.child_of(catalogue):
        pages += sum(ensure_quiz(course, quiz) for quiz in QUIZZES.get(course.slug, []))
    return {"audiences": audiences, "pages": pages}
