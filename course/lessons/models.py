"""The course as Wagtail pages: CourseHomePage > ModulePage > LessonPage, plus the glossary."""

from collections import defaultdict

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models, router
from django.db.models.functions import Lower
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, Page, PageViewRestriction, PreviewableMixin, RevisionMixin
from wagtail.search import index
from wagtail.url_routing import RouteResult

from markdownx.models import MarkdownxField
from modelcluster.fields import ParentalManyToManyField

from .blocks import LessonBodyBlock, MarkdownBlock
from .content_version import cached_content
from .glossary_marking import Glossary
from .markdown import render_markdown_document
from .page_cache import mark_cacheable
from .reading_time import reading_minutes, words_in_blocks
from .timeline import course_timeline


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class PublicPageMixin:
    """Pages that look the same to every anonymous visitor: their HTML may be
    served from the anonymous page cache (see page_cache.py)."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            mark_cacheable(response)
        return response

    def get_view_restrictions(self):
        if not any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def any_view_restrictions():
    """Wagtail checks privacy settings on every request (two queries); the course
    normally has none, which one cached query per content version can tell."""
    return cached_content("any-view-restrictions", lambda: PageViewRestriction.objects.exists())


def page_from_cached_row(model, page_id):
    """A live page of `model`, built with `Model.from_db` from its row as plain values cached
    per content version (which every publish, unpublish, move or deletion bumps): no query
    on a hit. StreamFields are kept as their stored JSON data (never a pickled StreamValue)."""

    def read_row():
        fields = model._meta.concrete_fields
        row = model.objects.live().filter(pk=page_id).values_list(*[field.attname for field in fields]).first()
        if row is None:
            return ()
        return tuple(
            value.get_prep_value() if isinstance(field, StreamField) else value
            for field, value in zip(fields, row, strict=True)
        )

    row = cached_content(f"page-row:{model._meta.label_lower}:{page_id}", read_row)
    if not row:
        return None
    return model.from_db(router.db_for_read(model), [field.attname for field in model._meta.concrete_fields], list(row))


def _page_link(page, **extra):
    return {"id": page.pk, "title": page.title, "url": page.url, **extra}


class ImportedPageMixin(models.Model):
    """Remembers which revision `load_course` wrote, so a later import can tell
    whether an instructor has edited the page since (and then leave it alone)."""

    content_source = models.CharField(max_length=255, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    imported_revision_id = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def edited_since_import(self):
        return self.imported_revision_id is not None and self.latest_revision_id != self.imported_revision_id


class ImportedSnippetMixin:
    """For snippets with revisions loaded from content/ (glossary terms, quizzes, capstones):
    `load_course` keeps the revision it wrote in `imported_revision`, and an instructor's
    later revision in the admin is never overwritten without --force. The model declares
    `_revisions`, a GenericRelation to Wagtail's Revision with its own query name."""

    @property
    def revisions(self):
        return self._revisions

    @property
    def edited_since_import(self):
        return self.imported_revision_id is not None and self.latest_revision_id != self.imported_revision_id


class GlossaryTerm(ImportedSnippetMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    term = models.CharField(_("term"), max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    definition = MarkdownxField(_("definition"))
    related = models.ManyToManyField("self", blank=True, symmetrical=True, verbose_name=_("related terms"))
    # The revision the last import wrote: a later one is an admin edit (see course/importer/writing.py).
    imported_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="glossary_term")

    panels = [FieldPanel("term"), FieldPanel("slug"), FieldPanel("definition"), FieldPanel("related")]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term"), index.SearchField("definition")]

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")

    def __str__(self):
        return self.term

    @property
    def anchor(self):
        return f"term-{self.slug}"

    @classmethod
    def current_glossary(cls):
        """Every live term, for the Markdown renderer to mark; cached until course content changes."""
        return cached_content(
            "glossary",
            lambda: Glossary.of(
                cls.objects.filter(live=True).order_by("term").values_list("term", "slug", "definition")
            ),
        )

    def get_preview_template(self, request, mode_name):
        return "lessons/glossary_term_preview.html"


class CourseHomePage(PublicPageMixin, ImportedPageMixin, Page):
    tagline = models.CharField(max_length=200, blank=True)
    introduction = MarkdownxField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("tagline"), FieldPanel("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["lessons.ModulePage", "lessons.GlossaryPage", "lessons.TimelinePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course home page")

    def route(self, request, path_components):
        """Find a live page by its whole path without a query (Wagtail's default walks the tree
        one level per query). The map of paths and each page's row are cached per content
        version; the page object is built afresh from the row for each request, so no request
        ever shares a page object with another."""
        if path_components:
            found = self.live_pages_by_path().get("/".join(path_components))
            if found is not None:
                content_type_id, page_id = found
                model = ContentType.objects.get_for_id(content_type_id).model_class()  # Django caches these
                page = page_from_cached_row(model, page_id)
                if page is not None:
                    return RouteResult(page)
        return super().route(request, path_components)

    def live_pages_by_path(self):
        def build():
            pages = Page.objects.live().descendant_of(self)
            prefix = len(self.url_path)
            return {
                page.url_path[prefix:].strip("/"): (page.content_type_id, page.pk)
                for page in pages.only("id", "url_path", "content_type_id")
            }

        return cached_content(f"live-pages-by-path:{self.pk}", build)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = cached_content(f"home-modules:{self.pk}", self.module_links)
        context["course_minutes"] = sum(module["minutes"] for module in context["modules"])
        return context

    def module_links(self):
        """Each live module with its reading time: the sum of its live lessons' (two queries)."""
        lessons = LessonPage.objects.live().descendant_of(self).only("path", "depth", "body")
        minutes = defaultdict(int)
        for lesson in lessons:
            minutes[lesson.path[: -Page.steplen]] += lesson.reading_minutes
        return [
            _page_link(module, number=module.number, summary=module.summary, minutes=minutes[module.path])
            for module in ModulePage.objects.child_of(self).live().order_by("path")
        ]


class ModulePage(PublicPageMixin, ImportedPageMixin, Page):
    number = models.PositiveSmallIntegerField(default=1, help_text=_("Orders the modules: 1, 2, 3..."))
    summary = models.TextField()
    objectives = models.TextField(help_text=_("One learning objective per line."))

    content_panels = [*Page.content_panels, FieldPanel("number"), FieldPanel("summary"), FieldPanel("objectives")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["lessons.CourseHomePage"]
    subpage_types = ["lessons.LessonPage"]

    class Meta:
        verbose_name = _("module page")

    @property
    def objective_list(self):
        return lines(self.objectives)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = cached_content(
            f"module-lessons:{self.pk}",
            lambda: [
                _page_link(
                    lesson,
                    number_label=f"{self.number}.{position}",
                    summary=lesson.summary,
                    minutes=lesson.reading_minutes,
                )
                for position, lesson in enumerate(LessonPage.objects.child_of(self).live().order_by("path"), start=1)
            ],
        )
        context["module_minutes"] = sum(lesson["minutes"] for lesson in context["lessons"])
        return context


class LessonPage(PublicPageMixin, ImportedPageMixin, Page):
    summary = models.TextField()
    objectives = models.TextField(help_text=_("One learning objective per line."))
    key_terms = ParentalManyToManyField(GlossaryTerm, blank=True, related_name="lessons")
    body = StreamField(LessonBodyBlock())
    sources = MarkdownxField(help_text=_("A Markdown list, one source per item."))
    facts_as_of = models.DateField(null=True, blank=True, help_text=_("When the changeable facts were checked."))
    review_by = models.DateField(null=True, blank=True, help_text=_("When an instructor should check them again."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("body"),
        FieldPanel("key_terms"),
        FieldPanel("sources"),
        MultiFieldPanel([FieldPanel("facts_as_of"), FieldPanel("review_by")], heading=_("Facts")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["lessons.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson page")

    @property
    def objective_list(self):
        return lines(self.objectives)

    @cached_property
    def headings(self):
        """Every heading in the body's Markdown blocks, in order (for the table of contents)."""
        found = []
        for block in self.body:
            if isinstance(block.block, MarkdownBlock):
                found.extend(render_markdown_document(block.value).headings)
        return found

    @cached_property
    def reading_minutes(self):
        """Minutes to read the body, from its text (see course.lessons.reading_time)."""
        return reading_minutes(words_in_blocks(self.body.raw_data))

    @property
    def table_of_contents(self):
        return [heading for heading in self.headings if heading.level == 2]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            context.update(self.surroundings())  # a draft may differ from what is live
        else:
            context.update(cached_content(f"lesson-surroundings:{self.pk}", self.surroundings))
        return context

    def surroundings(self):
        """Module, number, neighbours and key terms: three queries, cached per content version."""
        module = ModulePage.objects.ancestor_of(self).only("id", "title", "number", "path", "url_path").last()
        siblings = list(
            LessonPage.objects.sibling_of(self).live().order_by("path").only("id", "title", "path", "url_path")
        )
        position = next((i for i, lesson in enumerate(siblings) if lesson.pk == self.pk), 0)
        return {
            "module": _page_link(module, number=module.number) if module else None,
            "number_label": f"{module.number}.{position + 1}" if module else "",
            "previous_lesson": _page_link(siblings[position - 1]) if position > 0 else None,
            "next_lesson": _page_link(siblings[position + 1]) if position + 1 < len(siblings) else None,
            "key_terms": list(self.key_terms.all()),
        }


class GlossaryPage(PublicPageMixin, Page):
    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["lessons.CourseHomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("glossary page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = list(GlossaryTerm.objects.filter(live=True).prefetch_related("related").order_by(Lower("term"), "term"))
        groups = {}
        for term in terms:
            groups.setdefault(term.term[0].upper(), []).append(term)  # "ANZUS" after "Abandonment"
        context["term_groups"] = sorted(groups.items())
        return context


class TimelinePage(PublicPageMixin, Page):
    """Every dated event of the lessons' timeline blocks, in date order."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["lessons.CourseHomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("timeline page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["events"] = course_timeline(LessonPage.objects.live().descendant_of(self.get_parent()))
        return context
