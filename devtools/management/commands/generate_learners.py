import time

from django.core.management.base import BaseCommand, CommandError

from course.quiz.models import Question
from devtools.synthetic import delete_synthetic_learners, generate_learners, synthetic_learners

MAX_LEARNERS = 1_000_000


class Command(BaseCommand):
    help = (
        "Create synthetic learners (usernames synthetic-00001, ...) of varied skill with quiz attempts, "
        "completions and certificates, for demos and load tests; --delete removes them all."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=30, help="How many learners to add (default 30).")
        parser.add_argument("--seed", type=int, default=1, help="The same seed gives the same histories.")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if synthetic learners exist already (for `make run`)."
        )
        parser.add_argument("--delete", action="store_true", help="Remove every synthetic learner and their data.")

    def handle(self, *args, learners, seed, if_empty, delete, **options):
        if delete:
            removed = delete_synthetic_learners()
            self.stdout.write(
                f"Removed {removed.learners} synthetic learners, {removed.attempts} attempts, "
                f"{removed.responses} responses, {removed.completions} completions, "
                f"{removed.certificates} certificates."
            )
            return
        if not 1 <= learners <= MAX_LEARNERS:
            raise CommandError(f"--learners must be between 1 and {MAX_LEARNERS}.")
        if if_empty and synthetic_learners().exists():
            self.stdout.write("Synthetic learners exist already: nothing to do.")
            return
        if not Question.objects.exists():
            raise CommandError("There are no quiz questions yet: run `manage.py load_course` first.")
        started = time.monotonic()

        def report(totals):
            if options["verbosity"] > 1:
                self.stdout.write(f"  {totals.learners} learners, {totals.responses} responses...")

        made = generate_learners(learners, seed, on_batch=report)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {made.learners} synthetic learners, {made.attempts} attempts, {made.responses} responses, "
                f"{made.completions} completions and {made.certificates} certificates "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
