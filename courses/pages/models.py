"""The course tree that authors edit: catalogue → course → module → lesson.

Each page owns its queries: listing pages build their querysets in `get_context` (through
`courses.pages.outline`), so templates only loop and query counts stay flat as content grows.

These pages sit above the learning rules: their `get_context` adds the learner's enrolment
and progress, from `courses.learning` and `courses.assessment`, which never import them.
The quiz page is in `courses.assessment.pages`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, OuterRef, Subquery, Value, When
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from courses.assessment.review import attach_quiz_results, completion_from_results
from courses.learning.enrolment import active_enrolment, can_read_lessons, enrolment_panel
from courses.learning.progress import Progress, completed_lesson_keys, course_progress
from courses.pages.blocks import RICH_TEXT_FEATURES, LessonStreamBlock, OutcomesBlock
from courses.pages.certification import CertificationSettings
from courses.pages.filters import CourseFilter
from courses.pages.languages import (
    TranslatedPageMixin,
    attach_available_languages,
    with_content_language,
)
from courses.pages.outline import (
    ModuleOutline,
    build_outlines,
    course_outline,
    live_pages_in,
    syllabus,
)
from courses.pages.routing import CachedViewRestrictionsMixin
from courses.pages.taxonomy import CrisisPhase, Level

if TYPE_CHECKING:
    from courses.assessment.pages import QuizPage


class CourseTreeQuerySet(PageQuerySet):
    """Queries for pages that learners' records name by translation key (courses, quizzes)."""

    def live_by_key(self, translation_key: UUID) -> Page | None:
        """The live page that has (or translates) `translation_key`, or None: the one in the
        default language when it is live, so rules such as completion read one tree."""
        in_default_language_first = Case(
            When(locale__language_code=settings.LANGUAGE_CODE, then=Value(0)), default=Value(1)
        )
        pages = self.live().filter(translation_key=translation_key)
        return pages.order_by(in_default_language_first, "locale_id").first()

    def title_by_key(self, key: OuterRef) -> Subquery:
        """The title of the page with translation key `key`, for annotating records (the
        lowest locale's title when translations share the key)."""
        titles = self.filter(translation_key=key).order_by("locale_id")
        return Subquery(titles.values("title")[:1])


CourseTreeManager = PageManager.from_queryset(CourseTreeQuerySet)


class CourseIndexPage(TranslatedPageMixin, CachedViewRestrictionsMixin, Page):
    """The catalogue: every published course, filtered by phase, audience and language."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1  # one catalogue per language's home page
    courses_per_page = 12

    class Meta:
        verbose_name = _("course catalogue")

    def get_courses(self) -> models.QuerySet[CoursePage]:
        """Published courses with everything their catalogue cards show, in few queries."""
        return (
            with_content_language(CoursePage.objects.child_of(self))
            .live()
            .public()
            .defer_streamfields()
            .select_related("hero_image")
            .prefetch_related("audiences", "hero_image__renditions")
            .order_by("phase", "title")
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        course_filter = CourseFilter(request.GET or None, queryset=self.get_courses())
        paginator = Paginator(course_filter.qs, self.courses_per_page)
        context["filter"] = course_filter
        courses = paginator.get_page(request.GET.get("page"))
        attach_available_languages(courses.object_list)
        context["courses"] = courses
        return context


class CoursePage(TranslatedPageMixin, CachedViewRestrictionsMixin, CertificationSettings, Page):
    """A course: what it is, who it is for, what learners will be able to do, its syllabus."""

    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two plain sentences for the catalogue.")
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    phase = models.CharField(
        _("crisis phase"), max_length=20, choices=CrisisPhase.choices, db_index=True
    )
    audiences = ParentalManyToManyField(
        "courses.Audience", related_name="courses", verbose_name=_("audiences")
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.INTRODUCTORY
    )
    estimated_hours = models.PositiveSmallIntegerField(_("estimated duration (hours)"), default=1)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    outcomes = StreamField(
        OutcomesBlock(),
        verbose_name=_("learning outcomes"),
        blank=True,
    )
    awards_certificate = models.BooleanField(_("awards a certificate"), default=True)
    certificate_wording = models.CharField(
        _("certificate wording"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty for the site's wording, such as “has completed the course”."),
    )
    enrolment_open = models.BooleanField(
        _("enrolment open"), default=True, help_text=_("Untick to stop new enrolments.")
    )
    enrolment_opens_at = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes_at = models.DateTimeField(_("enrolment closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Most learners enrolled at once. Leave empty for no limit."),
    )
    enrolment_key = models.CharField(
        _("enrolment key"),
        max_length=64,
        blank=True,
        help_text=_("Set a key to limit enrolment to people you give it to, such as one cohort."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")
        ),
        FieldPanel("outcomes"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phase"), FieldPanel("level")]),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("estimated_hours"),
                FieldPanel("awards_certificate"),
                FieldPanel("certificate_wording"),
            ],
            heading=_("Course details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("enrolment_open"),
                FieldRowPanel(
                    [FieldPanel("enrolment_opens_at"), FieldPanel("enrolment_closes_at")]
                ),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("enrolment_key")]),
            ],
            heading=_("Enrolment"),
        ),
        *CertificationSettings.certification_panels,
        *Page.settings_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("phase"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    objects = CourseTreeManager()

    class Meta:
        verbose_name = _("course")

    def clean(self) -> None:
        super().clean()
        self.clean_certification()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError(
                {"hero_image_alt": _("Describe the image for people who cannot see it.")}
            )
        opens, closes = self.enrolment_opens_at, self.enrolment_closes_at
        if opens and closes and closes <= opens:
            raise ValidationError(
                {"enrolment_closes_at": _("Enrolment must close after it opens.")}
            )

    def get_lessons(self) -> list[LessonPage]:
        """The course's live lessons in reading order, across modules. One query."""
        return list(
            with_content_language(LessonPage.objects.descendant_of(self))
            .live()
            .public()
            .defer_streamfields()
            .order_by("path")
        )

    def get_quizzes(self) -> list[QuizPage]:
        """The course's live quizzes in order. One query."""
        return live_pages_in(self, "QuizPage")

    def get_required_quizzes(self) -> list[QuizPage]:
        """The live quizzes whose passing completing the course needs. One query."""
        return [quiz for quiz in self.get_quizzes() if quiz.counts_towards_completion]

    def get_outline(
        self, lessons: list[LessonPage] | None = None, quizzes: list[QuizPage] | None = None
    ) -> list[ModuleOutline]:
        """The syllabus: live modules in tree order, each with its live lessons and quizzes."""
        lessons = self.get_lessons() if lessons is None else lessons
        quizzes = self.get_quizzes() if quizzes is None else quizzes
        return syllabus(self, lessons, quizzes)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        lessons, quizzes = self.get_lessons(), self.get_quizzes()
        attach_quiz_results(request.user, self, quizzes)
        progress = course_progress(request.user, self, lessons)
        attach_available_languages([self])
        context["outline"] = self.get_outline(lessons, quizzes)
        context["first_lesson"] = lessons[0] if lessons else None
        context["enrolment"] = active_enrolment(request.user, self)
        context["progress"] = progress
        context["completion"] = completion_from_results(progress, quizzes)
        context.update(enrolment_panel(self))
        return context


class CoursePartMixin:
    """For the pages inside a course (modules, lessons, quizzes): the course they belong to."""

    def get_course(self) -> CoursePage:
        return CoursePage.objects.ancestor_of(self).get()


class ModulePage(TranslatedPageMixin, CoursePartMixin, CachedViewRestrictionsMixin, Page):
    """A group of lessons (and, later, quizzes) inside a course, in the order authors set."""

    summary = models.TextField(_("summary"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "courses.QuizPage"]

    class Meta:
        verbose_name = _("module")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["course"] = self.get_course()
        context["items"] = self.get_items()
        # Enrolled learners may save the module for offline reading.
        context["enrolment"] = active_enrolment(request.user, context["course"])
        return context

    def get_items(self) -> list[Page]:
        """The module's live lessons and quizzes, in the order authors set. Two queries."""
        return list(self.get_children().live().public().specific().order_by("path"))


class LessonPage(TranslatedPageMixin, CoursePartMixin, CachedViewRestrictionsMixin, Page):
    """One lesson: a short, self-contained piece of reading, readable with no JavaScript."""

    kind = "lesson"

    summary = models.TextField(_("summary"), max_length=300, blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=10)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        """The lesson, its course's outline and the learner's place in it.

        The outline (lessons in order, module titles, links) is shared by every learner and
        comes from the cache (`courses.pages.outline`); only the enrolment and the completed
        lessons are read for this learner, so the queries do not grow with the course."""
        context = super().get_context(request, *args, **kwargs)
        # A lesson's parent is a module, whose parent is the course.
        course_path = self.path[: len(self.path) - 2 * self.steplen]
        module_path = self.path[: len(self.path) - self.steplen]
        outline = course_outline(course_path, request)
        if outline is None:  # the course is not live: a preview, never cached
            outline = build_outlines([course_path], live_only=False)[course_path]
        enrolment = active_enrolment(request.user, outline.course)
        context["course"] = outline.course
        context["module"] = outline.modules.get(module_path) or (
            ModulePage.objects.get(path=module_path)  # a module not live (or in preview)
        )
        context["previous_lesson"], context["next_lesson"] = outline.neighbours(self.pk)
        context["enrolment"] = enrolment
        context["can_read"] = can_read_lessons(request.user, enrolment)
        context["progress"] = Progress(
            outline.lessons, completed_lesson_keys(request.user, [outline.course.translation_key])
        )
        if enrolment is None:
            # The enrolment panel needs the course's enrolment settings.
            course = CoursePage.objects.get(pk=outline.course.id)
            context["course"] = course
            context.update(enrolment_panel(course))
        return context
