"""`manage.py load_bench_data`: the load-test data set (see bench/data). Safe to run again."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.data import Plan, load


class Command(BaseCommand):
    help = (
        "Create the load-test data set: 50 courses, 20,000 learners, 100,000 enrolments, "
        "1,000,000 lesson completions and 200,000 quiz attempts at --scale 1. Creates only "
        "what is missing, so a second run creates nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Fraction of the full size to load, keeping its shape (default 1).",
        )

    def handle(self, *args, scale: float, **options) -> None:
        if scale <= 0:
            raise CommandError("--scale must be more than 0.")
        database = str(connection.settings_dict["NAME"])
        if "bench" not in database:
            # 20,000 accounts with a published password must never reach a real database.
            raise CommandError(
                f"Refusing to load into {database!r}: the database's name must contain "
                '"bench" (for example crisis_ready_bench).'
            )
        plan = Plan.for_scale(scale)
        self.stdout.write(
            f"Load-test data on {connection.vendor} ({database}), "
            f"scale {scale:g}: {plan.courses} courses, {plan.learners:,} learners, "
            f"{plan.enrolments:,} enrolments, {plan.completions:,} lesson completions, "
            f"{plan.attempts:,} quiz attempts."
        )
        results = load(scale, report=self.stdout.write)
        created = sum(result.created for result in results)
        seconds = sum(result.seconds for result in results)
        self.stdout.write(
            self.style.SUCCESS(f"{created:,} rows and pages created in {seconds:.1f} s.")
            if created
            else self.style.SUCCESS(
                f"Nothing to create: the data set is complete ({seconds:.1f} s)."
            )
        )
