from django.core.management.base import BaseCommand

from course.review.reminders import queue_reminders


class Command(BaseCommand):
    help = (
        "Queue the weekly reviews-due e-mail for each opted-in learner with cards due; at most one per "
        "learner per ISO week, however often it runs. Run weekly (docs/architecture.md, Background work)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            help="The site's address for the links (default: WAGTAILADMIN_BASE_URL), e.g. https://course.example.org",
        )

    def handle(self, *args, base_url=None, **options):
        run = queue_reminders(base_url=base_url)
        self.stdout.write(
            self.style.SUCCESS(
                f"Queued {run.queued} reminder(s); {run.already_sent} learner(s) already had this week's."
            )
        )
