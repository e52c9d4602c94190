from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self) -> None:
        # Models are loaded only now: the receivers' module imports them.
        from courses.caching import signals

        signals.connect()
