"""Time the class grid of a big class: `--learners` synthetic learners, every one of
them working through the whole course (the "full histories" of issue 20), in one class.

    DATABASE_URL=postgres://... .venv/bin/python manage.py time_class_grid --learners 500

Reuses the class and its learners when run again; `--delete` removes them."""

import statistics
import time
from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from course.classes.exports import grid_file
from course.classes.models import CourseClass, Membership, ModuleDueDate
from course.lessons.models import ModulePage
from course.quiz.models import Attempt, Response
from devtools import synthetic

CLASS_NAME = "Timing class (synthetic)"
TIMER = "class-grid-timer"


class Command(BaseCommand):
    help = "Time the class grid, its lesson view, its CSV and XLSX export and a learner's page for a big class."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=500)
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument("--delete", action="store_true", help="Remove the timing class (not the learners).")

    def handle(self, *args, learners, repeat, delete, **options):
        course_class = CourseClass.objects.filter(name=CLASS_NAME).first()
        if delete:
            if course_class:
                course_class.delete()
            return
        if course_class is None:
            course_class = CourseClass.objects.create(name=CLASS_NAME)
        missing = learners - course_class.memberships.count()
        if missing > 0:
            before = set(synthetic.synthetic_learners().values_list("pk", flat=True))
            # Every learner a finisher: all modules, with the retakes finishers make.
            with mock.patch.object(synthetic, "FINISHER_SHARE", 1.0):
                synthetic.generate_learners(missing, seed=20)
            new = synthetic.synthetic_learners().exclude(pk__in=before)
            Membership.objects.bulk_create(Membership(course_class=course_class, learner=user) for user in new)
        # Due dates a week apart, the first ones past: the grid computes late work too.
        start = timezone.now() - timedelta(days=21)
        for week, module in enumerate(ModulePage.objects.live().order_by("path")):
            ModuleDueDate.objects.update_or_create(
                course_class=course_class, module=module, defaults={"due_at": start + timedelta(weeks=week)}
            )
        member_ids = course_class.memberships.values("learner_id")
        attempts = Attempt.objects.filter(learner_id__in=member_ids).count()
        responses = Response.objects.filter(attempt__learner_id__in=member_ids).count()
        self.stdout.write(
            f"{connection.vendor}: class of {course_class.memberships.count()} learners, "
            f"{attempts} attempts, {responses} responses"
        )
        timer, _created = get_user_model().objects.get_or_create(
            username=TIMER, defaults={"is_staff": True, "is_superuser": True}
        )
        hosts = [host for host in settings.ALLOWED_HOSTS if host and "*" not in host and not host.startswith(".")]
        client = Client(HTTP_HOST=hosts[0] if hosts else "localhost")
        client.force_login(timer)
        first_module = ModulePage.objects.live().order_by("path").first()
        some_learner = course_class.memberships.order_by("pk").first().learner_id
        grid = reverse("classes_admin:grid", args=[course_class.pk])
        pages = [
            ("Class grid (modules)", grid),
            ("Class grid, sorted by progress", f"{grid}?sort=-progress"),
            ("Class grid (lessons of module 1)", f"{grid}?module={first_module.pk}"),
            ("One learner's page", reverse("classes_admin:learner", args=[course_class.pk, some_learner])),
        ]
        self.stdout.write(f"{'Page':36} {'median':>8} {'min':>8} {'cpu app':>8} {'queries':>8}")
        for label, url in pages:
            assert client.get(url).status_code == 200, url  # warm
            self.report(label, repeat, lambda url=url: self.get_page(client, url))
        # The exports are built by the queue worker, not in a request: time what the worker runs.
        for file_format in ("csv", "xlsx"):
            label = f"{file_format.upper()} export (in the worker)"
            self.report(label, repeat, lambda file_format=file_format: grid_file(course_class, file_format))

    @staticmethod
    def get_page(client, url):
        response = client.get(url)
        assert response.status_code == 200, url

    def report(self, label, repeat, work):
        """Run `work` `repeat` times; write its median and best wall time, CPU time and queries."""
        times, cpu, counts = [], [], set()
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                start, start_cpu = time.perf_counter(), time.process_time()
                work()
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            counts.add(len(queries))
        self.stdout.write(
            f"{label:36} {statistics.median(times):7.3f}s {min(times):7.3f}s {statistics.median(cpu):7.3f}s "
            f"{'/'.join(map(str, sorted(counts))):>8}"
        )
