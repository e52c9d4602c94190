from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The load-test suite: installed only by `training.settings.bench`."""

    name = "bench"
    verbose_name = "Load tests"
