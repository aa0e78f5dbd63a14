from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

# Learners made up by `generate_learners` (devtools; `make run` adds 30): they fill the
# instructors' reports for a demo but are kept out of every figure learners see (polls).
SYNTHETIC_USERNAME_PREFIX = "synthetic-"


class User(AbstractUser):
    """A learner, instructor or administrator.

    `display_name` is the name printed on the certificate; it falls back to the
    full name, then the username.
    """

    display_name = models.CharField(
        _("display name"),
        max_length=120,
        blank=True,
        help_text=_("The name printed on your certificate."),
    )

    # Opt-in (off until the learner ticks it on their profile); the weekly e-mail itself is the
    # review app's (send_review_reminders), its unsubscribe link is accounts' (unsubscribe.py).
    review_reminders = models.BooleanField(
        _("weekly reviews-due e-mail"),
        default=False,
        help_text=_("Once a week, when you have questions due for review. Every e-mail has a link to stop them."),
    )

    @property
    def name_for_display(self):
        return self.display_name or self.get_full_name() or self.username
