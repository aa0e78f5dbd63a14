"""Spaced review: one card per question a learner missed. Learner data."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .leitner import FIRST_BOX, LAST_BOX


class ReviewCard(models.Model):
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_cards")
    question = models.ForeignKey("quiz.Question", on_delete=models.PROTECT, related_name="review_cards")
    box = models.PositiveSmallIntegerField(
        _("box"), default=FIRST_BOX, validators=[MinValueValidator(FIRST_BOX), MaxValueValidator(LAST_BOX)]
    )
    due_on = models.DateField(_("due on"))
    confident_miss = models.BooleanField(
        _("missed while sure"), default=False, help_text=_("The last miss was marked 'sure': reviewed first.")
    )
    # Seeds the option order and tokens of the card's next showing; changes after every answer.
    seed = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    last_reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("review card")
        constraints = [
            models.UniqueConstraint(fields=["learner", "question"], name="one_review_card_per_question"),
            models.CheckConstraint(condition=models.Q(box__gte=1, box__lte=5), name="review_box_1_to_5"),
        ]
        indexes = [models.Index(fields=["learner", "due_on"])]

    def __str__(self):
        return f"{self.learner_id}/{self.question_id}: box {self.box}, due {self.due_on}"


def due_cards(learner, on):
    """The learner's cards due on `on`, confident-but-wrong first, then oldest due. A retired
    question is no longer taught: its card rests (kept, not shown)."""
    return ReviewCard.objects.filter(learner=learner, due_on__lte=on, question__retired=False).order_by(
        "-confident_miss", "due_on", "pk"
    )


class ReviewReminder(models.Model):
    """One weekly reviews-due e-mail queued for a learner in one ISO week (e.g. "2026-W49").

    The unique row is written in the same transaction that queues the e-mail, so running
    `send_review_reminders` twice, or on two machines at once, still e-mails a learner at most
    once a week.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_reminders_sent"
    )
    week = models.CharField(_("ISO week"), max_length=8)
    cards_due = models.PositiveIntegerField(_("cards due"))
    queued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("review reminder")
        constraints = [models.UniqueConstraint(fields=["learner", "week"], name="one_review_reminder_per_week")]

    def __str__(self):
        return f"{self.learner_id}: {self.week}"
