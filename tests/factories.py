"""factory_boy factories for course pages. Pass `parent=` to place a page in the tree."""

import uuid

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from courses.models import Audience, CoursePage, CrisisPhase, LessonPage, ModulePage


class AudienceFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Audience {n}")
    slug = factory.Sequence(lambda n: f"audience-{n}")

    class Meta:
        model = Audience
        django_get_or_create = ("slug",)


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    summary = "A short course for people who help in a crisis."
    description = "<p>What the course is about.</p>"
    phase = CrisisPhase.PREPAREDNESS
    estimated_hours = 2

    class Meta:
        model = CoursePage
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if create and extracted:
            self.audiences.set(extracted)
            self.save()


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    summary = "A module."

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    summary = "A lesson."
    estimated_minutes = 10
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Why it matters", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Warn everyone, in every language.</p>"},
        ]
    )

    class Meta:
        model = LessonPage


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"learner{n}")
    email = factory.Sequence(lambda n: f"learner{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Learner {n}")
    password = factory.django.Password("a-Long-password-9")

    class Meta:
        model = "accounts.User"
        django_get_or_create = ("username",)


# Quizzes. Questions are given in StreamField's raw form, as authors' blocks store them.

QUESTION_DEFAULTS = {
    "single_choice": lambda: {
        "choices": [
            answer_choice("Move people to the assembly point", correct=True),
            answer_choice("Wait for instructions at home"),
            answer_choice("Drive towards the river"),
        ]
    },
    "multiple_choice": lambda: {
        "choices": [
            answer_choice("Translated warnings", correct=True),
            answer_choice("Pictograms", correct=True),
            answer_choice("Warnings in the local language only"),
        ],
        "scoring": "all_or_nothing",
    },
    "true_false": lambda: {"answer": "true"},
    "short_answer": lambda: {"accepted_answers": ["assembly point"]},
}


def answer_choice(text: str, correct: bool = False, feedback: str = "") -> dict:
    """One choice of a single or multiple choice question, as its block stores it."""
    return {"text": text, "correct": correct, "feedback": feedback}


def raw_question(
    block_type: str, prompt: str | None = None, points: int = 1, feedback: str = "", **fields
) -> dict:
    """A question block's raw StreamField item: `single_choice`, `multiple_choice`,
    `true_false` or `short_answer`, with sensible choices or answers unless given in `fields`
    (`choices`, `scoring`, `answer`, `accepted_answers`)."""
    value = {
        "prompt": prompt or f"<p>A {block_type.replace('_', ' ')} question.</p>",
        # An empty optional ImageBlock as the admin stores it (wagtail-localize needs the dict).
        "image": {"image": None, "alt_text": "", "decorative": False},
        "points": points,
        "feedback": feedback,
        **QUESTION_DEFAULTS[block_type](),
        **fields,
    }
    if "choices" in value:
        # Ids as the editor gives them, so every load of the quiz sees the same choice ids.
        value["choices"] = [
            {"type": "item", "value": choice, "id": str(uuid.uuid4())}
            for choice in value["choices"]
        ]
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


class QuizPageFactory(wagtail_factories.PageFactory):
    """A published quiz. Pass `parent=` a ModulePage and `questions=` raw questions."""

    title = factory.Sequence(lambda n: f"Quiz {n}")
    slug = factory.Sequence(lambda n: f"quiz-{n}")
    intro = "<p>Check what you have learned.</p>"
    questions = factory.LazyFunction(
        lambda: [raw_question("single_choice"), raw_question("true_false")]
    )

    class Meta:
        model = "courses.QuizPage"
