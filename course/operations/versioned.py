"""Values kept under keys that name exact versions: the one store behind every cache of the site.

A value is filed under a key and a version it was built from: the content version (bumped by
receivers on every publish; `lessons/content_version.py`), or, inside the key, a learner's version
or card version (bumped on every write of their records; `progress/learner_version.py`), the day.
Versions never repeat (a lost one restarts from the clock), so what is filed under a key and a
version never changes. Besides the shared cache (Django's cache, with its own `version=` key
versioning), each worker therefore keeps the most recently used values in its own memory, and a
warm page reads only the versions from the shared cache. Values that go stale are never asked for
again and fall out of memory as newer ones come in.
"""

import threading
from collections import OrderedDict

from django.core.cache import cache

# The course's own values (page rows, fragments, anonymous pages) are a few hundred; per-learner
# values (a few kB of HTML each) fill the rest, so an exam room of a few thousand learners stays
# in memory too. Worst case a few tens of MB per worker.
KEPT_IN_PROCESS = 10_000
_kept = OrderedDict()
_lock = threading.Lock()


def _remember(slot, value):
    with _lock:
        _kept[slot] = value
        _kept.move_to_end(slot)
        if len(_kept) > KEPT_IN_PROCESS:
            _kept.popitem(last=False)


def get_kept(key, version=None):
    """The value filed under `key` and `version` (None if there is none): from this worker's
    memory, else from the shared cache. The value is shared by the requests of this worker:
    callers must not change it."""
    slot = (key, version)
    with _lock:
        value = _kept.get(slot)
        if value is not None:
            _kept.move_to_end(slot)
            return value
    value = cache.get(key, version=version)
    if value is not None:
        _remember(slot, value)
    return value


def keep(key, value, timeout, version=None):
    cache.set(key, value, timeout, version=version)
    _remember((key, version), value)


def versioned_value(key, render, timeout, version=None):
    """`render()`'s result under `key` and `version`, which together must name every version the
    value depends on."""
    value = get_kept(key, version)
    if value is None:
        value = render()
        keep(key, value, timeout, version)
    return value
