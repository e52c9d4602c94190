"""Every model of the courses app, for Django (which loads `courses.models`) and for callers.

Each lives with its concern: the course tree in `courses.pages`, enrolments and progress in
`courses.learning`, quizzes and attempts in `courses.assessment`, items synced from offline
in `courses.sync`. Code inside those packages imports from the defining module, not from
here: this module imports the page models, which sit above the learning rules.
"""

from courses.assessment.models import AttemptAnswer, QuizAttempt
from courses.assessment.pages import QuizPage
from courses.learning.models import Enrolment, LessonCompletion
from courses.pages.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.pages.outline import ModuleOutline
from courses.pages.taxonomy import Audience, CrisisPhase, Level
from courses.sync.models import SyncedItem

__all__ = [
    "AttemptAnswer",
    "Audience",
    "CourseIndexPage",
    "CoursePage",
    "CrisisPhase",
    "Enrolment",
    "LessonCompletion",
    "LessonPage",
    "Level",
    "ModuleOutline",
    "ModulePage",
    "QuizAttempt",
    "QuizPage",
    "SyncedItem",
]
