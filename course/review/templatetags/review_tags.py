from django import template

from ..models import due_cards
from ..receivers import today

register = template.Library()


@register.simple_tag(takes_context=True)
def review_due_count(context):
    """How many review cards are due for the signed-in learner: one query (none for visitors)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return due_cards(user, today()).count()
