"""Offline sync endpoints: JSON in and out, for the page's outbox script.

- `POST sync/` (CSRF header `X-CSRFToken`) takes `{"items": [...]}` (`courses.sync.batch`)
  and answers 200 `{"results": [...]}`, one per item in order (`courses.sync.outbox`), each
  final: the device drops an item once it has its result. 400 `{"errors": [...]}` for a
  malformed batch and 404 `{"errors": [...]}` naming items for an attempt that is not the
  learner's (drop those, send the rest again): nothing is written then.
- `GET sync/token/` gives a fresh CSRF token: after Django's 403 for a stale token (a new
  login rotates it), the page fetches one and sends its outbox again.
- `GET quizzes/<id>/offline/` opens an attempt and packs it to take offline
  (`courses.sync.offline`): 409 for a quiz with a time limit or no attempt left, 403 when
  not enrolled, each with a `message`.

Never a redirect to the login page: a learner whose session expired gets 401
`{"login_url": ...}`, so the page keeps its outbox and asks them to log in. Nothing here is
cached: every answer is one learner's.
"""

from urllib.parse import urlsplit

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, JsonResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from courses.assessment.attempts import QuizRefused
from courses.learning.completion import NotEnrolled
from courses.models import QuizPage
from courses.pages.languages import active_language
from courses.sync.batch import BatchInvalid, parse_batch
from courses.sync.offline import TimeLimited, offline_quiz
from courses.sync.outbox import AttemptNotFound, sync_items


def login_needed(request: HttpRequest) -> JsonResponse:
    """401 with where to log in, coming back to the page the request came from."""
    referer = request.headers.get("Referer", "")
    same_site = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if same_site and referer:
        parts = urlsplit(referer)
        back = parts.path + (f"?{parts.query}" if parts.query else "")
    else:
        back = reverse("my_learning")
    return JsonResponse({"login_url": redirect_to_login(back).url}, status=401)


@never_cache
@require_POST
def sync_view(request: HttpRequest) -> JsonResponse:
    if not request.user.is_authenticated:
        return login_needed(request)
    try:
        results = sync_items(request.user, parse_batch(request.body))
    except BatchInvalid as error:
        return JsonResponse({"errors": error.errors}, status=400)
    except AttemptNotFound as error:
        return JsonResponse({"errors": error.errors}, status=404)
    return JsonResponse({"results": results})


@never_cache
@require_GET
def sync_token_view(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"csrf_token": get_token(request)})


@never_cache
@require_GET
def offline_quiz_view(request: HttpRequest, quiz_id: int) -> JsonResponse:
    if not request.user.is_authenticated:
        return login_needed(request)
    quiz = QuizPage.objects.live().public().filter(pk=quiz_id).first()
    if quiz is None:
        return JsonResponse({"message": _("There is no such published page.")}, status=404)
    try:
        package = offline_quiz(request.user, quiz, active_language())
    except TimeLimited as error:
        return JsonResponse({"message": str(error)}, status=409)
    except NotEnrolled:
        message = _("Enrol in this course to take its quizzes.")
        return JsonResponse({"message": message}, status=403)
    except QuizRefused as error:  # no attempt left, or too soon after the last one
        return JsonResponse({"message": str(error)}, status=409)
    return JsonResponse(package)
