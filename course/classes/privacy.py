"""Who may see whom: instructors see the learners of the classes they teach, superusers
everyone. Every admin view of a class or a learner goes through these, and answers
404 (not 403) otherwise: a class one does not teach is indistinguishable from none."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404

from .models import CourseClass, Membership


def class_for_instructor(user, class_id):
    return get_object_or_404(CourseClass.objects.taught_by(user), pk=class_id)


def learner_in_class(course_class, learner_id):
    return get_object_or_404(
        get_user_model().objects.filter(class_memberships__course_class=course_class), pk=learner_id
    )


def learners_visible_to(user):
    """The learners `user` may see individually: everyone for a superuser, else the members
    of the classes they teach."""
    users = get_user_model().objects.all()
    if user.is_superuser:
        return users
    return users.filter(class_memberships__course_class__in=CourseClass.objects.taught_by(user)).distinct()


def learner_class_ids(user, learner_ids):
    """{learner id: id of a class `user` teaches that the learner is in}: one query. For
    linking a learner in a report to their page in the class."""
    memberships = Membership.objects.filter(
        learner_id__in=learner_ids, course_class__in=CourseClass.objects.taught_by(user)
    ).order_by("-course_class_id")
    return dict(memberships.values_list("learner_id", "course_class_id"))


def class_poll_respondents(learner):
    """For quiz.polls: a learner in a class that keeps poll results within the class sees
    the answers of that class (of all such classes, if several); else everyone's (None)."""
    if not learner.is_authenticated:
        return None
    own = Membership.objects.filter(learner=learner, course_class__polls_within_class=True)
    if not own.exists():
        return None
    return Membership.objects.filter(course_class__in=own.values("course_class_id")).values("learner_id")
