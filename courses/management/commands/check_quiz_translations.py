"""`manage.py check_quiz_translations`: fail when a quiz translation would grade differently
from its source (run in CI). Reads only."""

from django.core.management.base import BaseCommand, CommandError

from courses.assessment.translations import check_quiz_translations


class Command(BaseCommand):
    help = (
        "Compare every quiz translation (live and draft, aliases apart) with its quiz in the "
        "default language: question and choice ids, question types, points, right answers "
        "and settings must be the same. Exits non-zero and lists the problems if not."
    )

    def handle(self, *args, **options) -> None:
        report = check_quiz_translations()
        if not report.pages:
            self.stdout.write(f"{report.checked} quiz translations checked; no problems")
            return
        for page in report.pages:
            for problem in page.problems:
                self.stdout.write(f"page {page.page_id} {page.title!r} [{page.locale}]: {problem}")
        count = sum(len(page.problems) for page in report.pages)
        raise CommandError(
            f"{count} problems in {len(report.pages)} of {report.checked} quiz translations: "
            "their questions no longer match their source. Synchronise them with the source "
            "again (Sync translated pages), or make the same change to the source."
        )
