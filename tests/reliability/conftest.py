"""Fuzzing profiles, PostgreSQL-only marks, and running actions in threads at once.

Hypothesis profiles: 'ci' (selected when the CI environment variable is set: 300
examples per fuzz test, derandomised so a CI run is repeatable) and 'dev' (the
default: 100 random examples, so a local run stays quick). The profiles are used
by the fuzz tests here only (`@FUZZ`); other folders keep their own settings.

Why 300 in CI: derandomised, CI replays the same examples on every run, so what it
adds over the random local runs is breadth once, not new inputs each time; 300
examples reach every outcome each test tells apart (the `event`s: each status code,
valid and rejected trees) several times over, and the suite runs twice in CI (SQLite,
then PostgreSQL), where 1,000 examples of each test cost minutes of its 20.
"""

import os
import threading

from django.conf import settings
from django.db import connection

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Each example reuses the test's database and client: that is the point, not a mistake.
_SHARED = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
}
hypothesis_settings.register_profile("ci", max_examples=300, derandomize=True, database=None, **_SHARED)
hypothesis_settings.register_profile("dev", max_examples=100, **_SHARED)
FUZZ_PROFILE = "ci" if os.environ.get("CI") else "dev"
FUZZ = hypothesis_settings.get_profile(FUZZ_PROFILE)

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
postgres_only = pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (real concurrent transactions)")


def at_once(actions):
    """Run each action in its own thread, all released together; returns (results, errors)."""
    barrier = threading.Barrier(len(actions))
    results, errors = [], []

    def run(action):
        try:
            barrier.wait(timeout=10)
            results.append(action())
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors
