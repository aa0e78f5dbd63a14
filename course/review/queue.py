"""The learner's review queue as every page shows it: the navigation's "Review (n due)",
the dashboard's "To review" list and the review page all read this one function, so
they always agree on how many cards are due and which come first."""

from dataclasses import dataclass

from django.db.models import Count, Window

from course.lessons.privacy import refused_pages

from .models import due_cards
from .receivers import today

SHOWN = 10


@dataclass(frozen=True)
class DueReviews:
    cards: list  # the first SHOWN due cards, in the order the review page serves them
    total: int  # how many are due in all


def due_reviews(request):
    """The signed-in learner's due cards (those under a page they may not see left out):
    one query per request, however many are due, computed once and shared."""
    if not hasattr(request, "_due_reviews"):
        cards = due_cards(request.user, today())
        if (refused := refused_pages(request, "question__quiz__page")) is not None:
            cards = cards.exclude(refused)
        first = list(cards.select_related("question__quiz").annotate(due_total=Window(Count("id")))[:SHOWN])
        request._due_reviews = DueReviews(first, first[0].due_total if first else 0)
    return request._due_reviews


def forget_due_reviews(request):
    """After an answer moves a card: the next read counts again."""
    request.__dict__.pop("_due_reviews", None)
