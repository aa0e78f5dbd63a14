from django.conf import settings
from django.core.management.base import BaseCommand

from ...login_log import prune_login_log


class Command(BaseCommand):
    help = (
        "Delete login log rows (django-axes: usernames, addresses, browsers) older than "
        "LOGIN_LOG_RETENTION_DAYS, and failed attempts past the lockout. Run daily (docs/deployment.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=settings.LOGIN_LOG_RETENTION_DAYS, help="Keep this many days of log."
        )

    def handle(self, *args, days, **options):
        deleted = prune_login_log(days)
        summary = ", ".join(f"{count} {name}" for name, count in deleted.items())
        self.stdout.write(self.style.SUCCESS(f"Deleted {summary} older than {days} days."))
