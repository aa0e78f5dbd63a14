"""LTI 1.3: the platforms (LMSs) registered with this tool, the tool's own signing keys,
the accounts and classes launches create, and the grades sent back.

An LMS account is linked to a site account by (issuer, subject), never by e-mail: an
e-mail address the platform shares is not proof of owning the site account that has it.
An LMS course (issuer + deployment + context id) is a class (course.classes)."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def origin_of(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


class LTIPlatform(models.Model):
    """One registration of this tool in an LMS: what the LMS administrator copies from it."""

    name = models.CharField(_("name"), max_length=120, help_text=_("For you, e.g. “University Moodle”."))
    issuer = models.CharField(
        _("issuer (platform ID)"), max_length=255, help_text=_("The LMS's issuer, e.g. https://moodle.example.edu")
    )
    client_id = models.CharField(_("client ID"), max_length=255, help_text=_("The client ID the LMS gave this tool."))
    key_set_url = models.URLField(_("public keyset URL"), max_length=500)
    auth_login_url = models.URLField(_("authentication request URL"), max_length=500)
    auth_token_url = models.URLField(_("access token URL"), max_length=500)
    auth_audience = models.CharField(
        _("access token audience"),
        max_length=500,
        blank=True,
        help_text=_("Only if the LMS asks for one; usually empty (the access token URL is used)."),
    )
    deployment_ids = models.TextField(
        _("deployment IDs"), help_text=_("One per line: the deployment IDs the LMS shows for this tool.")
    )
    frame_origins = models.TextField(
        _("LMS web addresses"),
        blank=True,
        help_text=_(
            "One per line, e.g. https://school.instructure.com: the only sites allowed to show this course in a frame. "
            "Empty: the issuer's address."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("LTI platform")
        verbose_name_plural = _("LTI platforms")
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["issuer", "client_id"], name="one_registration_per_client")]

    def __str__(self):
        return self.name

    def deployment_id_list(self):
        return [line.strip() for line in self.deployment_ids.splitlines() if line.strip()]

    def allowed_frame_origins(self):
        origins = [origin_of(line.strip()) for line in self.frame_origins.splitlines() if line.strip()]
        return [origin for origin in origins if origin] or [origin for origin in [origin_of(self.issuer)] if origin]

    def clean(self):
        if not self.deployment_id_list():
            raise ValidationError({"deployment_ids": _("Enter at least one deployment ID.")})
        bad = [line for line in self.frame_origins.splitlines() if line.strip() and not origin_of(line.strip())]
        if bad:
            raise ValidationError({"frame_origins": _("Not a web address: %(line)s") % {"line": bad[0]}})


# Platforms cache a tool's key set; a day covers their caches and any token in flight.
KEY_GRACE_PERIOD = timedelta(days=1)


class ToolKeyQuerySet(models.QuerySet):
    def published(self, now=None):
        """The keys in the public key set: the current one and those retired within the grace
        period, so tokens signed just before a rotation still verify."""
        now = now or timezone.now()
        return self.filter(models.Q(retired_at__isnull=True) | models.Q(retired_at__gt=now - KEY_GRACE_PERIOD))

    def current(self):
        return self.filter(retired_at__isnull=True).order_by("-created_at", "-pk").first()


class ToolKey(models.Model):
    """An RSA key pair this tool signs with (deep-linking responses, service token requests).
    The private half never leaves the server: no view renders it."""

    kid = models.CharField(max_length=100, unique=True)
    private_key = models.TextField()
    public_key = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = ToolKeyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.kid


class LTIAccount(models.Model):
    """A site account as an LMS knows it: the platform's issuer and its user id (subject)."""

    issuer = models.CharField(max_length=255)
    subject = models.CharField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lti_accounts")
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="one_account_per_lms_user")]

    def __str__(self):
        return f"{self.subject} at {self.issuer}"


class LTIContext(models.Model):
    """An LMS course the tool was launched from, and the class it is on this site."""

    platform = models.ForeignKey(LTIPlatform, on_delete=models.CASCADE, related_name="contexts")
    issuer = models.CharField(max_length=255)
    deployment_id = models.CharField(max_length=255)
    context_id = models.CharField(max_length=255)
    course_class = models.OneToOneField("classes.CourseClass", on_delete=models.CASCADE, related_name="lti_context")
    memberships_url = models.URLField(max_length=500, blank=True)
    lineitems_url = models.URLField(max_length=500, blank=True)
    ags_scopes = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "deployment_id", "context_id"], name="one_class_per_lms_course")
        ]

    def __str__(self):
        return f"{self.context_id} at {self.issuer}"


class LineItem(models.Model):
    """A gradebook column in the LMS that a quiz's best score goes to."""

    context = models.ForeignKey(LTIContext, on_delete=models.CASCADE, related_name="line_items")
    quiz = models.ForeignKey("quiz.Quiz", on_delete=models.PROTECT, related_name="+")
    resource_link_id = models.CharField(max_length=255)
    url = models.URLField(
        max_length=500, blank=True, help_text="Empty until the grade job finds or makes the column in the LMS."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["context", "quiz", "resource_link_id"], name="one_line_item_per_link")
        ]

    def __str__(self):
        return self.url


class PostedScore(models.Model):
    """The score last accepted by the LMS for a learner in a line item: passback posts only
    when the learner's best differs, so a retried job never sends it twice."""

    line_item = models.ForeignKey(LineItem, on_delete=models.CASCADE, related_name="posted_scores")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(null=True)
    posted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["line_item", "learner"], name="one_posted_score_per_learner")]

    def __str__(self):
        return f"{self.learner_id}: {self.score}"
