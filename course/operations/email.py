"""Every e-mail the site sends goes through the background queue, never from the request.

A request renders the message and queues `send_email` with its text (subject, body, optional
HTML, one recipient list, extra headers); the worker (`manage.py db_worker --backend
background`) sends it. So a slow or unreachable mail server never slows or fails a page, and a
message that could not be sent is retried with a growing delay instead of being lost.

The queue row holds exactly what the message needs and nothing else: the rendered text and the
address. It stays until `prune_db_task_results` removes finished rows (docs/architecture.md,
"Background work"), so a password reset link sits in the database until then; it expires with
PASSWORD_RESET_TIMEOUT and anyone who can read that table can read the accounts anyway.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection

from .background import background_job

logger = logging.getLogger(__name__)

# Retrying cannot help these: the server refused the address, or the address or a header is
# malformed (Django raises ValueError for both; BadHeaderError is one).
UNDELIVERABLE = (smtplib.SMTPRecipientsRefused, ValueError)


@background_job(max_attempts=6, first_delay=timedelta(minutes=1), permanent=UNDELIVERABLE)
def send_email(
    subject: str, body: str, to: list[str], html: str | None = None, headers: dict[str, str] | None = None
) -> int:
    """Send one message; a connection or SMTP error is retried (1, 2, 4, 8, 16 minutes later).

    The connection is opened before and closed after the message on purpose: once the server
    has taken the message, an error while saying goodbye must not fail the job, or its retry
    would send the message a second time.
    """
    message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, to, headers=headers or {})
    if html:
        message.attach_alternative(html, "text/html")
    connection = get_connection()
    connection.open()
    try:
        sent = connection.send_messages([message])
    finally:
        try:
            connection.close()
        except Exception:
            logger.warning("The mail server failed while closing the connection after a message", exc_info=True)
    return sent or 0


def queue_email(subject, body, to, *, html=None, headers=None):
    """Queue a message for the worker, as part of the current transaction.

    The queue is a table in the main database, so the row is written with the change that
    causes the message: a rolled-back request queues nothing, a committed one cannot lose its
    message in between, and the worker sees the row only once it is committed. (With a queue
    outside the database this would be `background.enqueue_on_commit`.)
    """
    send_email.enqueue(subject, body, list(to), html=html, headers=headers)
