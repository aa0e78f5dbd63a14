"""Joining and leaving classes, and adding learners by e-mail."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from course.operations.email import queue_email

from .models import CourseClass, Invitation, Membership, normalise_join_code


class JoinRefused(Exception):
    """A code that opens no class: the message says why, for the learner."""


def class_for_code(code, today=None):
    """The class a join code opens, or JoinRefused with the reason (wrong or expired)."""
    normalised = normalise_join_code(code)
    course_class = CourseClass.objects.filter(join_code=normalised).first() if normalised else None
    if course_class is None:
        raise JoinRefused(_("No class has this code. Check it with your instructor."))
    if course_class.has_ended(today):
        raise JoinRefused(
            _("The class “%(name)s” ended on %(date)s: its code no longer works.")
            % {"name": course_class.name, "date": date_format(course_class.ends_on)}
        )
    return course_class


@transaction.atomic
def join(learner, course_class):
    """(membership, True if new). Joining twice changes nothing; a pending invitation to
    the learner's address is used up."""
    membership, created = Membership.objects.get_or_create(course_class=course_class, learner=learner)
    if learner.email:
        Invitation.objects.filter(course_class=course_class, email__iexact=learner.email).delete()
    return membership, created


def leave(learner, course_class):
    """Leaving keeps the learner's work; only the membership goes."""
    return Membership.objects.filter(course_class=course_class, learner=learner).delete()[0] > 0


def join_url(request, course_class):
    return request.build_absolute_uri(reverse("classes:join_link", args=[course_class.join_code]))


def add_by_email(request, course_class, addresses):
    """Adds the learners with these addresses; invites by e-mail the addresses with no
    account. Returns (added, already_in, invited). The database writes and the queued
    invitations are one transaction: the worker sends them once it has committed."""
    User = get_user_model()
    added, already_in, invited, to_send = [], [], [], []
    with transaction.atomic():
        for address in addresses:
            users = list(User.objects.filter(email__iexact=address, is_active=True).order_by("pk"))
            for user in users:
                _membership, created = join(user, course_class)
                (added if created else already_in).append(user.email)
            if not users:
                invitation, created = Invitation.objects.update_or_create(
                    course_class=course_class,
                    email=address.lower(),
                    defaults={"invited_by": request.user, "sent_at": timezone.now()},
                )
                invited.append(invitation.email)
                to_send.append(invitation.email)
        join_path = reverse("classes:join_link", args=[course_class.join_code])
        links = {
            "link": request.build_absolute_uri(join_path),
            "signup_url": request.build_absolute_uri(f"{reverse('accounts:signup')}?{urlencode({'next': join_path})}"),
        }
        if to_send:
            queue_invitations(course_class, to_send, links, request.user)
    return added, already_in, invited


def queue_invitations(course_class, addresses, links, inviter):
    """One queued message per address (course/operations/email.py)."""
    context = {
        **links,
        "course_class": course_class,
        "code": course_class.join_code,
        "inviter": inviter.get_full_name() or inviter.username,
    }
    subject = _("You are invited to the class “%(name)s”") % {"name": course_class.name}
    body = render_to_string("classes/invitation_email.txt", context)
    for address in addresses:
        queue_email(subject, body, [address])
