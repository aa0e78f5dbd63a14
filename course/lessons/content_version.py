"""One number that changes whenever published course content changes.

Caches of course content (rendered anonymous pages, navigation, the course
structure) put it in their keys, so a publish invalidates them all at once,
in every process that shares the cache, without knowing their keys.

Reading the shared cache costs a round trip (Redis) or a file read (the file
cache), and a lesson page asks for a dozen cached things. So the version is
read once per request (`ContentVersionMiddleware`), and values cached under
a version are also kept in this process's memory (`operations/versioned.py`):
a version never repeats (a lost version restarts from the clock, not from 1),
so a value kept under it can never be stale.
"""

import time
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from course.operations.versioned import get_kept, keep, versioned_value

CONTENT_VERSION_KEY = "course-content-version"

# Per request, a one-slot list: the version once read (None before the first read).
_version_of_this_request = ContextVar("content_version_of_this_request", default=None)


def _new_version():
    # Unique even after the shared cache is flushed or restarted (Redis keeps nothing on disk).
    return time.time_ns()


def _read_version():
    return cache.get_or_set(CONTENT_VERSION_KEY, _new_version, timeout=None)


def content_version():
    slot = _version_of_this_request.get()
    if slot is None:  # outside a request
        return _read_version()
    if slot[0] is None:
        slot[0] = _read_version()
    return slot[0]


def bump_content_version(**kwargs):
    """Signal receiver: connect it to every change of course content."""
    _bump()
    # Changes are saved in a transaction: a request between this bump and the commit would
    # file the old rows under the new version. So bump again once they are committed.
    transaction.on_commit(_bump)


def _bump():
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # not set yet (or evicted): a new value will do
        cache.set(CONTENT_VERSION_KEY, _new_version(), timeout=None)
    slot = _version_of_this_request.get()
    if slot is not None:
        slot[0] = None  # the rest of this request sees the change too


def bump_when_saved_or_deleted(*models):
    """Connect bump_content_version to the saves and deletions of these content models."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(bump_content_version, sender=model, dispatch_uid=f"content-version-{signal!r}-{model!r}")


def get_versioned(name, version=None):
    """The value stored under `name` for this content version (None if there is none), from
    the worker's memory or the shared cache (`operations/versioned.py`). `version`: the one the
    caller read, so a value is never filed under a version newer than its data."""
    return get_kept(name, version or content_version())


def set_versioned(name, value, timeout, version=None):
    keep(name, value, timeout, version or content_version())


def cached_content(name, build, timeout=60 * 60):
    """`build()`'s result, cached until the content version changes.

    The value is shared by every request of this process: callers must not change it.
    """
    return versioned_value(name, build, timeout, content_version())


class ContentVersionMiddleware:
    """Read the content version at most once per request (first in MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _version_of_this_request.set([None])
        try:
            return self.get_response(request)
        finally:
            _version_of_this_request.reset(token)
