"""Course models, one module per idea; import them from here."""

from .certificates import Certificate, CertificateSettings
from .enrolment import Enrolment, LessonCompletion
from .pages import CourseIndexPage, CoursePage, LessonPage, ModuleOutline, ModulePage
from .quizzes import AttemptAnswer, QuizAttempt, QuizPage
from .taxonomy import Audience, CrisisPhase, Level

__all__ = [
    "AttemptAnswer",
    "Certificate",
    "CertificateSettings",
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
]
