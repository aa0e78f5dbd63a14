from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = "Quizzes"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "kind", "page", "pass_mark"]
    list_filter = ["kind"]
    search_fields = ["title"]
    search_backend_name = None  # plain ORM lookups: any query text, no full-text syntax errors
    ordering = ["page__path", "kind"]


register_snippet(QuizViewSet)
