from django.core.management.base import BaseCommand

from course.importer.export import export_course


class Command(BaseCommand):
    help = (
        "Write the live course (pages, quizzes, glossary, capstone) to DIR in the content/ format, "
        "so admin edits can be reviewed as a diff and kept in git. Drafts and retired items are left out."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where to write (content/ to overwrite the shipped files).")

    def handle(self, *args, directory, **options):
        files = export_course(directory)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(files)} files to {directory}."))
