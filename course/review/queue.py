"""The learner's review queue as every page shows it: the navigation's "Review (n due)",
the dashboard's "To review" list and the review page all read this one function, so
they always agree on how many cards are due and which come first.

It changes only when the learner's cards change, when the day changes, or when content
changes (a retired question's card rests), so it is kept in the cache under the learner's
card version (bumped on every write of their cards: `post_save`/`post_delete` receivers
and this app's two bulk writes, in receivers.py and views.py), the date and the content
version: signed-in pages read it with no query while it is warm. A request that page
privacy restricts (a password or group page it may not see) is counted afresh each time,
since what it may see is not part of the key. A version lost from the cache restarts from
the clock, never from an old queue.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Window
from django.utils import timezone

from course.lessons.content_version import content_version
from course.lessons.privacy import refused_pages

from .models import due_cards

SHOWN = 10
QUEUE_SECONDS = 24 * 60 * 60


def today():
    """The review clock; tests pass their own dates to the functions of leitner.py."""
    return timezone.localdate()


@dataclass(frozen=True)
class DueReviews:
    cards: list  # the first SHOWN due cards, in the order the review page serves them
    total: int  # how many are due in all


def _version_key(learner_id):
    return f"review-cards-version:{learner_id}"


def _cards_version(learner_id):
    return cache.get_or_set(_version_key(learner_id), time.time_ns, timeout=None)


def _bump(learner_id):
    cache.set(_version_key(learner_id), time.time_ns(), timeout=None)


def bump_cards_version(learner_id):
    """Call after writing a learner's cards. Bumped now (the rest of this request sees the
    change) and again once the transaction commits: a queue read meanwhile from the rows
    before the commit is then filed under a version no one reads again."""
    _bump(learner_id)
    transaction.on_commit(lambda: _bump(learner_id))


def bump_for_card(sender, instance, **kwargs):
    """post_save/post_delete receiver for ReviewCard."""
    bump_cards_version(instance.learner_id)


def _read(cards):
    first = list(cards.select_related("question__quiz").annotate(due_total=Window(Count("id")))[:SHOWN])
    return DueReviews(first, first[0].due_total if first else 0)


def queue_key(request):
    """The cache key of the signed-in learner's queue as of today and this content version, or
    None when page privacy hides some of their cards from this request (then nothing is cached).
    Fragments drawn from the queue (the navigation's count, the dashboard's list) are kept under
    it too, so they change exactly when the queue does. Worked out once per request."""
    if not hasattr(request, "_review_queue_key"):
        refused = refused_pages(request, "question__quiz__page")
        learner_id, on = request.user.pk, today()
        request._review_queue_scope = (on, refused)
        request._review_queue_key = (
            None
            if refused is not None
            else f"review-queue:{learner_id}:{_cards_version(learner_id)}:{on.isoformat()}:{content_version()}"
        )
    return request._review_queue_key


def due_reviews(request):
    """The signed-in learner's due cards (those under a page they may not see left out):
    at most one query per request, none while the cached queue is current."""
    if not hasattr(request, "_due_reviews"):
        key = queue_key(request)
        on, refused = request._review_queue_scope
        if key is None:
            request._due_reviews = _read(due_cards(request.user, on).exclude(refused))
        else:
            queue = cache.get(key)
            if queue is None:  # the query is composed only now: on a hit it would cost more than the read
                queue = _read(due_cards(request.user, on))
                cache.set(key, queue, QUEUE_SECONDS)
            request._due_reviews = queue
    return request._due_reviews


def forget_due_reviews(request):
    """After an answer moves a card: the next read counts again."""
    for name in ("_due_reviews", "_review_queue_key", "_review_queue_scope"):
        request.__dict__.pop(name, None)
