"""The reports' admin URLs, under /admin/reports/ (registered in `reports.wagtail_hooks`).
Each report module adds its own lines here."""

from django.urls import path

app_name = "reports"
urlpatterns: list = []

# Question analysis and attempts (`reports.views_questions`).
from reports import views_questions  # noqa: E402 - kept with the lines it serves

urlpatterns += [
    path(
        "quizzes/<int:quiz_id>/questions/",
        views_questions.question_analysis_view,
        name="quiz_questions",
    ),
    path(
        "quizzes/<int:quiz_id>/questions.<str:extension>",
        views_questions.question_analysis_export,
        name="quiz_questions_export",
    ),
    path(
        "quizzes/<int:quiz_id>/attempts/", views_questions.quiz_attempts_view, name="quiz_attempts"
    ),
    path("attempts/<int:attempt_id>/", views_questions.attempt_view, name="attempt"),
]

# The programme report (`reports.views`): the page at /admin/reports/, its downloads by
# `?format=csv|xlsx`.
from reports import views  # noqa: E402 - kept with the lines it serves

urlpatterns += [path("", views.programme_report_view, name="programme")]

# The blended programme report (`reports.blended_views`): the page at /admin/reports/blended/,
# its downloads by `?format=csv|xlsx`.
from reports import blended_views  # noqa: E402 - kept with the lines it serves

urlpatterns += [path("blended/", blended_views.blended_report_view, name="blended")]

# The cascade of trainers (`reports.cascade_views`): the page at /admin/reports/cascade/, its
# downloads by `?format=csv|xlsx`.
from reports import cascade_views  # noqa: E402 - kept with the lines it serves

urlpatterns += [path("cascade/", cascade_views.cascade_report_view, name="cascade")]
