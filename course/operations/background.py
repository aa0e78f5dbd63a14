"""Background jobs: one decorator for this site's queued work, with retries.

Django's tasks framework (the django-tasks backport) queues a job and runs it once; it has no
retry of its own. `background_job` makes a task on the "background" backend (settings.TASKS:
rows in the main database, run by `manage.py db_worker --backend background`) whose failure
queues the next attempt with a doubling delay, up to `max_attempts` runs in all. The failed run
stays recorded with its error, so nothing fails silently. A job must be safe to run again
(idempotent): a failure may come after part of its work was done.
"""

import functools
import logging
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from django_tasks import task
from django_tasks.base import Task

BACKEND = "background"

logger = logging.getLogger(__name__)


def background_job(
    *,
    max_attempts: int = 5,
    first_delay: timedelta = timedelta(seconds=30),
    permanent: tuple[type[BaseException], ...] = (),
    on_failure: Callable | None = None,
) -> Callable[[Callable], Task]:
    """Decorate a function of JSON-serialisable arguments as a retried background job.

    Exceptions in `permanent` are not retried (retrying cannot help: bad input, a deleted row).
    `on_failure(error, *args, retry_at=..., **kwargs)`, if given, is told of every failed run,
    with the moment of the next attempt or None when there is none, so a job that keeps its own
    status (a class export) can show it.
    """

    def decorate(function: Callable) -> Task:
        @functools.wraps(function)
        def run(*args, attempt: int = 1, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception as error:
                retry_at = None
                if attempt < max_attempts and not isinstance(error, permanent):
                    retry_at = timezone.now() + first_delay * (2 ** (attempt - 1))
                    job.using(run_after=retry_at).enqueue(*args, attempt=attempt + 1, **kwargs)
                if on_failure is not None:
                    _tell(on_failure, error, args, kwargs, retry_at)
                raise

        job = task(backend=BACKEND)(run)
        return job

    return decorate


def _tell(on_failure, error, args, kwargs, retry_at):
    # The job's own error is what the queue must record: a failing hook only logs.
    try:
        on_failure(error, *args, retry_at=retry_at, **kwargs)
    except Exception:
        logger.exception("The failure hook of a background job failed")


def enqueue_on_commit(job: Task, *args, **kwargs) -> None:
    """Queue `job` once the current transaction commits, so it never sees rows that were rolled back."""
    transaction.on_commit(functools.partial(job.enqueue, *args, **kwargs))
