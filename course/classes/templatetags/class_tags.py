"""Classes on the learner's pages: the dashboard panel (classes, due dates, feedback,
join by code), due dates on the home page, feedback on the capstone page. Loaded by
templates of other apps; nothing below classes imports it."""

from django import template

from course.progress.standing import progress_for_request

from ..forms import JoinCodeForm
from ..learner_side import due_items, feedback_for, learner_zone, memberships_of

register = template.Library()


def _due(request, memberships):
    """Due items of the learner's classes; no query at all for a learner in no class."""
    if not memberships:
        return []
    return due_items(request.user, progress_for_request(request), learner_zone(request.user))


@register.inclusion_tag("classes/includes/dashboard_panel.html", takes_context=True)
def classes_panel(context):
    request = context["request"]
    memberships = memberships_of(request.user)
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "memberships": memberships,
        "due": _due(request, memberships),
        "feedback": feedback_for(request.user),
        "join_form": JoinCodeForm(),
    }


@register.inclusion_tag("classes/includes/due_list.html", takes_context=True)
def class_due_dates(context):
    request = context["request"]
    if not request.user.is_authenticated:
        return {"due": []}
    return {"due": _due(request, memberships_of(request.user)), "heading": True}


@register.inclusion_tag("classes/includes/capstone_feedback.html", takes_context=True)
def capstone_feedback(context, capstone, response):
    request = context["request"]
    feedback = feedback_for(request.user, capstone_id=capstone.pk) if response else []
    return {"feedback": feedback, "response": response}
