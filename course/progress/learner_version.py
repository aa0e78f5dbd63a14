"""One number per learner that changes whenever the learner's records change.

The dashboard keeps a learner's rendered record under it (and the content
version), so it is never stale and never needs a query to tell. Receivers bump
it on every write path of the app: a graded attempt (`attempt_graded`; the
grading itself is a conditional UPDATE that sends no post_save), and the saves
and deletions of attempts, lesson completions and certificates (admin
deletions and account deletion included). Bulk writes outside the app (tests,
`generate_learners`) send no signals: they start from a new learner or call
`bump_learner_version` themselves.
"""

import time

from django.core.cache import cache
from django.db import transaction


def _key(learner_id):
    return f"learner-version:{learner_id}"


def learner_version(learner_id):
    # A version lost from the cache restarts from the clock, never from an old number.
    return cache.get_or_set(_key(learner_id), time.time_ns, timeout=None)


def request_learner_version(request):
    """The signed-in learner's version, read from the cache once per request (the progress, the
    panels and the record of one page all file under it). Writers that go on to render the same
    request call `forget_request_learner_version` after bumping it."""
    if not hasattr(request, "_learner_version"):
        request._learner_version = learner_version(request.user.pk)
    return request._learner_version


def forget_request_learner_version(request):
    request.__dict__.pop("_learner_version", None)


def _bump(learner_id):
    cache.set(_key(learner_id), time.time_ns(), timeout=None)


def bump_learner_version(learner_id):
    """Bumped now (the rest of this request sees the change) and again once the transaction
    commits: a record built meanwhile from the rows before the commit is then filed under a
    version no one reads again."""
    _bump(learner_id)
    transaction.on_commit(lambda: _bump(learner_id))


def bump_for_instance(sender, instance, **kwargs):
    """post_save/post_delete receiver for models with a `learner_id`."""
    bump_learner_version(instance.learner_id)


def bump_for_graded_attempt(sender, attempt, **kwargs):
    bump_learner_version(attempt.learner_id)
