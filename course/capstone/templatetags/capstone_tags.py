from django import template

register = template.Library()


@register.filter
def index_of(items, index):
    return items[index]
