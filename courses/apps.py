from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from courses import shared_cache, signals

        signals.connect()
        post_save.connect(
            shared_cache.bump_on_live_page_save, dispatch_uid="content-version-live-page-save"
        )
