from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Capstone


class CapstoneViewSet(SnippetViewSet):
    model = Capstone
    icon = "clipboard-list"
    menu_label = "Capstone"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "page"]


register_snippet(CapstoneViewSet)
