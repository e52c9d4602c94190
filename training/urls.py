"""URLs. What learners read carries its language (English at /, the others under /fr/, /es/,
/ar/: `i18n_patterns`); the admin, documents and the language switch do not."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import urls_offline
from home import views as home_views

urlpatterns = [
    # One login for everyone, with allauth's rate limits; Wagtail's own form is not used.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    # Reports look like the admin but answer 403 themselves (`reports.access`).
    path("admin/reports/", include("reports.admin_urls", namespace="reports")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("language/<str:code>/", home_views.switch_language, name="switch_language"),
    path("openbadges/", include("certificates.urls_openbadges")),
    # The read-only API for other systems, with its schema and docs; no language prefix.
    path("api/v1/", include("api.urls")),
    # The web app's manifest and service worker: at the root, so the worker's scope is the site.
    *urls_offline.root_patterns,
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("learn/", home_views.my_learning, name="my_learning"),
    path("learn/", include("courses.urls")),
    # The offline page and what a device saves to read a module offline.
    *urls_offline.language_patterns,
    path("certificates/", include("certificates.urls")),
    path("search/", home_views.search, name="search"),
    # Blended training: facilitators' roll call and QR screen, participants' check-in.
    path("workshops/", include("blended.urls")),
    # Wagtail's page serving comes last: it matches every remaining URL.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
