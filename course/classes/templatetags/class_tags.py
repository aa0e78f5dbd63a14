"""Classes on the learner's pages: the dashboard panel (classes, due dates, feedback,
join by code), due dates on the home page, feedback on the capstone page. Loaded by
templates of other apps; nothing below classes imports it."""

from django import template
from django.template.loader import render_to_string

from course.lessons.content_version import cached_content
from course.progress.learner_version import request_learner_version
from course.progress.standing import progress_for_request

from ..forms import JoinCodeForm
from ..learner_side import due_items, feedback_for, learner_classes

register = template.Library()


def _due(request, classes):
    """Due items of the learner's classes, their states as of now; none for a learner in no class."""
    if not classes.due_rows:
        return []
    return due_items(request.user, progress_for_request(request), classes.zone, rows=classes.due_rows)


def join_form_fields():
    """The join form's fields as HTML: the same for everyone (the CSRF token is outside them),
    so rendered once per content version rather than through the form templates on each view."""
    return cached_content(
        "classes-join-form-fields", lambda: render_to_string("includes/form.html", {"form": JoinCodeForm()})
    )


@register.inclusion_tag("classes/includes/dashboard_panel.html", takes_context=True)
def classes_panel(context):
    request = context["request"]
    classes = learner_classes(request.user, request_learner_version(request))
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "class_names": classes.class_names,
        "due": _due(request, classes),
        "feedback": classes.feedback,
        "join_form_fields": join_form_fields(),
    }


@register.inclusion_tag("classes/includes/due_list.html", takes_context=True)
def class_due_dates(context):
    request = context["request"]
    if not request.user.is_authenticated:
        return {"due": []}
    return {"due": _due(request, learner_classes(request.user, request_learner_version(request))), "heading": True}


@register.inclusion_tag("classes/includes/capstone_feedback.html", takes_context=True)
def capstone_feedback(context, capstone, response):
    request = context["request"]
    feedback = feedback_for(request.user, capstone_id=capstone.pk) if response else []
    return {"feedback": feedback, "response": response}
