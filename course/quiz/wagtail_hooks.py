from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_forms import QuizAdminForm
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


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_item_writing_flaws(request, instance):
    """The quiz is saved either way: flaws are advice for the instructor, shown as warnings."""
    if not isinstance(instance, Quiz):
        return
    for flag in saved_quiz_flags(instance):
        messages.warning(request, _("Item quality: %(flag)s") % {"flag": flag})
