"""Registers the courses admin (audiences, enrolments, enrolling a cohort) and lets the public
course pages join the anonymous page cache. The admin itself lives in `courses.admin`."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from courses.admin.audiences import AudienceViewSet
from courses.admin.enrolments import EnrolLearnersMenuItem, EnrolmentViewSet
from courses.caching import page_cache
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage
from courses.pages.filters import CourseFilter

# The catalogue reads its filters and page number from the query string; nothing else.
CATALOGUE_QUERY_PARAMS = frozenset([*CourseFilter.base_filters, "page"])


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """The public course tree may be stored for anonymous visitors (`courses.caching.page_cache`).

    Anonymous visitors see the same catalogue, outline, lesson introduction or quiz
    introduction as each other: enrolment state, places left and quiz attempts are shown to
    logged-in learners only, and those never use the cache.
    """
    if isinstance(page, CourseIndexPage):
        page_cache.allow(request, CATALOGUE_QUERY_PARAMS)
    elif isinstance(page, CoursePage | ModulePage | LessonPage | QuizPage):
        page_cache.allow(request)


register_snippet(AudienceViewSet)

enrolment_viewset = EnrolmentViewSet("enrolments")


@hooks.register("register_admin_viewset")
def register_enrolment_viewset():
    return enrolment_viewset


@hooks.register("register_admin_menu_item")
def register_enrol_learners_menu_item():
    return EnrolLearnersMenuItem(
        _("Enrol learners"),
        reverse_lazy("enrolments:enrol"),
        icon_name="user",
        order=211,
    )
