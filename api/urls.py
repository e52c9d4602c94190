"""/api/v1/: the data (a token needed), its OpenAPI schema and the browsable docs (public:
they describe the API, they hold no data)."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from api import reports, views

router = SimpleRouter()
router.register("courses", views.CourseViewSet, basename="api-course")
router.register("enrolments", views.EnrolmentViewSet, basename="api-enrolment")
router.register("certificates", views.CertificateViewSet, basename="api-certificate")

urlpatterns = [
    path("", include(router.urls)),
    path(
        "reports/programme/",
        reports.ProgrammeReportView.as_view(),
        name="api-programme-report",
    ),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "docs/",
        # The script is served from its own URL (no inline script), and the page's template
        # has no inline style: the site's Content Security Policy applies unchanged.
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="api/swagger_ui.html"
        ),
        name="api-docs",
    ),
    re_path(r"^(?P<path>.*)$", views.not_found),
]
