"""`make examday`: N learners take one timed quiz through `make cluster`'s balancer.

    EXAM_USERS=2000 EXAM_SECONDS=480 EXAM_SIGNIN_RATE=3 EXAM_KILL_NODE_AT= python load/examday.py
    (make examday USERS=2000 SECONDS=480 SIGNIN_RATE=3 KILL_NODE_AT=)

Starts the cluster if it is not running (and stops it afterwards), makes the exam accounts
and the timed quiz (`prepare_exam`), runs load/examday_locustfile.py headless, measures the
CPU of each part of the machine while it runs, optionally kills app node 1 (SIGKILL, its
whole process group) KILL_NODE_AT seconds after the quiz opens, then checks the database
(`check_exam`: exactly one graded attempt per learner, every answer stored). Prints a
summary table (also in .cache/examday/summary.md); exits non-zero when a request failed
for good or a check failed. Requests that were retried after their node died are shown
but are not failures.
"""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cluster import nodes, run
from load.cpu import CpuSampler

OUT = nodes.ROOT / ".cache" / "examday"
USERS = int(os.environ.get("EXAM_USERS") or 2000)
SECONDS = int(os.environ.get("EXAM_SECONDS") or 480)
SIGNIN_RATE = float(os.environ.get("EXAM_SIGNIN_RATE") or 3)
OPEN_WINDOW = 60
KILL_NODE_AT = os.environ.get("EXAM_KILL_NODE_AT") or ""
ENDPOINT_ORDER = ["sign-in form", "sign in", "quiz page", "start -> quiz form", "autosave", "quiz form (reload)"]


def manage(*args):
    env = {**run.environment(), "DJANGO_SETTINGS_MODULE": "load.cluster_settings"}
    return subprocess.run(
        [nodes.PYTHON, "manage.py", *args], cwd=nodes.ROOT, env=env, capture_output=True, text=True, check=False
    )


def ensure_cluster():
    """True if this run started the cluster (and so stops it)."""
    if run.running(run.read_state()):
        return False
    subprocess.run([nodes.PYTHON, "cluster/run.py", "start", "--detach"], cwd=nodes.ROOT, check=True)
    return True


def kill_node_later(seconds, opened_file, killed):
    """SIGKILL node 1 `seconds` after the quiz opened (the locustfile writes the moment)."""
    while not opened_file.exists():
        time.sleep(1)
    time.sleep(max(0.0, float(opened_file.read_text()) + seconds - time.time()))
    state = run.read_state()
    node = next(part for part in state["processes"] if part["name"] == "node 1")
    if nodes.stop(node["pid"], node["started"], how=nodes.signal.SIGKILL, seconds=5):
        killed.append(
            f"node 1 (port {node['port']}, pid {node['pid']}) killed with SIGKILL {seconds:g} s after the quiz opened"
        )
        print(f"\n== {killed[-1]}", flush=True)


def endpoint_rows(stats_file):
    rows = json.loads(stats_file.read_text()) if stats_file.exists() else []

    def order(row):
        name = row["name"].removeprefix("(retried) ")
        known = ENDPOINT_ORDER.index(name) if name in ENDPOINT_ORDER else len(ENDPOINT_ORDER)
        return (name == "all requests", known, row["name"])

    return sorted(rows, key=order)


def summary(stats_file, cpu, check, killed, seconds, status):
    lines = [
        f"## Exam day: {USERS} learners, {SECONDS} s of answering, sign-ins at {SIGNIN_RATE:g}/s",
        "",
        f"Ran {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} for {seconds:.0f} s "
        f"on {os.cpu_count()} cores; {killed[0] if killed else 'no node killed'}.",
        "",
        "| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in endpoint_rows(stats_file):
        lines.append(
            f"| {row['name']} | {row['requests']} | {row['errors']} | {row['p50']:.0f} | {row['p95']:.0f} "
            f"| {row['p99']:.0f} | {row['max']:.0f} |"
        )
    lines += ["", *cpu.table(), "", "| check | result |", "| --- | --- |"]
    for name, value in check.get("counts", {}).items():
        lines.append(f"| {name} | {value} |")
    lines.append(f"| problems | {len(check.get('problems', []))} |")
    lines.append(
        f"| learners who opened the quiz | {check.get('opened', 0)} within {check.get('window', 0):.0f} s "
        f"(goal {OPEN_WINDOW} s, counted from the moment the quiz opened) |"
    )
    lines += ["", f"**{'PASSED' if status == 0 else 'FAILED'}**"]
    return "\n".join(lines)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    started_cluster = ensure_cluster()
    try:
        return exam(started_cluster)
    finally:
        if started_cluster:
            run.stop()


def exam(started_cluster):
    plan_file, results_file, check_file = OUT / "plan.json", OUT / "results.json", OUT / "check.json"
    stats_file, opened_file = OUT / "stats.json", OUT / "opened"
    for stale in (results_file, check_file, stats_file, opened_file):
        stale.unlink(missing_ok=True)
    print(f"== {USERS} exam accounts and the timed quiz", flush=True)
    prepared = manage("prepare_exam", "--learners", str(USERS), "--seconds", str(SECONDS), "--plan", str(plan_file))
    print(prepared.stdout.strip() or prepared.stderr, flush=True)
    if prepared.returncode:
        return 1
    ramp = USERS / SIGNIN_RATE
    opens_at = time.time() + 5 + ramp + 10
    # A cap, not the plan: locust stops once every learner has submitted. Sign-ins slower than
    # the rate asked for (a busy machine) push everything later, hence the room.
    run_time = int(3 * ramp + OPEN_WINDOW + 2 * SECONDS + 300)
    state = run.read_state()
    cpu = CpuSampler({part["name"]: part["pid"] for part in state["processes"]})
    cpu.start()
    killed = []
    if KILL_NODE_AT:
        threading.Thread(target=kill_node_later, args=(float(KILL_NODE_AT), opened_file, killed), daemon=True).start()
    print(
        f"== locust: {USERS} learners sign in over {ramp:.0f} s; the quiz opens in {opens_at - time.time():.0f} s "
        "(or once the last has signed in), "
        f"each opens it within {OPEN_WINDOW} s and answers for about {SECONDS} s (at most {run_time} s in all)",
        flush=True,
    )
    began = time.time()
    env = {
        **os.environ,
        "EXAM_PLAN": str(plan_file),
        "EXAM_RESULTS": str(results_file),
        "EXAM_STATS": str(stats_file),
        "EXAM_OPENS_AT": str(opens_at),
        "EXAM_OPENED": str(opened_file),
        "EXAM_OPEN_WINDOW": str(OPEN_WINDOW),
        "EXAM_SECONDS": str(SECONDS),
    }
    locust = subprocess.run(
        [
            str(nodes.VENV_BIN / "locust"), "-f", "load/examday_locustfile.py", "--headless",
            "--host", f"http://127.0.0.1:{state['balancer']}", "--users", str(USERS),
            "--spawn-rate", str(SIGNIN_RATE), "--run-time", f"{run_time}s", "--stop-timeout", "30",
            "--csv", str(OUT / "locust"), "--only-summary", "--loglevel", "WARNING",
        ],
        cwd=nodes.ROOT, env=env, check=False, stdout=(OUT / "locust.log").open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    elapsed = time.time() - began
    cpu.stop()
    print("== checking the database", flush=True)
    checked = manage("check_exam", "--plan", str(plan_file), "--results", str(results_file), "--json", str(check_file))
    print(checked.stdout.strip(), checked.stderr.strip(), sep="\n", flush=True)
    check = json.loads(check_file.read_text()) if check_file.exists() else {}
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    opened = [result["opened_after"] for result in results.values()]
    check["opened"], check["window"] = len(opened), (max(opened) - min(opened)) if opened else 0
    status = 1 if locust.returncode or checked.returncode else 0
    report = summary(stats_file, cpu, check, killed, elapsed, status)
    (OUT / "summary.md").write_text(report + "\n")
    print("\n" + report)
    if locust.returncode:
        print(f"\nlocust failed (exit {locust.returncode}): see {OUT / 'locust.log'} and locust_failures.csv")
    return status


if __name__ == "__main__":
    sys.exit(main())
