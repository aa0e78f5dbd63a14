from django.contrib import messages
from django.shortcuts import redirect

from wagtail import hooks
from wagtail.models import Page

from .deletion import UNPUBLISH_INSTEAD, page_learner_records, refusal_message, snippet_learner_records


@hooks.register("before_delete_page")
def refuse_to_delete_pages_with_learner_records(request, page):
    count = page_learner_records(page)
    if count:
        messages.error(request, refusal_message(page.title, count, UNPUBLISH_INSTEAD))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_delete_snippet")
def refuse_to_delete_snippets_with_learner_records(request, instances):
    for instance in instances:
        count = snippet_learner_records(instance)
        if count:
            messages.error(request, refusal_message(str(instance), count, UNPUBLISH_INSTEAD))
            return redirect(f"wagtailsnippets_{instance._meta.app_label}_{instance._meta.model_name}:list")
    return None


@hooks.register("before_bulk_action")
def refuse_to_bulk_delete_pages_with_learner_records(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    for obj in objects:
        count = page_learner_records(obj) if isinstance(obj, Page) else 0
        if count:
            messages.error(request, refusal_message(obj.title, count, UNPUBLISH_INSTEAD))
            return redirect("wagtailadmin_explore", obj.get_parent().pk)
    return None
