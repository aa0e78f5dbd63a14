from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from course.operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the media files into a new folder (restore with restore_course)."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A new or empty folder for this backup.")
        parser.add_argument("--media-root", default=str(settings.MEDIA_ROOT), help="The media folder to back up.")
        parser.add_argument("--database", default="default", help="The database alias.")

    def handle(self, *args, folder, media_root, database, **options):
        try:
            manifest = backup(folder, media_root, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {len(manifest['tables'])} tables ({rows} rows, {manifest['database']['vendor']}) "
                f"and {manifest['media']['files']} media files to {folder}."
            )
        )
