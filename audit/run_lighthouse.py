"""`make audit`: Lighthouse on the home page, a lesson and a quiz page, mobile and desktop.

Serves the site the way production does (gunicorn, production settings, DEBUG
off, collected static files, a throwaway SQLite database with the course) on a
free port of 127.0.0.1, runs Lighthouse from node_modules/ against it, writes
the HTML and JSON reports to reports/ (git-ignored) and prints the four category
scores. Every process it starts is stopped, even on failure. Not a test.

The quiz page is the one a signed-in learner answers: the script makes a learner
in the throwaway database, opens an attempt at the first module quiz (it asks
every question type) and gives Lighthouse the learner's session cookie as an
extra request header. Production sets the session cookie `Secure`, but that only
tells browsers when to send it; the server reads the Cookie header over plain
HTTP all the same.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
REPORTS = ROOT / "reports"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Prints {"pages": {name: path}, "cookie": "name=value"} as its last line.
PAGES_SCRIPT = """
import json, secrets
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from course.lessons.models import LessonPage
from course.quiz.attempts import open_attempt
from course.quiz.models import Quiz, QuizKind
lesson = LessonPage.objects.live().order_by("path").first()
quiz = Quiz.objects.filter(kind=QuizKind.MODULE_QUIZ).order_by("page__path").first()
learner = get_user_model().objects.create_user("lighthouse", "lighthouse@example.com", secrets.token_urlsafe(24))
attempt = open_attempt(learner, quiz)
client = Client()
client.force_login(learner)
session = client.cookies[settings.SESSION_COOKIE_NAME].value
print(json.dumps({
    "pages": {"home": "/", "lesson": lesson.url, "quiz": f"/quiz/attempt/{attempt.pk}/"},
    "cookie": f"{settings.SESSION_COOKIE_NAME}={session}",
}))
"""
SIGNED_IN_PAGES = {"quiz"}  # audited with the learner's session cookie


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return True
    except OSError:
        return False


def manage(env, *args, capture=False):
    out = subprocess.run(  # noqa: S603 (fixed commands: an operator's script)
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )  # fmt: skip
    return out.stdout


def lighthouse(url, name, form_factor, headers_file=None):
    output = REPORTS / f"lighthouse-{name}-{form_factor}"
    command = [
        str(LIGHTHOUSE), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}", "--output=json", "--output=html",
        f"--output-path={output}", f"--only-categories={','.join(CATEGORIES)}",
    ]  # fmt: skip
    if form_factor == "desktop":
        command.append("--preset=desktop")
    if headers_file:
        # A file, not the JSON itself: the session key stays out of the process list.
        command.append(f"--extra-headers={headers_file}")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROME}, timeout=180)  # noqa: S603
    report = json.loads(output.with_suffix(".report.json").read_text())
    final_url = report.get("finalDisplayedUrl") or report.get("finalUrl")
    if final_url != url:
        raise SystemExit(f"Lighthouse was sent from {url} to {final_url}: not the page meant (signed out?)")
    scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
    failing = [
        audit["title"]
        for audit in report["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    ]
    return scores, failing


def main():
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `npm ci` (make install does)")
    if not Path(CHROME).exists():
        sys.exit(f"Lighthouse needs Chromium at {CHROME}")
    REPORTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="course-audit-") as workdir:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "course.settings.production",
            "DJANGO_SECRET_KEY": "audit-" + os.urandom(24).hex(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_CACHE_DIR": str(Path(workdir) / "cache"),
            "DATABASE_URL": f"sqlite:///{Path(workdir) / 'audit.sqlite3'}",
            "PYTHONPATH": str(ROOT),
        }
        print("== migrate, load the course, collect static files", flush=True)
        manage(env, "migrate", "--no-input")
        manage(env, "load_course")
        manage(env, "collectstatic", "--no-input")
        found = json.loads(manage(env, "shell", "-c", PAGES_SCRIPT, capture=True).strip().splitlines()[-1])
        pages = found["pages"]
        headers_file = Path(workdir) / "signed-in-headers.json"
        headers_file.write_text(json.dumps({"Cookie": found["cookie"]}))
        port = free_port()
        gunicorn = subprocess.Popen(  # noqa: S603
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "course.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "2", "--log-level", "warning"],
            cwd=ROOT, env=env, start_new_session=True,
        )  # fmt: skip
        try:
            for _ in range(100):
                if answers(port):
                    break
                time.sleep(0.1)
            rows = []
            for name, path in pages.items():
                for form_factor in ("mobile", "desktop"):
                    print(f"== Lighthouse: {name} ({path}), {form_factor}", flush=True)
                    headers = headers_file if name in SIGNED_IN_PAGES else None
                    scores, failing = lighthouse(f"http://127.0.0.1:{port}{path}", name, form_factor, headers)
                    rows.append((name, form_factor, scores, failing))
        finally:
            os.killpg(gunicorn.pid, signal.SIGTERM)
            gunicorn.wait(timeout=20)
    print("\n| page | form factor | " + " | ".join(CATEGORIES) + " |")
    print("| --- | --- | " + " | ".join("---:" for _ in CATEGORIES) + " |")
    for name, form_factor, scores, _failing in rows:
        print(f"| {name} | {form_factor} | " + " | ".join(str(scores[key]) for key in CATEGORIES) + " |")
    for name, form_factor, _scores, failing in rows:
        if failing:
            print(f"{name}, {form_factor}: failing audits: {'; '.join(failing)}")
    print(f"\nReports: {REPORTS}/lighthouse-*.report.html")


if __name__ == "__main__":
    main()
