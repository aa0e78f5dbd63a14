"""Due dates as a learner sees them: pure functions of the due moment, now, and the
learner's time zone. Days count calendar days in that zone, so "due tomorrow" turns
into "due today" at the learner's midnight, not the server's."""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

DONE = "done"
OVERDUE = "overdue"
DUE_TODAY = "due_today"
DUE_SOON = "due_soon"  # within SOON_DAYS
UPCOMING = "upcoming"
SOON_DAYS = 7


@dataclass(frozen=True)
class DueState:
    state: str
    days: int  # calendar days from the learner's today to the due day (negative once past)
    local_due: datetime

    @property
    def label(self):
        if self.state == DONE:
            return _("Done")
        if self.state == OVERDUE:
            return _("Overdue")
        if self.state == DUE_TODAY:
            return _("Due today")
        if self.days == 1:
            return _("Due tomorrow")
        return ngettext("Due in %(days)d day", "Due in %(days)d days", self.days) % {"days": self.days}


def zone_named(name):
    """The time zone called `name`, or the site's when it is empty or unknown."""
    try:
        return ZoneInfo(name or settings.TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


def due_state(due_at, now, zone, done=False):
    """Where a learner stands against a due moment. Overdue as soon as the moment has
    passed (even late the same evening); work finished is done whenever it was."""
    local_due = due_at.astimezone(zone)
    days = (local_due.date() - now.astimezone(zone).date()).days
    if done:
        state = DONE
    elif now > due_at:
        state = OVERDUE
    elif days == 0:
        state = DUE_TODAY
    elif days <= SOON_DAYS:
        state = DUE_SOON
    else:
        state = UPCOMING
    return DueState(state, days, local_due)


def is_late(due_at, done_at, now):
    """Late work for the class grid: finished after the due moment, or not finished and past it."""
    if due_at is None:
        return False
    return done_at > due_at if done_at is not None else now > due_at
