"""The learner's home, "My learning" (courses in progress and done, and certificates), and
site search across the courses, modules and lessons of the current site (Wagtail search)."""

import re

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from certificates.models import Certificate
from courses.learning.dashboard import course_cards, enrolled_courses
from courses.models import CoursePage, LessonPage, ModulePage

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
            .in_site(site)
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
        "certificates": list(Certificate.objects.current_for(request.user)),
    }
    return TemplateResponse(request, "home/my_learning.html", context)
