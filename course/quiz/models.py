"""Quizzes are course content (authored in the admin or loaded from content/);
attempts and responses are learner data that point at them."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import DraftStateMixin, Orderable, PreviewableMixin, RevisionMixin
from wagtail.search import index

from markdownx.models import MarkdownxField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from course.lessons.models import ImportedSnippetMixin, LessonPage, ModulePage
from course.lessons.navigation import page_links, section_title
from course.lessons.widgets import AdminMarkdownxWidget

from .question_types import QuestionType


class QuizKind(models.TextChoices):
    LESSON_CHECK = "lesson_check", _("Lesson check")
    MODULE_QUIZ = "module_quiz", _("Module quiz")


# Fewer answers than this and a poll's distribution stays hidden: a small count could identify someone.
POLL_MIN_RESPONDENTS = 5


class Confidence(models.TextChoices):
    SURE = "sure", _("Sure")
    GUESSING = "guessing", _("Guessing")


class AnswersShown(models.TextChoices):
    """When a review shows the correct answers and explanations (Moodle's review options)."""

    BY_KIND = "", _("As usual for the kind (lesson checks at once, module quizzes once passed)")
    AT_ONCE = "at_once", _("At once, after each attempt")
    ONCE_PASSED = "once_passed", _("Only once the quiz is passed (or after the attempts set below)")


# Module quizzes test what was learnt: a short wait between attempts stops answer-fishing.
DEFAULT_MODULE_RETAKE_MINUTES = 5
# A module quiz draws its paper from a pool at least this many times its length.
MIN_POOL_RATIO = 1.5


class Quiz(ImportedSnippetMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, ClusterableModel):
    """Revisions carry the questions and choices (ParentalKeys): a draft edit stays in its
    revision, and the live rows learners read change only when it is published."""

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=QuizKind.choices, default=QuizKind.LESSON_CHECK)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="quizzes",
        help_text=_("The lesson a check belongs to, or the module a module quiz belongs to."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    shuffle = models.BooleanField(_("shuffle questions and choices"), default=True)
    draw_count = models.PositiveSmallIntegerField(
        _("questions drawn"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty to ask every question; otherwise this many are drawn at random."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    answers_shown = models.CharField(
        _("correct answers and explanations shown"),
        max_length=20,
        choices=AnswersShown.choices,
        blank=True,
        default=AnswersShown.BY_KIND,
        help_text=_("Right or wrong per question and the link to the section that teaches it are always shown."),
    )
    answers_after_attempts = models.PositiveSmallIntegerField(
        _("or after this many attempts"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Leave empty to show answers only once the quiz is passed."),
    )
    retake_after_minutes = models.PositiveSmallIntegerField(
        _("minimum minutes between attempts"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(10080)],
        help_text=_("Leave empty for the usual: %(n)s minutes for a module quiz, none for a lesson check.")
        % {"n": DEFAULT_MODULE_RETAKE_MINUTES},
    )
    content_source = models.CharField(max_length=255, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    imported_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The revision the last import wrote: any later revision is an admin edit (draft or published).
    imported_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="quiz")

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), PageChooserPanel("page", ["lessons.LessonPage", "lessons.ModulePage"])]),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("shuffle"),
                FieldPanel("draw_count"),
                FieldPanel("time_limit_minutes"),
            ],
            heading=_("Rules"),
        ),
        MultiFieldPanel(
            [FieldPanel("answers_shown"), FieldPanel("answers_after_attempts"), FieldPanel("retake_after_minutes")],
            heading=_("Review and retakes"),
        ),
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [models.UniqueConstraint(fields=["page", "kind"], name="one_quiz_of_a_kind_per_page")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        # Progress records a passed lesson check as that lesson's completion: the page type must match the kind.
        expected = LessonPage if self.kind == QuizKind.LESSON_CHECK else ModulePage
        if self.page_id and not issubclass(self.page.specific_class, expected):
            raise ValidationError(
                {"page": _("A lesson check belongs to a lesson page, and a module quiz to a module page.")}
            )

    @property
    def shows_answers_at_once(self):
        if self.answers_shown:
            return self.answers_shown == AnswersShown.AT_ONCE
        return self.kind == QuizKind.LESSON_CHECK

    def shows_answers(self, passed, attempts_submitted):
        """May a learner who has (`passed`) and has submitted `attempts_submitted` attempts
        see the correct answers and explanations? Module quizzes: not while fishing for them."""
        if self.shows_answers_at_once or passed:
            return True
        return self.answers_after_attempts is not None and attempts_submitted >= self.answers_after_attempts

    @property
    def retake_interval(self):
        minutes = self.retake_after_minutes
        if minutes is None:
            minutes = DEFAULT_MODULE_RETAKE_MINUTES if self.kind == QuizKind.MODULE_QUIZ else 0
        return timedelta(minutes=minutes)

    def current_questions(self):
        """The questions a new paper draws from: not retired, in authored order."""
        return self.questions.filter(retired=False).order_by("sort_order", "pk")

    def get_preview_template(self, request, mode_name):
        return "quiz/quiz_preview.html"

    def get_preview_context(self, request, mode_name):
        # The template builds the paper ({% quiz_preview_paper %}): models do not import forms.
        return {**super().get_preview_context(request, mode_name), "quiz": self}


class Question(ClusterableModel, Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    key = models.CharField(
        _("key"), max_length=40, blank=True, help_text=_("Stable name in the content file; never reuse one.")
    )
    retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_("Kept for the attempts that asked it, left out of new papers. Retire instead of deleting."),
    )
    type = models.CharField(_("type"), max_length=20, choices=QuestionType.choices, default=QuestionType.SINGLE)
    prompt = MarkdownxField(_("prompt"))
    explanation = MarkdownxField(
        _("explanation"), help_text=_("Shown after submitting: why the right answer is right.")
    )
    points = models.PositiveSmallIntegerField(_("points"), default=1, validators=[MinValueValidator(1)])
    section_page = models.ForeignKey(
        "lessons.LessonPage",
        verbose_name=_("lesson that teaches it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    section_anchor = models.CharField(_("section anchor"), max_length=120, blank=True)
    correct_boolean = models.BooleanField(_("correct answer (true/false)"), null=True, blank=True)
    accepted_answers = models.TextField(
        _("accepted answers (short answer)"), blank=True, help_text=_("One accepted answer per line.")
    )
    correct_number = models.FloatField(_("correct number (numeric)"), null=True, blank=True)
    tolerance = models.FloatField(_("tolerance (numeric)"), default=0, validators=[MinValueValidator(0)])
    facts_as_of = models.DateField(null=True, blank=True)
    review_by = models.DateField(null=True, blank=True)
    poll_note = MarkdownxField(
        _("poll note"),
        blank=True,
        help_text=_("Polls only: shown after answering, the positions states or scholars take."),
    )

    panels = [
        FieldRowPanel([FieldPanel("type"), FieldPanel("points"), FieldPanel("retired")]),
        # The admin's editor: markdownx, also started in questions added after page load.
        FieldPanel("prompt", widget=AdminMarkdownxWidget),
        InlinePanel(
            "choices",
            heading=_("Choices"),
            label=_("Choice"),
            help_text=_(
                "Single and multiple choice: tick the right ones. Ordering: list the items in the right "
                "order. Matching: give each item the text it pairs with."
            ),
        ),
        FieldRowPanel([FieldPanel("correct_boolean"), FieldPanel("correct_number"), FieldPanel("tolerance")]),
        FieldPanel("accepted_answers"),
        FieldPanel("explanation", widget=AdminMarkdownxWidget),
        FieldPanel("poll_note", widget=AdminMarkdownxWidget),
        FieldRowPanel([PageChooserPanel("section_page", "lessons.LessonPage"), FieldPanel("section_anchor")]),
        FieldRowPanel([FieldPanel("facts_as_of"), FieldPanel("review_by")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")

    def __str__(self):
        return f"{self.prompt[:80]} (retired)" if self.retired else self.prompt[:80]

    @property
    def is_poll(self):
        return self.type == QuestionType.POLL

    @property
    def accepted_answer_list(self):
        return [line.strip() for line in self.accepted_answers.splitlines() if line.strip()]

    @property
    def section_url(self):
        """Where the course teaches this: the live section page, at the heading's anchor."""
        page_url, _title = self._section_page_link
        if not page_url:
            return ""
        return f"{page_url}#{self.section_anchor}" if self.section_anchor else page_url

    @property
    def section_title(self):
        """The heading the question links to, by name (the lesson's title without an anchor)."""
        return section_title(self.section_page_id, self.section_anchor) if self.section_page_id else ""

    @property
    def section_lesson_title(self):
        """The lesson's title alone: where the heading's own words could give the answer away."""
        return self._section_page_link[1]

    @property
    def _section_page_link(self):
        return page_links().get(self.section_page_id, ("", ""))


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    key = models.CharField(_("key"), max_length=40, blank=True)
    text = models.CharField(_("text"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)
    match_text = models.CharField(_("pairs with (matching)"), max_length=300, blank=True)
    retired = models.BooleanField(_("retired"), default=False, help_text=_("Left out of new papers."))

    panels = [
        FieldRowPanel([FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("match_text"), FieldPanel("retired")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("choice")

    def __str__(self):
        return f"{self.text} (retired)" if self.retired else self.text


class Attempt(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    # PROTECT toward content: deleting a quiz never deletes what learners did (see wagtail_hooks).
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    seed = models.BigIntegerField(help_text=_("Seeds this attempt's question draw and choice order."))
    question_ids = models.JSONField(default=list, help_text=_("The questions of this attempt, in order."))
    paper = models.JSONField(
        default=list,
        blank=True,
        help_text=_(
            "The questions as presented when the attempt opened (see snapshot.py): review and grading read it."
        ),
    )
    started_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.FloatField(null=True, blank=True, help_text=_("Per cent of points earned."))
    passed = models.BooleanField(null=True)
    timed_out = models.BooleanField(default=False)
    draft = models.JSONField(
        default=dict,
        blank=True,
        help_text=_("While open: the answers saved so far, as the quiz form posted them (input name -> values)."),
    )
    draft_saved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["learner", "quiz"]), models.Index(fields=["quiz", "submitted_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "quiz"], condition=Q(submitted_at__isnull=True), name="one_open_attempt_per_quiz"
            )
        ]

    def __str__(self):
        return f"{self.learner} - {self.quiz} ({self.started_at:%Y-%m-%d %H:%M})"

    @property
    def is_submitted(self):
        return self.submitted_at is not None


class Response(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="responses")
    answer = models.JSONField(null=True, blank=True, help_text=_("The answer as given."))
    credit = models.FloatField(validators=[MinValueValidator(0), MaxValueValidator(1)])
    confidence = models.CharField(
        _("confidence"), max_length=10, choices=Confidence.choices, blank=True, help_text=_("Lesson checks only.")
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="one_response_per_question")]

    def __str__(self):
        return f"{self.attempt_id}/{self.question_id}: {self.credit:.2f}"
