from django import template

from ..models import Capstone, CapstoneResponse

register = template.Library()


@register.inclusion_tag("capstone/includes/capstone_panel.html", takes_context=True)
def capstone_panel(context, page):
    request = context["request"]
    capstone = Capstone.objects.filter(page=page).first()
    submitted = bool(
        capstone
        and request.user.is_authenticated
        and CapstoneResponse.objects.filter(capstone=capstone, learner=request.user).exists()
    )
    return {"capstone": capstone, "submitted": submitted, "request": request}


@register.filter
def index_of(items, index):
    return items[index]
