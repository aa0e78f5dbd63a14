"""Template tags of the quiz app."""

from django import template

from ..preview import preview_paper

register = template.Library()


@register.simple_tag
def quiz_preview_paper(quiz):
    """The form of a quiz preview in the admin (models stay free of forms: no import loop)."""
    return preview_paper(quiz)
