"""Learner data: which lessons were opened and are done, and the certificate. Everything else about
progress is derived from these records and quiz attempts (see rules.py)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LessonCompletion(models.Model):
    class Via(models.TextChoices):
        CHECK = "check", _("Passed the lesson check")
        READ = "read", _("Marked as read")

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson = models.ForeignKey("lessons.LessonPage", on_delete=models.PROTECT, related_name="completions")
    via = models.CharField(max_length=10, choices=Via.choices)
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "lesson"], name="one_completion_per_lesson")]

    def __str__(self):
        return f"{self.learner} completed {self.lesson_id}"


class LessonVisit(models.Model):
    """The learner opened the lesson: written once, on the first visit, so a lesson read but
    not yet checked shows "In progress" rather than "Not started"."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_visits")
    lesson = models.ForeignKey("lessons.LessonPage", on_delete=models.PROTECT, related_name="visits")
    first_opened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "lesson"], name="one_visit_per_lesson")]

    def __str__(self):
        return f"{self.learner} opened {self.lesson_id}"


def new_certificate_code():
    # 128 bits of randomness: unguessable, short enough to type from paper.
    return secrets.token_hex(16)


class Certificate(models.Model):
    learner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificate")
    code = models.CharField(max_length=32, unique=True, default=new_certificate_code, editable=False)
    issued_at = models.DateTimeField(default=timezone.now)
    # As the learner was named when it was issued: a later change of display name leaves it as it is.
    name = models.CharField(_("name on the certificate"), max_length=255, blank=True)

    def __str__(self):
        return f"Certificate {self.code}"
