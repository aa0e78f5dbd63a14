from django import template

from course.lessons.content_version import cached_content

from ..models import Capstone

register = template.Library()


def capstones_by_page():
    return {capstone.page_id: capstone for capstone in Capstone.objects.only("id", "page_id", "title")}


@register.inclusion_tag("capstone/includes/capstone_panel.html", takes_context=True)
def capstone_panel(context, page):
    request = context["request"]
    # No per-learner query here: the capstone page itself shows whether answers were submitted.
    capstone = cached_content("capstones-by-page", capstones_by_page).get(page.pk)
    return {"capstone": capstone, "request": request}


@register.filter
def index_of(items, index):
    return items[index]
