"""The Django project. Importing the Celery app here lets Django code enqueue tasks."""

from worker.celery import app as celery_app

__all__ = ("celery_app",)
