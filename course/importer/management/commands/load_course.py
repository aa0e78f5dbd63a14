from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from course.importer.keys import write_missing_keys
from course.importer.parsing import parse_content, past_due_reviews
from course.importer.writing import write_course
from course.quiz.quality import course_report


class Command(BaseCommand):
    help = "Load the course from content/: validate every file, then write pages, quizzes and glossary."

    def add_arguments(self, parser):
        parser.add_argument("--content", default=str(settings.CONTENT_DIR), help="The content folder.")
        parser.add_argument("--dry-run", action="store_true", help="Validate only; write nothing.")
        parser.add_argument("--force", action="store_true", help="Overwrite items edited in the admin.")
        parser.add_argument(
            "--no-write-keys",
            action="store_true",
            help="Do not add missing question and choice keys to the quiz files (they are added otherwise).",
        )

    def handle(self, *args, content, dry_run, force, no_write_keys, **options):
        course, errors = parse_content(content)
        if errors:
            for error in errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(errors)} problem(s) in {content}; nothing was written.")
        if not dry_run and not no_write_keys:
            # Valid content only; once per question or choice: later runs find every key and change nothing.
            added = write_missing_keys(content)
            for path in added:
                self.stdout.write(f"Added missing keys to {path}")
            if added:
                course, errors = parse_content(content)
                if errors:  # pragma: no cover - keys.py checks the content is unchanged before writing
                    raise CommandError(f"{len(errors)} problem(s) after adding keys; nothing was written.")
        # Dated facts past their review date still load: an instructor is told, not blocked.
        for warning in past_due_reviews(course, timezone.localdate()):
            self.stderr.write(self.style.WARNING(f"Warning: {warning}"))
        # Item-writing flaws and balance (course/quiz/quality/) are for the author to fix: they warn.
        for flag in course_report(course):
            self.stderr.write(self.style.WARNING(f"Item quality: {flag}"))
        lessons = sum(len(module.lessons) for module in course.modules)
        summary = f"{len(course.modules)} modules, {lessons} lessons, {len(course.glossary)} glossary terms"
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"Content is valid: {summary}. Nothing written (--dry-run)."))
            return
        report = write_course(course, force=force)
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {summary}: {len(report.created)} created, {len(report.updated)} updated, "
                f"{report.unchanged} unchanged, {len(report.skipped)} skipped."
            )
        )
        for item in report.skipped:
            self.stdout.write(self.style.WARNING(f"Skipped {item}; use --force to overwrite."))
