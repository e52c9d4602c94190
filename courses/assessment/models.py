"""What learners do with quizzes: their attempts and answers.

An attempt keeps its own copy of the questions it drew (in their order, with their choices in
their order), so an author editing the quiz during an attempt changes nothing for it. Attempts
are keyed by the quiz's `translation_key`, shared by every translation of the quiz. The quiz
itself, as authors build it, is a page: `courses.assessment.pages.QuizPage`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
    #: The enrolment's cycle when the attempt started.
    cycle = models.PositiveSmallIntegerField(default=1, db_default=1)
    #: Set when a later cycle opened: kept as history, no longer counted.
    superseded = models.BooleanField(default=False, db_default=False)
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
