import os
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from course.reports.views import can_view_reports

REPORTS = [
    ("Learners", "course_reports:learners", ""),
    ("Learners, by completion", "course_reports:learners", "?ordering=-completion"),
    ("Learners, CSV (every row)", "course_reports:learners", "?export=csv"),
    ("Quiz results", "course_reports:quizzes", ""),
    ("Item analysis", "course_reports:items", ""),
    ("Item analysis, by discrimination", "course_reports:items", "?ordering=discrimination"),
    ("Item analysis, misleading only", "course_reports:items", "?flag=misleading"),
    ("Re-teach map", "course_reports:reteach", ""),
    ("Admin dashboard", "wagtailadmin_home", ""),
]


class Command(BaseCommand):
    help = (
        "Time each instructor report (a full request through the middleware, warm) and count its queries. "
        "Besides the wall-clock time it reports the CPU time the request used in this process and, for a "
        "PostgreSQL server on this machine, in its database backend: on a busy machine the wall clock "
        "measures the other processes too."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", default="instructor", help="Who reads the reports (default: instructor).")
        parser.add_argument("--repeat", type=int, default=5, help="Timed requests per report (default 5).")

    def handle(self, *args, user, repeat, **options):
        reader = get_user_model().objects.filter(username=user).first()
        if reader is None or not can_view_reports(reader):
            raise CommandError(f"{user!r} does not exist or may not read the reports.")
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        hosts = [host for host in settings.ALLOWED_HOSTS if host and "*" not in host and not host.startswith(".")]
        client = Client(HTTP_HOST=hosts[0] if hosts else "localhost")
        client.force_login(reader)
        self.stdout.write(f"{'Report':34} {'wall':>8} {'cpu app':>8} {'cpu db':>8} {'queries':>8}")
        for label, name, query in REPORTS:
            url = reverse(name) + query
            read(client, url)  # warm: the first request fills caches
            walls, apps, databases, counts = [], [], [], set()
            for _ in range(repeat):
                backend = database_backend()
                database_before = database_cpu(backend)
                with CaptureQueriesContext(connection) as queries:
                    wall, app = time.perf_counter(), time.process_time()
                    status = read(client, url)
                    walls.append(time.perf_counter() - wall)
                    apps.append(time.process_time() - app)
                database_after = database_cpu(backend) if database_backend() == backend else None
                if database_before is not None and database_after is not None:
                    databases.append(database_after - database_before)
                counts.add(len(queries))
                if status != 200:
                    raise CommandError(f"{url} answered {status}.")
            database = f"{statistics.median(databases):7.3f}s" if databases else "n/a"
            self.stdout.write(
                f"{label:34} {statistics.median(walls):7.3f}s {statistics.median(apps):7.3f}s {database:>8} "
                f"{'/'.join(str(count) for count in sorted(counts)):>8}"
            )


def read(client, url):
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def database_backend():
    """The process id of this connection's PostgreSQL backend, or None."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def database_cpu(backend):
    """CPU seconds the database backend has used so far, if it runs on this machine."""
    try:
        fields = Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError, TypeError):
        return None
    # After the command name: state is field 3, utime and stime are fields 14 and 15.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
