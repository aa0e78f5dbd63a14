"""Start and stop the parts of the cluster: gunicorn app nodes, the queue worker, HAProxy.

Shared by `cluster/run.py` (`make cluster`) and the tests in tests/cluster/. Every
process is started in its own session (process group), so stopping one stops its
children too (gunicorn's workers) and nothing else.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python")


def node_env(database_url, redis_url, media_root, secret_key, trusted_proxies=1, extra=None):
    """Production settings for one node. Every node of a cluster gets the same values: the same
    secret (sessions and CSRF tokens signed by one node are read by the other), database, Redis
    (cache, sessions, throttles, the content version), media folder and, beside it (never in
    it), the private folder of class exports that the queue worker writes and the nodes serve."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "course.settings.production",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback, as behind a TLS proxy
        # HAProxy appends the client's address to X-Forwarded-For: one trusted proxy.
        "DJANGO_TRUSTED_PROXY_COUNT": str(trusted_proxies),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_MEDIA_ROOT": str(media_root),
        "DJANGO_EXPORTS_ROOT": str(Path(media_root).parent / "exports"),
        "PYTHONUNBUFFERED": "1",
        **(extra or {}),
    }
    return env


def manage(env, *args, quiet=True):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL if quiet else None
    )


def create_database(database_url):
    """Create the PostgreSQL database named at the end of `database_url` if it is missing."""
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    server = database_url.rsplit("/", 1)[0].split("://", 1)[1]
    user, host_port = server.split("@", 1) if "@" in server else ("postgres", server)
    host, port = host_port.split(":") if ":" in host_port else (host_port, "5432")
    with psycopg.connect(f"host={host} port={port} user={user} dbname=postgres", autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            db.execute(f'CREATE DATABASE "{name}"')


def start(command, log_path, env=None):
    """Start `command` in a new session, its output appended to `log_path`."""
    log = open(log_path, "ab")  # noqa: SIM115 - handed to the child, closed with it
    try:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    finally:
        log.close()


def gunicorn_command(port, workers):
    return [
        str(VENV_BIN / "gunicorn"),
        "course.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        # A killed worker's request is retried by HAProxy; a slow one (sign-ins queued
        # behind password hashing at the start of an exam) must not be killed as stuck.
        "--timeout",
        "120",
    ]


def worker_command():
    return [PYTHON, "manage.py", "db_worker", "--backend", "background"]


def haproxy_config(port, nodes, workers):
    """HAProxy in front of the nodes.

    Each node gets at most `workers` requests at a time (gunicorn's sync workers serve one
    each); the rest wait in HAProxy's queue, not in the node's socket backlog, so a health
    check waits behind at most one request per worker. /readyz is checked every second; a
    dead node refuses the connection and is out after two checks, a busy one (sign-ins
    hashing passwords at the start of an exam) answers within `timeout check`. A request
    whose connection failed or got no answer (its node died) is sent again to another node
    (retries + redispatch). Every endpoint is safe to send twice: autosave stores the same
    draft, a second Start finds the open attempt, a second submit finds the attempt graded."""
    servers = "\n".join(
        f"    server node{number} 127.0.0.1:{node_port} check inter 1s fall 2 rise 2 maxconn {workers}"
        for number, node_port in enumerate(nodes, start=1)
    )
    return f"""global
    maxconn 5000

defaults
    mode http
    option http-server-close
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout queue 120s
    timeout check 15s
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response 502 503 504

frontend web
    bind 127.0.0.1:{port}
    option forwardfor
    default_backend app

backend app
    balance leastconn
    option httpchk
    http-check send meth GET uri /readyz ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
{servers}
"""


def haproxy_binary():
    for candidate in ("/usr/sbin/haproxy", "/usr/bin/haproxy"):
        if Path(candidate).exists():
            return candidate
    return None


def wait_until_ready(port, process=None, seconds=60, path="/readyz"):
    """Wait until http://127.0.0.1:port/readyz answers 200; False if it never did or the process died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def is_running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def start_time(pid):
    """When the process started (clock ticks since boot, /proc/PID/stat field 22): with the pid,
    it names one process, even after the pid is reused."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[19])


def stop(pid, started=None, how=signal.SIGTERM, seconds=15):
    """Stop the process group that `pid` leads (it was started in its own session). With
    `started` (its start_time), only that process: a reused pid is left alone."""
    if not is_running(pid):
        return False
    if started is not None and start_time(pid) != started:
        print(f"pid {pid} now runs something else; left alone", file=sys.stderr)
        return False
    try:
        os.killpg(pid, how)
    except ProcessLookupError:
        return False
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            reaped, _status = os.waitpid(pid, os.WNOHANG)  # our own child: reap it
        except ChildProcessError:
            reaped = 0 if is_running(pid) else pid
        if reaped == pid or not is_running(pid):
            return True
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)
    return True
