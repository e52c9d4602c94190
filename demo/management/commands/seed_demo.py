"""`manage.py seed_demo`: demo courses and demo accounts for local use. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.accounts import ensure_demo_accounts, give_demo_learner_some_progress
from demo.blended import ensure_blended_demo
from demo.builder import build_demo_content
from demo.translations import build_demo_translations
from home.locales import ensure_languages


class Command(BaseCommand):
    help = "Create the demo courses and demo accounts (local use only; idempotent)."

    def handle(self, *args, **options) -> None:
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "Demo data is disabled in these settings (DEMO_DATA_ALLOWED is False). "
                "Demo accounts have public passwords and must never exist in production."
            )
        created = build_demo_content()
        # After the content: each language's tree then gets aliases of every demo page.
        ensure_languages()
        translated = build_demo_translations()
        accounts = ensure_demo_accounts()
        give_demo_learner_some_progress()
        blended = ensure_blended_demo()
        self.stdout.write(
            f"Demo content: {created['pages']} pages and {created['audiences']} audiences "
            f"created, {translated} pages translated; "
            f"accounts created: {', '.join(accounts) or 'none'}; "
            f"blended workshops {'created' if blended else 'already there'}."
        )
