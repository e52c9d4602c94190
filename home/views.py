"""Site search across the courses, modules and lessons of the current site (Wagtail search)."""

import re

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

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
