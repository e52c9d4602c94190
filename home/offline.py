"""The installable web app: its manifest, its service worker, the offline page, and what a
learner's device downloads to read a module or a course offline (`home.offline_content`).

The manifest and the service worker are served from the site root (outside the language
prefixes) so that the worker's scope is the whole site; the manifest speaks the language its
link names (`?lang=`), so an Arabic learner installs an app named and laid out in Arabic.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from courses.learning.enrolment import active_enrolment
from courses.models import CoursePage, ModulePage
from home.offline_content import SCRIPT, STYLESHEET, course_bundles, module_bundle

# The site's colours (training/static/css/main.css: --brand and --bg).
THEME_COLOUR = "#0b4f71"
BACKGROUND_COLOUR = "#ffffff"
#: Moved on by hand when the service worker's own code changes in a way its text does not
#: show (its text includes the static URLs, which change with the files in production).
SERVICE_WORKER_REVISION = "1"
ICONS = [
    ("img/icon-192.png", "192x192", "any"),
    ("img/icon-512.png", "512x512", "any"),
    ("img/icon-maskable-512.png", "512x512", "maskable"),
]


def language_of(request: HttpRequest) -> str:
    """The `?lang=` the page's link names, when it is one of the site's languages."""
    code = request.GET.get("lang", "")
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@require_GET
@cache_control(max_age=24 * 60 * 60, public=True)
def manifest(request: HttpRequest) -> JsonResponse:
    code = language_of(request)
    with translation.override(code):
        data = {
            "name": "Crisis Ready",
            "short_name": "Crisis Ready",
            "description": _("Free training for people who protect migrants in a crisis."),
            "lang": code,
            "dir": "rtl" if translation.get_language_bidi() else "ltr",
            "start_url": reverse("my_learning"),
            "scope": "/",
            "id": "/",
            "display": "standalone",
            "theme_color": THEME_COLOUR,
            "background_color": BACKGROUND_COLOUR,
            "icons": [
                {"src": static(path), "sizes": sizes, "type": "image/png", "purpose": purpose}
                for path, sizes, purpose in ICONS
            ],
        }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker. Browsers check it for changes on each visit (no-cache): a new
    deployment's static URLs make a new worker, which replaces the saved app shell."""
    offline_urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            offline_urls[code] = reverse("offline")
    shell = [static(STYLESHEET), static(SCRIPT), static("img/favicon.svg"), *offline_urls.values()]
    config = {
        # The shell's cache is renamed when the static URLs (hashed in production) change.
        "version": hashlib.sha256(f"{SERVICE_WORKER_REVISION}{shell}".encode()).hexdigest()[:12],
        "shell": shell,
        "offline_urls": offline_urls,
        "default_language": settings.LANGUAGE_CODE,
        "static_url": settings.STATIC_URL,
        "media_url": settings.MEDIA_URL,
    }
    # JSON is JavaScript; "<" is escaped anyway, as json_script does, out of caution.
    context = {"config": json.dumps(config).replace("<", "\\u003c")}
    response = render(request, "sw.js", context, content_type="application/javascript")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline_page(request: HttpRequest) -> HttpResponse:
    """What the service worker shows for a page that was not saved on the device."""
    return render(request, "home/offline.html")


def refusal(request: HttpRequest, course: CoursePage) -> JsonResponse | None:
    """Why this request may not save `course`'s pages (403, with where to log in if need
    be), or None for a learner enrolled in it."""
    if not request.user.is_authenticated:
        login = redirect_to_login(request.get_full_path())["Location"]
        return JsonResponse({"error": _("Log in to save lessons."), "login_url": login}, status=403)
    if active_enrolment(request.user, course) is None:
        return JsonResponse({"error": _("Enrol in this course to save its lessons.")}, status=403)
    return None


@require_GET
def module_offline(request: HttpRequest, module_id: int) -> JsonResponse:
    """What the device saves for one module; for learners enrolled in its course only."""
    module = get_object_or_404(ModulePage.objects.live().public(), pk=module_id).localized
    course = module.get_course()
    return refusal(request, course) or JsonResponse(module_bundle(module, course, request))


@require_GET
def course_offline(request: HttpRequest, course_id: int) -> JsonResponse:
    """The same as `module_offline` for every module of a course."""
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id).localized
    if problem := refusal(request, course):
        return problem
    return JsonResponse({"course": course.pk, "modules": course_bundles(course, request)})
