"""wagtail-localize's background jobs, run by our Celery workers.

wagtail-localize hands heavy work (translating a page's subtree, building a new locale's tree
of aliases) to a job backend (`WAGTAILLOCALIZE_JOBS`). This one sends the job to a worker
once the request's transaction commits, as the task `worker.run_localize_job`. A job's
arguments are sent as plain values (model instances by their primary key), and the worker
runs only functions of wagtail-localize.

Nothing is lost when a job cannot be sent: a job whose arguments cannot be written as plain
values, or that the broker refuses (Redis down), runs at once in the process that asked for
it, as wagtail-localize's default backend does. Both functions it sends are safe to run twice:
`synchronize_tree` creates only the aliases still missing, and `translate_page_subtree`
updates the translations it finds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from celery import current_app
from django.apps import apps
from django.db import models, transaction
from django.utils.module_loading import import_string
from wagtail_localize.tasks import BaseJobBackend

logger = logging.getLogger(__name__)

TASK_NAME = "worker.run_localize_job"
#: The only functions a worker runs for a job: a message names one by its dotted path.
ALLOWED_PREFIX = "wagtail_localize."
#: Arguments that only spare a query: the function builds them itself when given None.
REBUILT_BY_THE_FUNCTION = {"PageIndex"}


class UnencodableJobError(ValueError):
    """A job argument that cannot travel as a plain value."""


def encode(value: Any) -> Any:
    """A job argument as JSON-ready data: model instances as {"model", "pk"}."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | models.QuerySet):
        # A queryset (the locales a form chose) travels as its rows, and arrives as a list.
        return [encode(item) for item in value]
    if isinstance(value, models.Model):
        return {"model": value._meta.label_lower, "pk": value.pk}
    if type(value).__name__ in REBUILT_BY_THE_FUNCTION:
        return None
    if type(value).__name__ == "TranslationComponentManager" and not value.components:
        return None  # no translatable components registered: nothing for it to save
    raise UnencodableJobError(f"Cannot send {type(value).__name__} to a worker")


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(item) for item in value]
    if isinstance(value, dict):
        model = apps.get_model(value["model"])
        return model._base_manager.get(pk=value["pk"])
    return value


def encode_job(func: Callable, args: list, kwargs: dict) -> dict:
    path = f"{func.__module__}.{func.__qualname__}"
    if not path.startswith(ALLOWED_PREFIX):
        raise UnencodableJobError(f"{path} is not a wagtail-localize function")
    return {
        "func": path,
        "args": encode(list(args)),
        "kwargs": {name: encode(value) for name, value in kwargs.items()},
    }


def run_job(job: dict) -> None:
    """Run a job a message describes (in a worker)."""
    if not job["func"].startswith(ALLOWED_PREFIX):
        raise ValueError(f"Refusing to run {job['func']}: not a wagtail-localize function")
    func = import_string(job["func"])
    kwargs = {name: decode(value) for name, value in job["kwargs"].items()}
    func(*decode(job["args"]), **kwargs)


class CeleryJobBackend(BaseJobBackend):
    def enqueue(self, func: Callable, args: list, kwargs: dict) -> None:
        try:
            job = encode_job(func, args, kwargs)
        except UnencodableJobError:
            logger.info("Running %s at once: its arguments cannot be sent", func.__qualname__)
            func(*args, **kwargs)
            return
        transaction.on_commit(partial(send_or_run, job, partial(func, *args, **kwargs)))


def send_or_run(job: dict, run_here: Callable[[], None]) -> None:
    try:
        current_app.send_task(TASK_NAME, args=[job], ignore_result=True)
    except Exception:  # noqa: BLE001 - any broker failure: the job must still happen
        logger.warning("Broker unavailable; running %s here", job["func"])
        run_here()
