"""The learner's home, "My learning" (courses in progress and done, and certificates), and
site search across the courses, modules and lessons of the current site (Wagtail search)."""

import re

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from accounts.languages import remember_language
from blended.dashboard import facilitates, workshop_places
from certificates.corrections import with_pending_corrections
from certificates.models import Certificate
from certificates.validity import with_validity_today
from courses.learning.dashboard import course_cards, enrolled_courses
from courses.models import CoursePage, LessonPage, ModulePage
from training.languages import language_codes

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# Punctuation is meaningful to some search backends' query syntax (SQLite FTS5 fails on a
# stray quote), and never to a learner's search: keep words only, in any script.
NOT_A_WORD = re.compile(r"[^\w\s]+")


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    terms = " ".join(NOT_A_WORD.sub(" ", query).split())
    results = Page.objects.none()
    site = Site.find_for_request(request)
    if terms and site:
        results = (
            Page.objects.live()
            .public()
            # The site's tree in the active language (aliases of untranslated pages included).
            .descendant_of(site.root_page.localized, inclusive=True)
            .type(CoursePage, ModulePage, LessonPage)
            .specific()
            .search(terms)
        )
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "home/search.html", {"query": query, "results": page})


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    courses = enrolled_courses(request.user, request)
    in_progress = [c for c in courses if c.enrolment.completed_at is None]
    context = {
        "in_progress": in_progress,
        "in_progress_cards": course_cards(in_progress, request),
        "completed": [c for c in courses if c.enrolment.completed_at is not None],
        "workshops": workshop_places(request.user),
        "facilitates": facilitates(request.user),
        "certificates": with_validity_today(
            with_pending_corrections(Certificate.objects.current_for(request.user))
        ),
    }
    return TemplateResponse(request, "home/my_learning.html", context)


def switch_language(request: HttpRequest, code: str) -> HttpResponse:
    """Go to `next` (the same page in language `code`, from the language switcher) and
    remember the choice: on the learner's account, and in the language cookie.

    A link, not a form, so that it works everywhere without JavaScript; what it changes is
    only the language, which the learner can switch back the same way."""
    if code not in language_codes():
        raise Http404(_("This language is not available."))
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = translate_url("/", code)
    response = HttpResponseRedirect(target)
    remember_language(request, response, code)
    return response
