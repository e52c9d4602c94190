"""Course models, one module per idea; import them from here."""

from .pages import CourseIndexPage, CoursePage, LessonPage, ModuleOutline, ModulePage
from .taxonomy import Audience, CrisisPhase, Level

__all__ = [
    "Audience",
    "CourseIndexPage",
    "CoursePage",
    "CrisisPhase",
    "LessonPage",
    "Level",
    "ModuleOutline",
    "ModulePage",
]
