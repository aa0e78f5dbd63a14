"""What a learner sees of their classes: memberships, due dates in their time zone,
and feedback on their capstone answers. Two queries for the dashboard panel."""

from dataclasses import dataclass

from django.utils import timezone

from wagtail.users.models import UserProfile

from course.progress import rules

from .due import due_state, zone_named
from .models import CapstoneFeedback, Membership, ModuleDueDate


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


def due_items(user, progress, zone, now=None):
    """Due dates of the learner's classes, soonest first, with their state: one query.
    A module due in two classes shows the earlier date."""
    now = now or timezone.now()
    rows = (
        ModuleDueDate.objects.filter(course_class__memberships__learner=user)
        .values_list("module_id", "due_at", "course_class__name")
        .order_by("due_at", "module_id")
    )
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
