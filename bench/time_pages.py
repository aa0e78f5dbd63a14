"""CPU milliseconds per request of the benchmark's pages, in-process, with Django's test client.

`make bench` measures requests/s through gunicorn and wrk; this measures what one request
costs inside Django, which is what changes when the code does, and can profile a page.
Same production settings (DEBUG off, cached template loader), the same database as the
bench prepares it (bench/run_bench.py's SETUP_SCRIPT: the bench learner has taken every
quiz once, half passed; one open attempt per prepared learner), warm pages.

    .venv/bin/python bench/time_pages.py                       # SQLite and the file cache
    .venv/bin/python bench/time_pages.py --database postgres   # PostgreSQL (and Redis if it answers)
    .venv/bin/python bench/time_pages.py --profile dashboard   # cProfile of one page, top functions

The database and cache are kept in .cache/time-pages/ and reused (--fresh rebuilds them).
Prints, per page, the median and best of --runs runs of --requests requests each (CPU ms per
request, `time.process_time`: the database server's own CPU is not in it), the wall-clock
median, the ratio to /healthz in the same run and the queries per request.
"""

import argparse
import cProfile
import json
import os
import pstats
import shutil
import statistics
import sys
import time

import run_bench

WORKDIR = run_bench.ROOT / ".cache" / "time-pages"
PG_DATABASE = os.environ.get("TIME_PAGES_DATABASE", "course_time_pages")
REDIS_URL = os.environ.get("TIME_PAGES_REDIS_URL", "redis://127.0.0.1:6379/5")
SUBMISSIONS = 20  # open attempts to prepare; one is the quiz page, the others are spare


def environment(database):
    workdir = WORKDIR / database
    env = {
        "DJANGO_SETTINGS_MODULE": "course.settings.production",
        "DJANGO_SECRET_KEY": "time-pages-not-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_CACHE_DIR": str(workdir / "cache"),
        "PYTHONPATH": str(run_bench.ROOT),
        # The release prefixes every cache key: a new one per run, so no entry pickled by the
        # code of an earlier run is read (the git commit does not change with the working tree).
        "RELEASE": os.environ.get("RELEASE", f"time-pages-{time.time_ns()}"),
    }
    if database == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'db.sqlite3'}"
    else:
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}"
        if run_bench.answers("127.0.0.1", 6379):
            env["REDIS_URL"] = REDIS_URL
    return workdir, env


def prepared_database(database, fresh):
    """The prepared learners and sessions (run_bench.prepare), made once and kept."""
    workdir, env = environment(database)
    marker = workdir / "prepared.json"
    if fresh or not marker.exists():
        workdir.mkdir(parents=True, exist_ok=True)
        if database == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                (workdir / f"db.sqlite3{suffix}").unlink(missing_ok=True)
        else:
            run_bench.recreate_database(PG_DATABASE)
        full_env = {**os.environ, **env}
        run_bench.manage(full_env, "migrate", "--no-input")
        run_bench.manage(full_env, "load_course")
        run_bench.manage(full_env, "collectstatic", "--no-input")
        marker.write_text(json.dumps(run_bench.prepare(full_env, SUBMISSIONS)))
    return env, json.loads(marker.read_text())


def clients(prepared):
    """{page: (client, path)}: one test client per visitor, reused across requests as a browser
    reuses its connection (a new client loads every middleware again)."""
    from django.test import Client

    def client_with(session=None):
        client = Client(HTTP_HOST="127.0.0.1")
        if session:
            client.cookies["sessionid"] = session
        return client

    anonymous, learner = client_with(), client_with(prepared["session"])
    quiz_path, _body, quiz_session = prepared["submissions"][0]
    return {
        "/healthz": (anonymous, "/healthz"),
        "lesson (anonymous)": (anonymous, prepared["lesson"]),
        "lesson (signed in)": (learner, prepared["lesson"]),
        "home (signed in)": (learner, "/"),
        "dashboard": (learner, "/my-progress/"),
        "quiz page": (client_with(quiz_session), quiz_path),
    }


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def get(client, path):
    response = client.get(path)
    if response.status_code != 200:
        sys.exit(f"{path}: HTTP {response.status_code}")
    return response


def time_pages(pages, runs, requests):
    from django.db import connection

    cpu = {name: [] for name in pages}
    wall = {name: [] for name in pages}
    queries = {}
    for name, (client, path) in pages.items():
        for _ in range(3):
            get(client, path)  # warm: caches, the worker's memory, Markdown
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            get(client, path)
        queries[name] = counter.count
    for _ in range(runs):
        for name, (client, path) in pages.items():
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            for _ in range(requests):
                get(client, path)
            cpu[name].append((time.process_time() - started_cpu) * 1000 / requests)
            wall[name].append((time.perf_counter() - started_wall) * 1000 / requests)
    return cpu, wall, queries


def report(cpu, wall, queries):
    ceiling = statistics.median(cpu["/healthz"])
    print(f"{'page':<22} {'CPU ms median':>13} {'best':>7} {'wall ms':>8} {'x /healthz':>10} {'queries':>7}")
    for name in cpu:
        median = statistics.median(cpu[name])
        print(
            f"{name:<22} {median:>13.2f} {min(cpu[name]):>7.2f} {statistics.median(wall[name]):>8.2f} "
            f"{ceiling / median:>10.3f} {queries[name]:>7}"
        )


def time_templates(pages, name, requests):
    """CPU ms per request spent in each template itself (its includes and tags' own templates
    counted where they render), to see which part of a page costs what."""
    from collections import defaultdict

    from django.template.base import Template

    client, path = pages[name]
    for _ in range(3):
        get(client, path)
    own = defaultdict(float)
    stack = []
    original = Template._render

    def timed(self, context):
        started = time.process_time()
        stack.append(0.0)
        try:
            return original(self, context)
        finally:
            elapsed = time.process_time() - started
            children = stack.pop()
            own[self.name or "(string)"] += elapsed - children
            if stack:
                stack[-1] += elapsed

    Template._render = timed
    try:
        started = time.process_time()
        for _ in range(requests):
            get(client, path)
        total = time.process_time() - started
    finally:
        Template._render = original
    print(f"{name}: {total * 1000 / requests:.2f} ms CPU per request; in each template itself:")
    for template_name, seconds in sorted(own.items(), key=lambda item: -item[1]):
        print(f"  {seconds * 1000 / requests:7.3f} ms  {template_name}")


def profile(pages, name, requests, limit, sampler):
    client, path = pages[name]
    for _ in range(3):
        get(client, path)
    if sampler:
        # pyinstrument (not a dependency of the site: `pip install pyinstrument` to use it) samples
        # the stack, so it distorts less than cProfile's per-call hooks.
        from pyinstrument import Profiler

        with Profiler(interval=0.001) as sampling:
            for _ in range(requests):
                get(client, path)
        print(sampling.output_text(color=False, flat=True, show_all=False)[: limit * 200])
        return
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        get(client, path)
    profiler.disable()
    profiler.dump_stats(str(WORKDIR / "last.prof"))  # for pstats or snakeviz
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(limit)
    stats.sort_stats("tottime").print_stats(limit)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--fresh", action="store_true", help="prepare the database again")
    parser.add_argument("--profile", metavar="PAGE", help="profile this page instead of timing them all")
    parser.add_argument("--limit", type=int, default=40, help="functions listed by --profile")
    parser.add_argument("--templates", metavar="PAGE", help="CPU time per template of this page")
    parser.add_argument("--sampler", action="store_true", help="--profile with pyinstrument instead of cProfile")
    options = parser.parse_args()

    env, prepared = prepared_database(options.database, options.fresh)
    shutil.rmtree(env["DJANGO_CACHE_DIR"], ignore_errors=True)  # files of earlier runs' releases
    os.environ.update(env)
    sys.path.insert(0, str(run_bench.ROOT))
    import django

    django.setup()
    pages = clients(prepared)
    if options.templates:
        time_templates(pages, options.templates, options.requests)
    elif options.profile:
        profile(pages, options.profile, options.requests, options.limit, options.sampler)
    else:
        report(*time_pages(pages, options.runs, options.requests))


if __name__ == "__main__":
    main()
