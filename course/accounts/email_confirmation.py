"""An e-mail address is recorded on an account only once the link sent to it is opened.

Sign-up and the profile's e-mail change both go through `send_confirmation`, which
answers the same way whether or not the address already belongs to an account: a
free address gets a confirmation link, a taken one a note to its owner. Nothing on
the page tells the visitor which, so the forms reveal no one's account.

The link carries the account and the address, signed with the secret key
(django.core.signing) and valid for CONFIRMATION_MAX_AGE: no table of pending
addresses to keep or clean. The message is queued for the background worker
(course/operations/email.py): a mail server that is down fails no sign-up.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse

from course.operations.email import queue_email

SALT = "course.accounts.email-confirmation"
CONFIRMATION_MAX_AGE = 3 * 24 * 60 * 60  # seconds: like the password reset link


class InvalidLink(Exception):
    pass


def account_with_email(email, exclude=None):
    accounts = get_user_model().objects.filter(email__iexact=email)
    if exclude is not None:
        accounts = accounts.exclude(pk=exclude.pk)
    return accounts.first()


def make_token(user, email):
    return signing.dumps({"user": user.pk, "email": email}, salt=SALT, compress=True)


def read_token(token):
    """(user id, e-mail) from a link; InvalidLink when it was altered or has expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is one
        raise InvalidLink from error
    return data["user"], data["email"]


def send_confirmation(request, user, email):
    """E-mail `email`: a link that records it on `user`, or, when another account already
    uses it, a note to that account's owner (who may have forgotten they have one)."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "user": user, "email": email}
    owner = account_with_email(email, exclude=user)
    if owner is not None:
        context.update(owner=owner, login_url=request.build_absolute_uri(reverse("accounts:login")))
        context["reset_url"] = request.build_absolute_uri(reverse("accounts:password_reset"))
        template = "accounts/email/address_has_an_account"
    else:
        path = reverse("accounts:confirm_email", kwargs={"token": make_token(user, email)})
        context["confirm_url"] = request.build_absolute_uri(path)
        template = "accounts/email/confirm_address"
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    queue_email(subject, render_to_string(f"{template}.txt", context), [email])
