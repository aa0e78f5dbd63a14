"""Values (mostly rendered HTML) kept under keys that name exact versions.

A per-learner value (the navigation's links with the reviews due, the dashboard's record and
lists) is filed under a key holding the learner's id and the versions it was built from: the
learner's version or card version (bumped by receivers on every write of their records), the
content version, the day. Versions never repeat (a lost one restarts from the clock), so what is
filed under a key never changes: besides the shared cache, each worker keeps the most recently
used values in its own memory, and a warm page reads only the versions from the shared cache.
"""

import threading
from collections import OrderedDict

from django.core.cache import cache

KEPT_IN_PROCESS = 500  # a fragment is a few kB, the dashboard's record a few tens
_kept = OrderedDict()
_lock = threading.Lock()


def versioned_value(key, render, timeout):
    """`render()`'s result under `key`, which must name every version it depends on. The value is
    shared by the requests of this worker: callers must not change it."""
    with _lock:
        html = _kept.get(key)
        if html is not None:
            _kept.move_to_end(key)
            return html
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, timeout)
    with _lock:
        _kept[key] = html
        if len(_kept) > KEPT_IN_PROCESS:
            _kept.popitem(last=False)
    return html
