"""How many review cards are due for a learner: counted once, then kept in the cache until
the learner's cards change.

The navigation shows the number on every signed-in page. It changes only when the learner's
cards change, when the day changes, or when content changes (a retired question's card
rests). So it is kept under the learner's card version (bumped on every write of their
cards: `post_save`/`post_delete` receivers and the two bulk writes of this app, in
receivers.py and views.py), the date and the content version. No query tells whether it
changed; a version lost from the cache restarts from the clock, never from an old number.
"""

import time

from django.core.cache import cache
from django.db import transaction

from course.lessons.content_version import content_version

from .models import due_cards

DUE_COUNT_SECONDS = 24 * 60 * 60


def _version_key(learner_id):
    return f"review-cards-version:{learner_id}"


def _cards_version(learner_id):
    return cache.get_or_set(_version_key(learner_id), time.time_ns, timeout=None)


def _bump(learner_id):
    cache.set(_version_key(learner_id), time.time_ns(), timeout=None)


def bump_cards_version(learner_id):
    """Call after writing a learner's cards. Bumped now (the rest of this request sees the
    change) and again once the transaction commits: a count made meanwhile from the rows
    before the commit is then filed under a version no one reads again."""
    _bump(learner_id)
    transaction.on_commit(lambda: _bump(learner_id))


def bump_for_card(sender, instance, **kwargs):
    """post_save/post_delete receiver for ReviewCard."""
    bump_cards_version(instance.learner_id)


def due_count(learner, on):
    """How many of the learner's cards are due on `on`: one query, then none until they change."""
    key = f"review-due:{learner.pk}:{_cards_version(learner.pk)}:{on.isoformat()}:{content_version()}"
    count = cache.get(key)
    if count is None:
        count = due_cards(learner, on).count()
        cache.set(key, count, DUE_COUNT_SECONDS)
    return count
