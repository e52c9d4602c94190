"""Learner actions: enrol, withdraw, mark lessons complete.

Views translate HTTP into calls to the domain functions in `courses.learning.enrolment` and
`courses.learning.completion`; every change is a POST with CSRF protection.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.learning.completion import NotEnrolled, complete_lesson, undo_lesson
from courses.learning.enrolment import EnrolmentRefused, enrol, withdraw
from courses.models import CoursePage, LessonPage


def live_page_or_404(model, page_id: int):
    page = model.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("There is no such published page."))
    return page


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The page to return to: a `next` on this site, or `fallback`."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else fallback


@require_POST
def enrol_view(request: HttpRequest, course_id: int) -> HttpResponse:
    course = live_page_or_404(CoursePage, course_id)
    back = safe_next(request, course.url)
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    try:
        enrol(request.user, course, key=request.POST.get("key", ""))
    except EnrolmentRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("You are enrolled. Start whenever you are ready."))
    return HttpResponseRedirect(back)


@require_POST
@login_required
def withdraw_view(request: HttpRequest, course_id: int) -> HttpResponse:
    course = live_page_or_404(CoursePage, course_id)
    withdraw(request.user, course)
    messages.success(
        request, _("You have left this course. Your progress is kept if you enrol again.")
    )
    return HttpResponseRedirect(course.url)


def record_lesson(request: HttpRequest, lesson_id: int, action, done: str) -> HttpResponse:
    lesson = live_page_or_404(LessonPage, lesson_id)
    try:
        action(request.user, lesson)
    except NotEnrolled as error:
        raise PermissionDenied(_("Enrol in this course to record your progress.")) from error
    messages.success(request, done)
    return HttpResponseRedirect(lesson.url)


@require_POST
@login_required
def complete_lesson_view(request: HttpRequest, lesson_id: int) -> HttpResponse:
    return record_lesson(request, lesson_id, complete_lesson, _("Lesson marked complete."))


@require_POST
@login_required
def undo_lesson_view(request: HttpRequest, lesson_id: int) -> HttpResponse:
    return record_lesson(request, lesson_id, undo_lesson, _("Lesson marked not complete."))
