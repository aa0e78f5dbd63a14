"""Classes: an instructor's group of learners, with join codes, co-instructors,
module due dates and feedback on capstone answers.

A class and its due dates are teaching arrangements; memberships and feedback are
learner data (exported with the learner's data, deleted with the account).
Feedback points at the learner's capstone answers with RESTRICT, Django's PROTECT
that still lets one deletion remove both: an answer with feedback cannot be
deleted on its own (by the capstone app, a script or the admin), but deleting the
learner's account removes the answer and its feedback together, because the
feedback also belongs to the learner (CASCADE)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O or 1/I/L: a code read aloud or copied from a slide is typed right.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8
MAX_FEEDBACK_LENGTH = 5000


def new_join_code():
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(text):
    """What a learner typed, as stored: upper case, without spaces or dashes."""
    return "".join(character for character in (text or "").upper() if character.isalnum())


class CourseClassQuerySet(models.QuerySet):
    def taught_by(self, user):
        """The classes `user` may see and manage: their own (as instructor or
        co-instructor); every class for a superuser; none for anyone else."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(instructors=user)


class CourseClass(models.Model):
    name = models.CharField(_("name"), max_length=120)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("After this day the join code and link stop working.")
    )
    join_code = models.CharField(_("join code"), max_length=16, unique=True, default=new_join_code, editable=False)
    instructors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("instructors"),
        related_name="classes_taught",
        blank=True,
        help_text=_("Everyone who teaches this class: they see its learners, their work and the class grid."),
    )
    polls_within_class = models.BooleanField(
        _("poll results from this class only"),
        default=False,
        help_text=_(
            "Learners of this class see the distribution of poll answers among their class, not the whole "
            "course (still hidden until five have answered)."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = CourseClassQuerySet.as_manager()

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="class_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.name

    def has_ended(self, today=None):
        return self.ends_on is not None and (today or timezone.localdate()) > self.ends_on


class Membership(models.Model):
    course_class = models.ForeignKey(CourseClass, on_delete=models.CASCADE, related_name="memberships")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="class_memberships")
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course_class", "learner"], name="one_membership_per_class")]

    def __str__(self):
        return f"{self.learner_id} in {self.course_class_id}"


class Invitation(models.Model):
    """An e-mail address an instructor added that had no account yet: the learner joins
    by the link in the e-mail once signed up (or signs in with that address)."""

    course_class = models.ForeignKey(CourseClass, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course_class", "email"], name="one_invitation_per_address")]

    def __str__(self):
        return f"{self.email} to {self.course_class_id}"


class ModuleDueDate(models.Model):
    """When a class should finish a module: shown to learners, never enforced."""

    course_class = models.ForeignKey(CourseClass, on_delete=models.CASCADE, related_name="due_dates")
    module = models.ForeignKey("lessons.ModulePage", on_delete=models.CASCADE, related_name="+")
    due_at = models.DateTimeField(_("due"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course_class", "module"], name="one_due_date_per_module")]

    def __str__(self):
        return f"{self.module_id} due {self.due_at:%Y-%m-%d %H:%M}"


class Verdict(models.TextChoices):
    MEETS_BRIEF = "meets", _("Meets the brief")
    ANOTHER_DRAFT = "redraft", _("Needs another draft")


class CapstoneFeedback(models.Model):
    """An instructor's comment on one answer (one prompt) of a learner's capstone."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="capstone_feedback")
    response = models.ForeignKey("capstone.CapstoneResponse", on_delete=models.RESTRICT, related_name="feedback")
    prompt = models.ForeignKey("capstone.CapstonePrompt", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="capstone_feedback_given"
    )
    comment = models.TextField(_("comment"), max_length=MAX_FEEDBACK_LENGTH)
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("capstone feedback")
        constraints = [models.UniqueConstraint(fields=["response", "prompt"], name="one_feedback_per_answer")]

    def __str__(self):
        return f"Feedback on {self.response_id}/{self.prompt_id}"


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class ClassExport(models.Model):
    """One download of the class grid that an instructor asked for, prepared by the background
    worker (classes/exports.py) and kept in the private "exports" storage until it is pruned.

    Derived data, not a learner record: it goes with its class, and with the instructor who
    asked for it (CASCADE; the file is deleted with the row, see exports.delete_file_with_row)."""

    course_class = models.ForeignKey(CourseClass, on_delete=models.CASCADE, related_name="exports")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file_format = models.CharField(_("format"), max_length=4, choices=ExportFormat.choices)
    # What the grid showed when the export was asked for: its columns (a module's lessons, or
    # the modules) and its order (grid.sort_rows).
    module = models.ForeignKey("lessons.ModulePage", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    sort = models.CharField(max_length=20, default="name")
    language = models.CharField(max_length=10, help_text="The headings' language: the instructor's at the time.")
    status = models.CharField(_("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    # A name in STORAGES["exports"], never in the public media storage; empty until ready.
    file_name = models.CharField(max_length=255, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)
    learner_count = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("class export")
        indexes = [models.Index(fields=["course_class", "requested_by", "-requested_at"], name="class_export_listing")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="ready") | ~Q(file_name=""), name="class_export_ready_has_a_file"
            )
        ]

    def __str__(self):
        return f"Export {self.pk} of class {self.course_class_id} ({self.file_format}, {self.status})"

    @property
    def download_name(self):
        """The name the instructor's browser saves it under: class, columns and the day it was made."""
        columns = f"-module-{self.module_id}" if self.module_id else ""
        day = timezone.localdate(self.finished_at or self.requested_at)
        return f"class-{self.course_class_id}-grid{columns}-{day:%Y-%m-%d}.{self.file_format}"
