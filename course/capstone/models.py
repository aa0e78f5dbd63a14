"""The capstone scenario (content) and each learner's written answers (learner data)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import DraftStateMixin, Orderable, PreviewableMixin, RevisionMixin

from markdownx.models import MarkdownxField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from course.lessons.content_version import cached_content
from course.lessons.models import ImportedSnippetMixin

MAX_ANSWER_LENGTH = 5000


class Capstone(ImportedSnippetMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, ClusterableModel):
    page = models.OneToOneField("lessons.LessonPage", on_delete=models.CASCADE, related_name="capstone")
    title = models.CharField(_("title"), max_length=200)
    scenario = MarkdownxField(_("scenario"))
    content_source = models.CharField(max_length=255, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    # The revision the last import wrote: a later one is an admin edit (see course/importer/writing.py).
    imported_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="capstone")

    panels = [
        FieldPanel("title"),
        PageChooserPanel("page", "lessons.LessonPage"),
        FieldPanel("scenario"),
        InlinePanel("prompts", heading=_("Prompts"), label=_("Prompt"), min_num=1),
    ]

    class Meta:
        verbose_name = _("capstone")

    def __str__(self):
        return self.title

    def get_preview_template(self, request, mode_name):
        return "capstone/capstone_preview.html"


class CapstonePrompt(Orderable):
    capstone = ParentalKey(Capstone, on_delete=models.CASCADE, related_name="prompts")
    prompt = MarkdownxField(_("prompt"))
    model_answer = MarkdownxField(_("model answer"), help_text=_("Shown only after the learner submits."))

    panels = [FieldPanel("prompt"), FieldPanel("model_answer")]

    def __str__(self):
        return self.prompt[:80]


class CapstoneResponse(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="capstone_responses")
    capstone = models.ForeignKey(Capstone, on_delete=models.PROTECT, related_name="responses")
    answers = models.JSONField(default=dict, help_text=_("Prompt id -> the learner's answer."))
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "capstone"], name="one_capstone_response")]

    def __str__(self):
        return f"{self.learner} - {self.capstone}"


class CapstoneDraft(models.Model):
    """A learner's unsubmitted answers, saved as they type (or by the Save draft button).
    Kept until they submit, across sessions and logins; submitting removes it."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="capstone_drafts")
    capstone = models.ForeignKey(Capstone, on_delete=models.PROTECT, related_name="drafts")
    answers = models.JSONField(default=dict, help_text=_("Prompt id -> the learner's answer so far."))
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "capstone"], name="one_capstone_draft")]

    def __str__(self):
        return f"{self.learner} - {self.capstone} (draft)"


def capstone_of_page(page_id):
    """The capstone shown on a lesson page (None if it has none); one query per content version."""
    return cached_content(
        "capstones-by-page",
        lambda: {capstone.page_id: capstone for capstone in Capstone.objects.only("id", "page_id", "title")},
    ).get(page_id)
