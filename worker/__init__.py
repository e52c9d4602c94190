"""Background work: the Celery app, its tasks, and what only tasks call."""
