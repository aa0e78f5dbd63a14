"""The weekly "reviews due" e-mail: opt-in, at most once per ISO week, with one-click unsubscribe.

`send_review_reminders` (the management command, run weekly by cron or a systemd timer) calls
`queue_reminders`. For each learner who ticked the e-mail on their profile, has a confirmed
address and has cards due, one transaction writes the week's `ReviewReminder` row and queues
the e-mail (course/operations/email.py); the row is unique per learner and week, so a second
run, or a run on another machine at the same time, queues nothing more.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from course.accounts.unsubscribe import unsubscribe_path
from course.operations.email import queue_email

from .models import ReviewReminder


@dataclass(frozen=True)
class ReminderRun:
    queued: int
    already_sent: int


def iso_week(day):
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def learners_with_reviews_due(today):
    """Opted-in active learners with a confirmed address, each with `cards_due` (> 0): one query."""
    due = Q(review_cards__due_on__lte=today, review_cards__question__retired=False)
    return (
        get_user_model()
        .objects.filter(review_reminders=True, is_active=True)
        .exclude(email="")
        .annotate(cards_due=Count("review_cards", filter=due))
        .filter(cards_due__gt=0)
        .order_by("pk")
    )


def reminder_message(learner, cards_due, base_url):
    unsubscribe_url = base_url + unsubscribe_path(learner)
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "name": learner.name_for_display,
        "cards_due": cards_due,
        "review_url": base_url + reverse("review:next"),
        "profile_url": base_url + reverse("accounts:profile"),
        "unsubscribe_url": unsubscribe_url,
    }
    subject = " ".join(render_to_string("review/email/reminder_subject.txt", context).split())
    body = render_to_string("review/email/reminder.txt", context)
    # RFC 8058: mail clients show an "Unsubscribe" button that POSTs to the link, no sign-in.
    headers = {"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return subject, body, headers


def queue_reminders(today=None, base_url=None):
    """Queue this week's reminder for every learner who should get one and has not yet."""
    today = today or timezone.localdate()
    base_url = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    week = iso_week(today)
    queued = already_sent = 0
    for learner in learners_with_reviews_due(today):
        with transaction.atomic():
            _reminder, created = ReviewReminder.objects.get_or_create(
                learner=learner, week=week, defaults={"cards_due": learner.cards_due}
            )
            if not created:
                already_sent += 1
                continue
            subject, body, headers = reminder_message(learner, learner.cards_due, base_url)
            queue_email(subject, body, [learner.email], headers=headers)
            queued += 1
    return ReminderRun(queued=queued, already_sent=already_sent)
