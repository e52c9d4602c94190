"""The quiz page authors build: questions, pass mark, attempts, time limit, review policy.

Starting, answering and grading attempts are in `courses.assessment.attempts`; the attempts
themselves in `courses.assessment.models`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.assessment.attempts import quiz_state
from courses.learning.enrolment import active_enrolment, enrolment_panel
from courses.learning.progress import course_progress
from courses.pages.blocks import RICH_TEXT_FEATURES, QuizQuestionsBlock
from courses.pages.languages import TranslatedPageMixin
from courses.pages.models import CoursePartMixin, CourseTreeManager
from courses.pages.routing import CachedViewRestrictionsMixin


class QuizPage(TranslatedPageMixin, CoursePartMixin, CachedViewRestrictionsMixin, Page):
    """A quiz in a module: its questions, and the rules for attempting it and reviewing it."""

    class Purpose(models.TextChoices):
        ASSESSMENT = "assessment", _("Assessment")
        PRE_TEST = "pre_test", _("Pre-test (what learners know before the course)")
        POST_TEST = "post_test", _("Post-test (compared with the pre-test)")

    class ReviewDetail(models.TextChoices):
        SCORE = "score", _("Score only")
        CORRECTNESS = "correctness", _("Score and which answers were right")
        FEEDBACK = "feedback", _("Score, right answers and feedback")

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    questions = StreamField(QuizQuestionsBlock(), verbose_name=_("questions"))
    purpose = models.CharField(
        _("purpose"), max_length=12, choices=Purpose.choices, default=Purpose.ASSESSMENT
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for unlimited attempts."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no time limit."),
    )
    attempt_delay_minutes = models.PositiveIntegerField(
        _("wait between attempts (minutes)"), default=0
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=False)
    questions_to_draw = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Draw this many questions at random. Leave empty to ask them all."),
    )
    review_detail = models.CharField(
        _("after an attempt, show"),
        max_length=12,
        choices=ReviewDetail.choices,
        default=ReviewDetail.FEEDBACK,
    )
    review_only_after_passing = models.BooleanField(
        _("show answers only after passing"),
        default=False,
        help_text=_("Until a learner passes, they see their score only."),
    )
    required_for_completion = models.BooleanField(
        _("passing it is required to complete the course"), default=True
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("questions")]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("purpose"), FieldPanel("required_for_completion")]),
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts")]),
                FieldRowPanel(
                    [FieldPanel("time_limit_minutes"), FieldPanel("attempt_delay_minutes")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("questions_to_draw"),
                        FieldPanel("shuffle_questions"),
                        FieldPanel("shuffle_choices"),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("review_detail"), FieldPanel("review_only_after_passing")]
                ),
            ],
            heading=_("Quiz settings"),
        ),
        *Page.settings_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    kind = "quiz"

    objects = CourseTreeManager()

    class Meta:
        verbose_name = _("quiz")

    def clean(self) -> None:
        super().clean()
        count = len(self.questions)
        if self.questions_to_draw and self.questions_to_draw > count:
            raise ValidationError(
                {
                    "questions_to_draw": _("The quiz has only %(count)s questions to draw from.")
                    % {"count": count}
                }
            )

    @property
    def counts_towards_completion(self) -> bool:
        """Whether completing the course needs a pass here: a pre-test never counts."""
        return self.required_for_completion and self.purpose != self.Purpose.PRE_TEST

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        course = self.get_course()
        enrolment = active_enrolment(request.user, course)
        context["course"] = course
        context["enrolment"] = enrolment
        context["state"] = quiz_state(request.user, self)
        if enrolment is None:
            context.update(enrolment_panel(course))
            context["progress"] = course_progress(request.user, course)
        return context
