from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_forms import QuizAdminForm
from .deletion import UNPUBLISH_INSTEAD, page_learner_records, refusal_message, snippet_learner_records
from .models import Quiz
from .quality import saved_quiz_flags


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = "Quizzes"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "kind", "page", "pass_mark", "live"]
    list_filter = ["kind"]
    search_fields = ["title"]
    search_backend_name = None  # plain ORM lookups: any query text, no full-text syntax errors
    ordering = ["page__path", "kind"]
    edit_handler = ObjectList(Quiz.panels, base_form_class=QuizAdminForm)


register_snippet(QuizViewSet)


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


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_item_writing_flaws(request, instance):
    """The quiz is saved either way: flaws are advice for the instructor, shown as warnings."""
    if not isinstance(instance, Quiz):
        return
    for flag in saved_quiz_flags(instance):
        messages.warning(request, _("Item quality: %(flag)s") % {"flag": flag})
