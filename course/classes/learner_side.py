"""What a learner sees of their classes: memberships, due dates in their time zone,
and feedback on their capstone answers.

The dashboard and the home page show them on every view, and they change only when the
learner's classes, their due dates, the feedback or the learner's time zone change, so
`learner_classes` keeps what they read (no query while warm) under the learner's version
(progress/learner_version.py), which receivers (receivers.py) bump on each of those writes,
and the content version (module titles and addresses). Due states ("due in 3 days", "late")
depend on the clock and the learner's progress, so they are worked out on every view.
"""

from dataclasses import dataclass

from django.utils import timezone

from wagtail.users.models import UserProfile

from course.lessons.content_version import content_version
from course.operations.versioned import versioned_value
from course.progress import rules
from course.progress.learner_version import learner_version

from .due import due_state, zone_named
from .models import CapstoneFeedback, Membership, ModuleDueDate

LEARNER_CLASSES_SECONDS = 24 * 60 * 60


@dataclass
class DueItem:
    module_id: int
    module_number: int
    module_title: str
    module_url: str
    class_name: str
    state: object  # DueState


def learner_zone(user):
    """The learner's time zone: the one chosen on the classes page (Wagtail's user
    profile holds it, as it does for the admin), else the site's."""
    profile = UserProfile.objects.filter(user=user).only("current_time_zone").first()
    return zone_named(profile.current_time_zone if profile else "")


def memberships_of(user):
    return list(Membership.objects.filter(learner=user).select_related("course_class").order_by("joined_at", "pk"))


def due_rows(user):
    """(module id, due moment, class name) of the learner's classes' due dates, soonest first: one query."""
    return list(
        ModuleDueDate.objects.filter(course_class__memberships__learner=user)
        .values_list("module_id", "due_at", "course_class__name")
        .order_by("due_at", "module_id")
    )


def due_items(user, progress, zone, now=None, rows=None):
    """Due dates of the learner's classes, soonest first, with their state: one query (none
    when `rows`, from `due_rows`, are given). A module due in two classes shows the earlier date."""
    now = now or timezone.now()
    rows = due_rows(user) if rows is None else rows
    items, seen = [], set()
    for module_id, due_at, class_name in rows:
        module = progress.module(module_id) if progress else None
        if module is None or module_id in seen:
            continue
        seen.add(module_id)
        done = module.state == rules.COMPLETE
        items.append(
            DueItem(module_id, module.number, module.title, module.url, class_name, due_state(due_at, now, zone, done))
        )
    return items


def feedback_for(user, capstone_id=None):
    """The feedback on the learner's capstone answers, newest first: one query."""
    feedback = CapstoneFeedback.objects.filter(learner=user).select_related("response__capstone", "prompt")
    if capstone_id is not None:
        feedback = feedback.filter(response__capstone_id=capstone_id)
    return list(feedback.order_by("prompt__sort_order", "pk") if capstone_id else feedback.order_by("-updated_at"))


@dataclass(frozen=True)
class LearnerClasses:
    class_names: tuple  # of the classes the learner is in, in the order joined
    due_rows: tuple  # due_rows(): empty outside any class
    zone_name: str  # the learner's chosen time zone ("" for the site's)
    feedback: tuple  # feedback_for(): CapstoneFeedback rows, newest first

    @property
    def zone(self):
        return zone_named(self.zone_name)


def read_learner_classes(user):
    """Up to four queries (memberships, feedback; due dates and time zone only for a learner in a class)."""
    memberships = memberships_of(user)
    zone_name = ""
    if memberships:
        profile = UserProfile.objects.filter(user=user).only("current_time_zone").first()
        zone_name = profile.current_time_zone if profile else ""
    return LearnerClasses(
        class_names=tuple(membership.course_class.name for membership in memberships),
        due_rows=tuple(due_rows(user)) if memberships else (),
        zone_name=zone_name,
        feedback=tuple(feedback_for(user)),
    )


def learner_classes(user, version=None):
    """The learner's classes, due dates, time zone and feedback, kept under the learner's version
    (`version` if the caller has read it) and the content version: no query while neither
    changed. Shared by the requests of this worker: callers must not change it."""
    key = f"learner-classes:{user.pk}:{version or learner_version(user.pk)}:{content_version()}"
    return versioned_value(key, lambda: read_learner_classes(user), LEARNER_CLASSES_SECONDS)
