"""One-click unsubscribe from the weekly reviews-due e-mail, without signing in.

The link carries the account id signed with the secret key (django.core.signing, its own salt),
so only the mailbox that received it can use it; it does not expire, as an unsubscribe link
must keep working in old messages. A GET only shows a confirmation button: mail scanners and
link previews open links, and must not unsubscribe anyone. The POST (the button, or the mail
client's own RFC 8058 one-click request, which carries no cookie and no CSRF token) does it;
the signed token is what proves the request comes from the recipient, so the view is exempt
from the CSRF check.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

SALT = "course.accounts.review-reminder-unsubscribe"


class InvalidUnsubscribeLink(Exception):
    pass


def make_unsubscribe_token(user):
    return signing.dumps({"user": user.pk}, salt=SALT)


def unsubscribe_path(user):
    return reverse("accounts:unsubscribe", kwargs={"token": make_unsubscribe_token(user)})


def account_for_token(token):
    """The account a link was made for; InvalidUnsubscribeLink when altered or its account is gone."""
    try:
        user_id = signing.loads(token, salt=SALT)["user"]
    except (signing.BadSignature, KeyError, TypeError) as error:
        raise InvalidUnsubscribeLink from error
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        raise InvalidUnsubscribeLink
    return user


def unsubscribe(user):
    """Stop the weekly e-mail; a second click changes nothing."""
    return get_user_model().objects.filter(pk=user.pk, review_reminders=True).update(review_reminders=False) > 0
