"""`make cluster`: two app nodes, one queue worker and HAProxy on this machine.

    python cluster/run.py start [--detach]   start everything (Ctrl-C stops it; --detach returns)
    python cluster/run.py stop               stop exactly the processes `start` recorded
    python cluster/run.py status             what runs, on which port, with which pid

The nodes are gunicorn with production settings on 127.0.0.1:8401 and :8402, sharing one
PostgreSQL database (course_cluster), one Redis database (cache, sessions, throttles and
the content version) and one media folder; HAProxy on 127.0.0.1:8400 checks /readyz on each
and sends requests to the nodes that answer. Ports, database and Redis are set by
CLUSTER_PORT (the balancer; nodes on the next two ports), CLUSTER_DATABASE_URL,
CLUSTER_REDIS_URL and CLUSTER_WORKERS (gunicorn workers per node). The pids are kept in
.cache/cluster/state.json; `stop` stops those and nothing else.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cluster import nodes

STATE_DIR = nodes.ROOT / ".cache" / "cluster"
STATE_FILE = STATE_DIR / "state.json"
BALANCER_PORT = int(os.environ.get("CLUSTER_PORT", "8400"))
NODE_PORTS = [BALANCER_PORT + 1, BALANCER_PORT + 2]
DATABASE_URL = os.environ.get("CLUSTER_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/course_cluster")
REDIS_URL = os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/4")
WORKERS = int(os.environ.get("CLUSTER_WORKERS", "3"))


def read_state():
    if not STATE_FILE.exists():
        return None
    return json.loads(STATE_FILE.read_text())


def running(state):
    return [part for part in state["processes"] if nodes.is_running(part["pid"])] if state else []


def secret_key():
    """One secret for every node, kept between runs so sessions survive a restart."""
    path = STATE_DIR / "secret"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def environment():
    return nodes.node_env(DATABASE_URL, REDIS_URL, STATE_DIR / "media", secret_key())


def prepare(env):
    print(f"== database {DATABASE_URL.rsplit('/', 1)[1]}: migrate, load the course, collect static files", flush=True)
    nodes.create_database(DATABASE_URL)
    nodes.manage(env, "migrate", "--no-input", "-v0")
    nodes.manage(env, "load_course", "-v0")
    nodes.manage(env, "collectstatic", "--no-input", "-v0")
    # The cluster's own Redis database: emptied, so nothing cached for an older database is read.
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def ensure_haproxy():
    binary = nodes.haproxy_binary()
    if binary is None and os.geteuid() == 0 and shutil.which("apt-get"):
        print("== installing HAProxy from Debian's packages", flush=True)
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "haproxy"], check=True, stdout=subprocess.DEVNULL)
        binary = nodes.haproxy_binary()
    if binary is None:
        sys.exit("make cluster needs HAProxy: apt-get install haproxy")
    return binary


def start(detach):
    state = read_state()
    if running(state):
        print("The cluster is already running:")
        show(state)
        return 0
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    (STATE_DIR / "media").mkdir(exist_ok=True)
    haproxy = ensure_haproxy()
    env = environment()
    prepare(env)
    config = STATE_DIR / "haproxy.cfg"
    config.write_text(nodes.haproxy_config(BALANCER_PORT, NODE_PORTS, WORKERS))
    subprocess.run([haproxy, "-c", "-q", "-f", str(config)], check=True)

    parts = [
        *(
            (f"node {number}", port, nodes.gunicorn_command(port, WORKERS))
            for number, port in enumerate(NODE_PORTS, start=1)
        ),
        ("queue worker", None, nodes.worker_command()),
        ("balancer", BALANCER_PORT, [haproxy, "-db", "-f", str(config)]),
    ]
    state = {"processes": [], "balancer": BALANCER_PORT, "nodes": NODE_PORTS}
    try:
        for name, port, command in parts:
            log = STATE_DIR / f"{name.replace(' ', '-')}.log"
            process = nodes.start(command, log, env)
            state["processes"].append(
                {
                    "name": name,
                    "port": port,
                    "pid": process.pid,
                    "started": nodes.start_time(process.pid),
                    "log": str(log),
                }
            )
            STATE_FILE.write_text(json.dumps(state, indent=1))
            if port and not nodes.wait_until_ready(port, process):
                raise RuntimeError(f"{name} did not become ready on port {port}; see {log}")
    except (RuntimeError, KeyboardInterrupt) as error:
        print(error, file=sys.stderr)
        stop()
        return 1
    print("== cluster running")
    show(state)
    if detach:
        print("Stop it with: make cluster-stop")
        return 0
    print("Ctrl-C stops it.", flush=True)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        # A node that dies is reported, and the rest keep serving (HAProxy takes it out).
        alive = state["processes"]
        while alive:
            time.sleep(1)
            now = running(state)
            for part in alive:
                if part not in now:
                    print(f"{part['name']} (pid {part['pid']}) stopped; see {part['log']}", file=sys.stderr, flush=True)
            alive = now
    except KeyboardInterrupt:
        pass
    stop()
    return 0


def interrupt(signum, frame):
    raise KeyboardInterrupt


def show(state):
    print(f"{'part':<14} {'port':>5} {'pid':>8}  log")
    for part in state["processes"]:
        alive = "" if nodes.is_running(part["pid"]) else "  (stopped)"
        print(f"{part['name']:<14} {part['port'] or '':>5} {part['pid']:>8}  {part['log']}{alive}")
    print(f"Site: http://127.0.0.1:{state['balancer']}/  (nodes: {', '.join(map(str, state['nodes']))})")


def stop():
    state = read_state()
    if not state:
        print("No cluster recorded in .cache/cluster/state.json.")
        return 0
    for part in reversed(state["processes"]):  # the balancer first: no new requests
        if nodes.stop(part["pid"], part["started"]):
            print(f"stopped {part['name']} (pid {part['pid']})")
    STATE_FILE.unlink(missing_ok=True)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["start", "stop", "status"])
    parser.add_argument("--detach", action="store_true", help="return once the cluster is up")
    args = parser.parse_args()
    if args.action == "start":
        return start(args.detach)
    if args.action == "stop":
        return stop()
    state = read_state()
    if not running(state):
        print("The cluster is not running.")
        return 1
    show(state)
    return 0


if __name__ == "__main__":
    sys.exit(main())
