"""factory_boy factories for course pages. Pass `parent=` to place a page in the tree."""

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
    language = "en"
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
