"""CPU use while the exam runs, per part of the machine, from /proc (Linux).

Every few seconds: the machine's busy share (/proc/stat), and the CPU seconds of each
process, grouped as the cluster's parts (their process groups: a gunicorn node with its
workers), PostgreSQL and Redis (by name), and everything else on the machine ("other":
other users' work shares these cores too)."""

import os
import threading
import time
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
BY_NAME = {"postgres": "postgresql", "redis-server": "redis", "locust": "locust"}


def machine_ticks():
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


def process_ticks(groups):
    """{part: CPU ticks} of every process now running, by process group or name."""
    totals = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        pgrp, ticks = int(fields[2]), int(fields[11]) + int(fields[12])  # utime + stime
        part = groups.get(pgrp) or BY_NAME.get(name) or ("locust" if "locust" in name else "other")
        totals[(part, int(entry.name))] = ticks
    return totals


class CpuSampler:
    def __init__(self, parts, every=5.0):
        self.groups = {pid: name for name, pid in parts.items()}
        self.every = every
        self.busy_shares = []
        self.used = {}  # part -> ticks used during the run
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self):
        self.began = time.time()
        self._thread.start()

    def stop(self):
        self._stop.set()
        self._thread.join()
        self.seconds = time.time() - self.began

    def _run(self):
        busy, total = machine_ticks()
        seen = process_ticks(self.groups)
        while not self._stop.wait(self.every):
            now_busy, now_total = machine_ticks()
            if now_total > total:
                self.busy_shares.append((now_busy - busy) / (now_total - total))
            busy, total = now_busy, now_total
            now = process_ticks(self.groups)
            for key, ticks in now.items():
                self.used[key[0]] = self.used.get(key[0], 0) + ticks - seen.get(key, 0)
            seen = now

    def table(self):
        cores = os.cpu_count()
        seconds = max(self.seconds, 1)
        shares = self.busy_shares or [0]
        lines = [
            f"CPU: the machine ({cores} cores) was {100 * sum(shares) / len(shares):.0f} % busy on average, "
            f"{100 * max(shares):.0f} % at the busiest {self.every:g} s; "
            f"load average (1 min) at the end {os.getloadavg()[0]:.1f}.",
            "",
            "| part | CPU seconds | share of the machine |",
            "| --- | ---: | ---: |",
        ]
        for part, ticks in sorted(self.used.items(), key=lambda item: -item[1]):
            used = ticks / TICKS
            lines.append(f"| {part} | {used:.0f} | {100 * used / (seconds * cores):.0f} % |")
        return lines
