from django.urls import path

from courses import views

urlpatterns = [
    path("courses/<int:course_id>/enrol/", views.enrol_view, name="enrol"),
    path("courses/<int:course_id>/withdraw/", views.withdraw_view, name="withdraw"),
    path("lessons/<int:lesson_id>/complete/", views.complete_lesson_view, name="complete_lesson"),
    path("lessons/<int:lesson_id>/undo/", views.undo_lesson_view, name="undo_lesson"),
    path("quizzes/<int:quiz_id>/start/", views.start_quiz_view, name="start_quiz"),
    path("attempts/<int:attempt_id>/", views.attempt_view, name="quiz_attempt"),
    path("attempts/<int:attempt_id>/submit/", views.submit_attempt_view, name="submit_attempt"),
    path("attempts/<int:attempt_id>/review/", views.review_view, name="quiz_review"),
    path("quizzes/<int:quiz_id>/offline/", views.offline_quiz_view, name="offline_quiz"),
    path("sync/", views.sync_view, name="sync"),
    path("sync/token/", views.sync_token_view, name="sync_token"),
]
