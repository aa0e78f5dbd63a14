"""Keep each learner's cached classes (learner_side.learner_classes) current: every write of what
they show bumps the learner's version (progress/learner_version.py), now and again on commit.

- a membership joined or left, feedback given, changed or removed: that learner;
- a class renamed, a due date set, moved or removed: every learner of the class;
- a time zone chosen (Wagtail's user profile): that learner.

Deletions through querysets send post_delete for each row too (these receivers are connected),
and deleting a class deletes its memberships, so its learners are bumped one by one.
"""

from course.progress.learner_version import bump_learner_version

from .models import Membership


def bump_for_learner_row(sender, instance, **kwargs):
    """Membership, CapstoneFeedback: rows with a `learner_id`."""
    bump_learner_version(instance.learner_id)


def bump_class_learners(course_class_id):
    for learner_id in Membership.objects.filter(course_class_id=course_class_id).values_list("learner_id", flat=True):
        bump_learner_version(learner_id)


def bump_for_class(sender, instance, **kwargs):
    """CourseClass saved (its name shows on the dashboard)."""
    bump_class_learners(instance.pk)


def bump_for_due_date(sender, instance, **kwargs):
    bump_class_learners(instance.course_class_id)


def bump_for_profile(sender, instance, **kwargs):
    """Wagtail's UserProfile: the learner's time zone."""
    bump_learner_version(instance.user_id)
