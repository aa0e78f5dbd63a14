from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def state_label(state):
    labels = {"complete": _("Complete"), "in_progress": _("In progress"), "not_started": _("Not started")}
    return labels.get(state, "")


@register.filter
def module_by_id(modules, module_id):
    return next((module for module in modules or [] if module.id == module_id), None)
