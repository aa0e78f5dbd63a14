from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from course.operations.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by backup_course: the database, then the media files; then verify both."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder written by backup_course.")
        parser.add_argument("--media-root", default=str(settings.MEDIA_ROOT), help="Where to put the media files.")
        parser.add_argument("--database", default="default", help="The database alias.")
        parser.add_argument(
            "--replace", action="store_true", help="Overwrite a database that is not empty (default: refuse)."
        )

    def handle(self, *args, folder, media_root, database, replace, **options):
        try:
            manifest = restore(folder, media_root, alias=database, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {len(manifest['tables'])} tables ({rows} rows, identical to the backup of "
                f"{manifest['created_at']}) and {manifest['media']['files']} media files."
            )
        )
