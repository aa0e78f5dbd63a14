from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .facts_report import FactsDueReportView, can_review_facts
from .models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = "Glossary"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["term", "slug"]
    search_fields = ["term", "definition"]
    search_backend_name = None  # plain ORM lookups: the SQLite full-text backend fails on field-restricted searches
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)


class FactsDueMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review_facts(request.user)


@hooks.register("register_admin_urls")
def register_facts_due_report_urls():
    return [
        path("reports/facts-due/", FactsDueReportView.as_view(), name="lessons_facts_due"),
        path(
            "reports/facts-due/results/",
            FactsDueReportView.as_view(results_only=True),
            name="lessons_facts_due_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_facts_due_report_menu_item():
    return FactsDueMenuItem(
        _("Facts due for review"), reverse("lessons_facts_due"), name="facts-due", icon_name="date", order=150
    )
