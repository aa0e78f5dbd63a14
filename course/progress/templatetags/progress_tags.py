from django import template

from ..standing import progress_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def course_progress(context):
    """The signed-in learner's progress, computed once per request."""
    return progress_for_request(context["request"])


@register.inclusion_tag("progress/includes/lesson_status.html", takes_context=True)
def lesson_status(context, lesson):
    progress = course_progress(context)
    return {
        "request": context["request"],
        "lesson": lesson,
        "info": progress.lesson(lesson.pk) if progress else None,
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def state_label(state):
    return {"complete": "Complete", "in_progress": "In progress", "not_started": "Not started"}.get(state, "")


@register.filter
def module_by_id(modules, module_id):
    return next((module for module in modules or [] if module.id == module_id), None)
