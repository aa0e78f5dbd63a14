from django.core.management.base import BaseCommand

from devtools.demo import DEMO_PASSWORD, ensure_demo_accounts


class Command(BaseCommand):
    help = "Create (once) a demo instructor and a demo student with some quiz history."

    def handle(self, *args, **options):
        instructor, student = ensure_demo_accounts()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo accounts (password for both: {DEMO_PASSWORD})\n"
                f"  instructor: {instructor.username}  -> http://127.0.0.1:8000/admin/\n"
                f"  student:    {student.username}  -> http://127.0.0.1:8000/my-progress/"
            )
        )
