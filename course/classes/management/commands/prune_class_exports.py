from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from course.classes.exports import prune_exports


class Command(BaseCommand):
    help = (
        "Delete class grid exports (rows and files: learners' names and progress) asked for more than "
        "CLASS_EXPORT_RETENTION_DAYS ago, and stray export files that old. Run daily (docs/deployment.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CLASS_EXPORT_RETENTION_DAYS,
            help="Keep exports this many days (default: CLASS_EXPORT_RETENTION_DAYS).",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        rows, strays = prune_exports(days)
        self.stdout.write(
            self.style.SUCCESS(f"Deleted {rows} exports older than {days} days, and {strays} stray files.")
        )
