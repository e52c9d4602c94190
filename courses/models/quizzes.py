"""Quizzes: the QuizPage authors build, and the attempts learners make.

An attempt keeps its own copy of the questions it drew (in their order, with their choices in
their order), so an author editing the quiz during an attempt changes nothing for it. Attempts
are keyed by the quiz's `translation_key`, shared by every translation of the quiz.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import RICH_TEXT_FEATURES, QuizQuestionsBlock
from courses.routing import CachedViewRestrictionsMixin


class QuizPage(CachedViewRestrictionsMixin, Page):
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

    def get_course(self):
        from courses.models.pages import CoursePage

        return CoursePage.objects.ancestor_of(self).get()

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from courses.enrolment import active_enrolment, enrolment_problem, places_left
        from courses.progress import course_progress
        from courses.quizzes import quiz_state

        context = super().get_context(request, *args, **kwargs)
        course = self.get_course()
        enrolment = active_enrolment(request.user, course)
        context["course"] = course
        context["enrolment"] = enrolment
        context["state"] = quiz_state(request.user, self)
        if enrolment is None:
            context["enrolment_problem"] = enrolment_problem(course)
            context["places_left"] = places_left(course)
            context["progress"] = course_progress(request.user, course)
        return context


class QuizAttemptQuerySet(models.QuerySet):
    def submitted(self) -> QuizAttemptQuerySet:
        return self.filter(status=QuizAttempt.Status.SUBMITTED)

    def in_progress(self) -> QuizAttemptQuerySet:
        return self.filter(status=QuizAttempt.Status.IN_PROGRESS)


class QuizAttempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    class ClosedBy(models.TextChoices):
        LEARNER = "learner", _("Submitted by the learner")
        DEADLINE = "deadline", _("Closed at the time limit")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz_key = models.UUIDField(db_index=True)
    course_key = models.UUIDField(db_index=True)
    quiz_revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    number = models.PositiveSmallIntegerField()
    seed = models.PositiveBigIntegerField()
    questions = models.JSONField(help_text=_("The questions drawn, in the order asked."))
    pass_mark = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.IN_PROGRESS, db_index=True
    )
    closed_by = models.CharField(max_length=12, choices=ClosedBy.choices, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True)

    objects = QuizAttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz attempt")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz_key", "number"], name="attempt_numbers_are_unique"
            ),
            models.UniqueConstraint(
                fields=["user", "quiz_key"],
                condition=models.Q(status="in_progress"),
                name="one_attempt_in_progress_per_quiz",
            ),
        ]

    def __str__(self) -> str:
        return f"Attempt {self.number} by {self.user}"

    @property
    def is_in_progress(self) -> bool:
        return self.status == self.Status.IN_PROGRESS


class AttemptAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64)
    response = models.JSONField(help_text=_("Chosen choice ids, or the text typed."))
    points = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    correct = models.BooleanField(null=True)
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_id"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question_id} in {self.attempt}"
