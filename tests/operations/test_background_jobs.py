"""Queued jobs run in the worker, and a failure is retried later, never lost and never run twice at once."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from course.operations.background import background_job, enqueue_on_commit

pytestmark = pytest.mark.django_db(transaction=True)

RUNS: list[str] = []


class BadInput(ValueError):
    pass


@background_job(max_attempts=3, first_delay=timedelta(seconds=60), permanent=(BadInput,))
def record(word: str, fail_times: int = 0) -> str:
    RUNS.append(word)
    if word == "bad":
        raise BadInput(word)
    if RUNS.count(word) <= fail_times:
        raise ConnectionError("the mail server did not answer")
    return word


@pytest.fixture(autouse=True)
def _fresh_runs():
    RUNS.clear()


def run_worker():
    call_command("db_worker", "--backend", "background", "--batch", "--no-startup-delay", "-v0")


def make_due():
    """Bring every deferred retry forward, as if its delay had passed."""
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))


def test_a_job_waits_in_the_queue_until_a_worker_runs_it():
    record.enqueue("reset")
    assert RUNS == []
    run_worker()
    assert RUNS == ["reset"]
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_a_failure_is_retried_later_with_a_growing_delay_then_succeeds():
    record.enqueue("reset", fail_times=2)
    run_worker()
    first_retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert timedelta(seconds=55) < first_retry.run_after - timezone.now() <= timedelta(seconds=60)
    run_worker()  # not due yet: nothing runs
    assert RUNS == ["reset"]
    make_due()
    run_worker()
    second_retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert second_retry.run_after - timezone.now() > timedelta(seconds=110)
    make_due()
    run_worker()
    assert RUNS == ["reset", "reset", "reset"]
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == [TaskResultStatus.FAILED, TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]


def test_retries_stop_after_the_last_attempt_and_the_failures_stay_recorded():
    record.enqueue("reset", fail_times=10)
    for _ in range(5):
        run_worker()
        make_due()
    assert RUNS == ["reset"] * 3
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 3
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_a_permanent_error_is_not_retried():
    record.enqueue("bad")
    run_worker()
    make_due()
    run_worker()
    assert RUNS == ["bad"]


def test_enqueue_on_commit_queues_nothing_when_the_transaction_rolls_back():
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_on_commit(record, "lost")
        raise RuntimeError("the request failed")
    assert not DBTaskResult.objects.exists()
    with transaction.atomic():
        enqueue_on_commit(record, "kept")
    assert DBTaskResult.objects.count() == 1


FAILURES: list[tuple[str, bool]] = []


def note_failure(error, word, *, retry_at):
    FAILURES.append((str(error), retry_at is not None))
    if word == "hook fails too":
        raise RuntimeError("the hook's own error")


@background_job(max_attempts=2, first_delay=timedelta(seconds=60), permanent=(BadInput,), on_failure=note_failure)
def watched(word: str) -> str:
    if word == "bad":
        raise BadInput(word)
    raise ConnectionError(word)


def test_on_failure_hears_of_each_failure_and_whether_another_attempt_follows():
    FAILURES.clear()
    watched.enqueue("down")
    run_worker()
    make_due()
    run_worker()
    assert FAILURES == [("down", True), ("down", False)]
    FAILURES.clear()
    watched.enqueue("bad")
    run_worker()
    assert FAILURES == [("bad", False)]


def test_a_failing_hook_does_not_hide_the_jobs_own_error():
    FAILURES.clear()
    watched.enqueue("hook fails too")
    run_worker()
    failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).get()
    assert "ConnectionError" in failed.exception_class_path
    assert FAILURES == [("hook fails too", True)]
