"""`make bench`: throughput and latency of the main pages, as ratios to /healthz.

Starts gunicorn (2 sync workers, production settings, DEBUG off, 127.0.0.1
only) on SQLite and, where it answers, PostgreSQL (with Redis as the cache when
it answers too), drives each URL with wrk on loopback, prints a table and
writes it to docs/performance.md. Every process it starts is stopped, even on
failure. This is a measurement, not a test: targets are reported, not asserted.
"""

import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
LUA = str(ROOT / "bench" / "report.lua")
DURATION = os.environ.get("BENCH_SECONDS", "6")
CONNECTIONS = 16
# Overridable so that two checkouts can run the benchmark at once without sharing a database.
PG_DATABASE = os.environ.get("BENCH_DATABASE", "course_bench")
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
TARGETS = {
    "home (anonymous)": ("ratio", 0.5),
    "lesson (anonymous)": ("ratio", 0.5),
    "lesson (signed in)": ("ratio", 0.1),
    "dashboard": ("ratio", 0.1),
    "quiz submission": ("p95", 50.0),
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(host, port):
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def recreate_database(name):
    import psycopg

    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


SETUP_SCRIPT = r"""
import json, sys
from django.contrib.auth import get_user_model
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from importlib import import_module
from django.conf import settings
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
from django.middleware.csrf import _get_new_csrf_string
from urllib.parse import urlencode
from course.lessons.models import LessonPage
from devtools.demo import take
from course.quiz.attempts import open_attempt
from course.quiz.models import Attempt, Quiz, QuizKind
from devtools.answers import right_form_data

User = get_user_model()

def session_for(user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key

user, _ = User.objects.get_or_create(username="bench-learner", defaults={"email": "bench@example.com"})
user.set_password("bench-password-not-secret"); user.save()
session_key = session_for(user)
lesson = LessonPage.objects.get(slug="security-bargains")
quiz = Quiz.objects.get(page=lesson, kind=QuizKind.LESSON_CHECK)
# One open attempt per submission, made the way a learner's "Start" makes them.
Attempt.objects.filter(learner__username__startswith="bench-").delete()
csrf = _get_new_csrf_string()
submissions = []
for number in range(int(sys.argv[1])):
    learner, _ = User.objects.get_or_create(username=f"bench-{number:05d}", defaults={"email": ""})
    attempt = open_attempt(learner, quiz)
    data = right_form_data(attempt)
    data["csrfmiddlewaretoken"] = csrf
    # Submissions run as their own learners: one session each.
    submissions.append([f"/quiz/attempt/{attempt.pk}/", urlencode(data, doseq=True), session_for(learner)])
# Some history for the dashboard: every quiz of the course once, half of them passed.
if not user.attempts.exists():
    for index, course_quiz in enumerate(Quiz.objects.order_by("page__path", "kind")):
        take(user, course_quiz, correct=index % 2 == 0)
print(json.dumps({"session": session_key, "csrf": csrf, "lesson": lesson.url, "submissions": submissions}))
"""


def prepare(env, submissions):
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", SETUP_SCRIPT.replace("sys.argv[1]", str(submissions))],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


SUBMIT_LUA = r"""
-- Each open attempt is submitted exactly once: thread n takes every step-th line from
-- line n, and stops when its attempts are used up (a resubmission would only measure
-- the cheap "already submitted" redirect).
local items = {}
local sent = 0
local answered = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  local step = tonumber(args[2])
  local line_number = 0
  for line in io.lines(args[1]) do
    if line_number % step == tid then
      local path, session, body = line:match("([^\t]+)\t([^\t]+)\t(.*)")
      table.insert(items, {path, session, body})
    end
    line_number = line_number + 1
  end
end

function request()
  sent = sent + 1
  local item = items[math.min(sent, #items)]
  local headers = {}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Cookie"] = "sessionid=" .. item[2] .. "; csrftoken=" .. CSRF
  headers["Referer"] = "http://127.0.0.1/"
  return wrk.format("POST", item[1], headers, item[3])
end

function response(status, headers, body)
  answered = answered + 1
  if answered >= #items then
    wrk.thread:stop()
  end
end
"""


def wrk(url, headers=(), script=LUA, args=(), threads=2):
    command = ["wrk", f"-t{threads}", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", "-s", script]
    for header in headers:
        command += ["-H", header]
    command.append(url)
    if args:
        command += ["--", *args]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = json.loads(re.search(r"RESULT (\{.*\})", output).group(1))
    result["rps"] = result["requests"] / result["seconds"]  # errors: report.lua counts non-2xx/3xx too
    return result


def graded_attempts(env):
    """How many of the prepared attempts were graded: each submission must have been real."""
    script = (
        "from course.quiz.models import Attempt; print(Attempt.objects.filter("
        "learner__username__startswith='bench-0', submitted_at__isnull=False).count())"
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return int(out.stdout.strip().splitlines()[-1])


def run_database(label, env, workdir):
    print(f"\n== {label}: migrate, load the course, prepare learners", flush=True)
    manage(env, "migrate", "--no-input")
    manage(env, "load_course")
    manage(env, "collectstatic", "--no-input")
    submissions = int(os.environ.get("BENCH_SUBMISSIONS", "6000"))
    prepared = prepare(env, submissions)
    port = free_port()
    gunicorn = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "course.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            if answers("127.0.0.1", port):
                break
            time.sleep(0.1)
        signed_in = [f"Cookie: sessionid={prepared['session']}", "X-Forwarded-Proto: http"]
        for path in ("/", prepared["lesson"], "/my-progress/"):
            urllib.request.urlopen(base + path).read()  # warm the caches
        rows = {}
        rows["/healthz"] = wrk(base + "/healthz")
        rows["home (anonymous)"] = wrk(base + "/")
        rows["lesson (anonymous)"] = wrk(base + prepared["lesson"])
        rows["lesson (signed in)"] = wrk(base + prepared["lesson"], signed_in)
        rows["dashboard"] = wrk(base + "/my-progress/", signed_in)
        first_attempt = prepared["submissions"][0]
        rows["quiz page"] = wrk(base + first_attempt[0], [f"Cookie: sessionid={first_attempt[2]}"])
        items = Path(workdir) / "submissions.tsv"
        items.write_text(
            "\n".join(f"{path}\t{session}\t{body}" for path, body, session in prepared["submissions"][1:]) + "\n"
        )
        script = Path(workdir) / "submit.lua"
        script.write_text(f'CSRF = "{prepared["csrf"]}"\n' + SUBMIT_LUA + LUA_DONE)
        rows["quiz submission"] = wrk(base + "/", script=str(script), args=[str(items), "2"])
        rows["quiz submission"]["graded"] = graded_attempts(env)
        return rows
    finally:
        os.killpg(gunicorn.pid, signal.SIGTERM)
        gunicorn.wait(timeout=20)


LUA_DONE = Path(LUA).read_text().split("function done", 1)[1].join(["function done", ""])


def table(label, rows):
    ceiling = rows["/healthz"]["rps"]
    lines = [
        f"### {label}",
        "",
        "| URL | requests/s | x /healthz | p50 ms | p95 ms | p99 ms | errors | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, row in rows.items():
        ratio = row["rps"] / ceiling if ceiling else 0
        target = ""
        if name in TARGETS:
            kind, value = TARGETS[name]
            met = ratio >= value if kind == "ratio" else row["p95_ms"] <= value
            target = (f">= {value}x" if kind == "ratio" else f"p95 <= {value:g} ms") + (" met" if met else " MISSED")
        lines.append(
            f"| {name} | {row['rps']:.0f} | {ratio:.2f} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | "
            f"{row['p99_ms']:.1f} | {row['errors']} | {target} |"
        )
    submission = rows.get("quiz submission", {})
    if "graded" in submission:
        lines.append("")
        lines.append(
            f"Quiz submission: {submission['graded']} prepared attempts graded, each submitted once "
            f"({submission['requests']} requests)."
        )
    return "\n".join(lines)


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    results = []
    with tempfile.TemporaryDirectory(prefix="course-bench-") as workdir:
        base_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "course.settings.production",
            "DJANGO_SECRET_KEY": "bench-" + os.urandom(24).hex(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_CACHE_DIR": str(Path(workdir) / "cache"),
            "PYTHONPATH": str(ROOT),
        }
        sqlite_env = {**base_env, "DATABASE_URL": f"sqlite:///{Path(workdir) / 'bench.sqlite3'}"}
        results.append(("SQLite, file cache", run_database("SQLite", sqlite_env, workdir)))
        if answers("127.0.0.1", 5432):
            recreate_database(PG_DATABASE)
            pg_env = {**base_env, "DATABASE_URL": PG_URL}
            label = "PostgreSQL"
            if answers("127.0.0.1", 6379):
                pg_env["REDIS_URL"] = REDIS_URL
                label += ", Redis cache"
            results.append((label, run_database("PostgreSQL", pg_env, workdir)))
        else:
            print("PostgreSQL does not answer on 127.0.0.1:5432: SQLite only.")
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    report = "\n\n".join(table(label, rows) for label, rows in results)
    section = (
        f"## Benchmark (`make bench`)\n\nMeasured {stamp} on {machine}: gunicorn with 2 sync workers, "
        f"production settings, wrk with {CONNECTIONS} connections for {DURATION} s per URL on loopback. "
        "Ratios are to `/healthz` in the same run (the machine's speed varies; ratios do not).\n\n" + report + "\n"
    )
    print("\n" + section)
    write_section(ROOT / "docs" / "performance.md", section)


def write_section(path, section):
    """Replace this benchmark's section of docs/performance.md, keeping the others."""
    text = path.read_text() if path.exists() else "# Performance\n"
    pattern = re.compile(r"## Benchmark \(`make bench`\).*?(?=\n## |\Z)", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip() + "\n", text)
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text)


if __name__ == "__main__":
    main()
