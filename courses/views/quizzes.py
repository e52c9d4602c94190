"""Quiz views: start an attempt, answer (saved as you go), submit once, review.

All changes are POSTs with CSRF protection and work without JavaScript. An attempt is only
ever shown to the learner who made it: anyone else gets a 404. It is shown with the quiz in
the language of the URL (/ar/learn/attempts/…), whichever language it was started in.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.assessment.attempts import (
    AnswerRejected,
    QuizChanged,
    QuizRefused,
    close_expired_attempts,
    save_answers,
    start_attempt,
    submit_attempt,
)
from courses.assessment.review import attempt_for_display, review_for
from courses.assessment.translations import live_quiz_in_language
from courses.models import QuizAttempt, QuizPage
from courses.pages.languages import active_language
from courses.views.learning import live_page_or_404


def own_attempt_or_404(request: HttpRequest, attempt_id: int) -> QuizAttempt:
    attempt = QuizAttempt.objects.filter(pk=attempt_id, user=request.user).first()
    if attempt is None:
        raise Http404(_("There is no such attempt."))
    return attempt


def quiz_of(attempt: QuizAttempt) -> QuizPage:
    """The attempt's quiz in the active language (or the page standing in for it)."""
    quiz = live_quiz_in_language(attempt.quiz_key, active_language())
    if quiz is None:
        raise Http404(_("This quiz is no longer published."))
    return quiz


def refusal(request: HttpRequest, message: str, back: str, status: int) -> HttpResponse:
    """A page that says plainly why the request was refused, with a way back."""
    context = {"message": message, "back": back}
    return TemplateResponse(request, "courses/quiz_refused.html", context, status=status)


def quiz_changed(request: HttpRequest, error: QuizChanged, attempt: QuizAttempt) -> HttpResponse:
    """409: the answers came from another version of the quiz. Nothing was saved; the learner
    reloads the attempt, which shows its own questions."""
    context = {"message": str(error), "reload": reverse("quiz_attempt", args=[attempt.pk])}
    return TemplateResponse(request, "courses/quiz_changed.html", context, status=409)


@require_POST
def start_quiz_view(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = live_page_or_404(QuizPage, quiz_id)
    if not request.user.is_authenticated:
        return redirect_to_login(quiz.url)
    try:
        attempt = start_attempt(request.user, quiz)
    except QuizRefused as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(quiz.url)
    return redirect("quiz_attempt", attempt.pk)


@login_required
def attempt_view(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """GET shows the questions with the answers saved so far; POST saves answers."""
    attempt = own_attempt_or_404(request, attempt_id)
    quiz = quiz_of(attempt)
    if request.method == "POST":
        try:
            in_time = save_answers(request.user, attempt.pk, dict(request.POST.lists()))
        except QuizChanged as error:
            return quiz_changed(request, error, attempt)
        except AnswerRejected as error:
            return refusal(request, str(error), request.path, status=400)
        except QuizRefused as error:
            messages.error(request, str(error))
            return redirect("quiz_review", attempt.pk)
        if not in_time:
            messages.warning(
                request, _("Time is up. Your answers saved before the deadline were graded.")
            )
            return redirect("quiz_review", attempt.pk)
        messages.success(request, _("Your answers are saved. You can come back later."))
        return redirect("quiz_attempt", attempt.pk)
    if attempt.is_in_progress and close_expired_attempts(request.user, quiz):
        messages.warning(
            request, _("Time is up. Your answers saved before the deadline were graded.")
        )
        attempt.refresh_from_db()
    if not attempt.is_in_progress:
        return redirect("quiz_review", attempt.pk)
    context = {
        "quiz": quiz,
        "course": quiz.get_course(),
        "attempt": attempt,
        **attempt_for_display(attempt, quiz),
    }
    return TemplateResponse(request, "courses/quiz_attempt.html", context)


@require_POST
@login_required
def submit_attempt_view(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = own_attempt_or_404(request, attempt_id)
    try:
        submit_attempt(request.user, attempt.pk, dict(request.POST.lists()))
    except QuizChanged as error:
        return quiz_changed(request, error, attempt)
    except AnswerRejected as error:
        return refusal(request, str(error), reverse("quiz_attempt", args=[attempt.pk]), 400)
    except QuizRefused as error:
        return refusal(request, str(error), reverse("quiz_review", args=[attempt.pk]), 409)
    return redirect("quiz_review", attempt.pk)


@login_required
def review_view(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = own_attempt_or_404(request, attempt_id)
    if attempt.is_in_progress:
        return redirect("quiz_attempt", attempt.pk)
    quiz = quiz_of(attempt)
    context = {
        "quiz": quiz,
        "course": quiz.get_course(),
        "attempt": attempt,
        **review_for(request.user, quiz, attempt),
    }
    return TemplateResponse(request, "courses/quiz_review.html", context)
