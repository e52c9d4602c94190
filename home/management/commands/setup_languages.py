"""`manage.py setup_languages`: a Wagtail locale per language, kept in step with English."""

from django.core.management.base import BaseCommand

from home.locales import ensure_languages


class Command(BaseCommand):
    help = (
        "Create a locale for each language of WAGTAIL_CONTENT_LANGUAGES, synchronise each with "
        "the default locale and add aliases for the pages a locale lacks. Safe to run again."
    )

    def handle(self, *args, **options) -> None:
        created = ensure_languages()
        self.stdout.write(
            f"Languages: {created['locales']} locales and {created['synchronisations']} "
            "synchronisations created; every locale's tree is complete."
        )
