"""Every e-mail waits in the queue for the worker: a request never talks to the mail server,
a server that is down delays the message without losing it, and no message goes out twice."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from course.operations.email import send_email
from tests.mail_queue import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

WORKING = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def learner(django_user_model):
    return django_user_model.objects.create_user("reader", email="reader@example.com", password="x-long-pass-41")


def ask_for_reset(client, email="reader@example.com"):
    response = client.post(reverse("accounts:password_reset"), {"email": email})
    assert response.status_code == 302
    return response


def queued():
    return DBTaskResult.objects.filter(task_path=send_email.module_path)


def make_due():
    """Bring every deferred retry forward, as if its delay had passed."""
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))


def test_the_reset_email_waits_in_the_queue_then_the_worker_sends_it(client, learner):
    ask_for_reset(client)
    assert mail.outbox == []
    job = queued().get()
    assert job.status == TaskResultStatus.READY
    assert job.args_kwargs["args"][2] == ["reader@example.com"]
    run_worker()
    [message] = mail.outbox
    assert message.to == ["reader@example.com"]
    assert "/accounts/password/reset/" in message.body
    assert queued().get().status == TaskResultStatus.SUCCESSFUL


def test_with_the_worker_down_the_request_succeeds_and_the_email_goes_when_it_comes_up(client, learner):
    for _ in range(2):
        ask_for_reset(client)
    assert queued().filter(status=TaskResultStatus.READY).count() == 2
    assert mail.outbox == []
    run_worker()  # the worker comes up later and works through the backlog
    assert len(mail.outbox) == 2
    run_worker()
    assert len(mail.outbox) == 2


def test_a_mail_server_failure_is_retried_later_and_the_email_sent_once(client, learner, settings):
    settings.EMAIL_BACKEND = "tests.operations.mail_backends.MailServerDown"
    ask_for_reset(client)
    run_worker()
    assert mail.outbox == []
    failed, retry = queued().get(status=TaskResultStatus.FAILED), queued().get(status=TaskResultStatus.READY)
    assert "Connection refused" in failed.traceback
    assert retry.run_after - timezone.now() > timedelta(seconds=50)
    run_worker()  # the retry is not due yet
    assert mail.outbox == []

    settings.EMAIL_BACKEND = WORKING  # the server is back
    make_due()
    run_worker()
    make_due()
    run_worker()
    assert len(mail.outbox) == 1
    assert not queued().filter(status=TaskResultStatus.READY).exists()


def test_a_refused_address_is_not_retried(client, learner, settings):
    settings.EMAIL_BACKEND = "tests.operations.mail_backends.AddressRefused"
    ask_for_reset(client)
    run_worker()
    settings.EMAIL_BACKEND = WORKING
    make_due()
    run_worker()
    assert mail.outbox == []
    assert queued().get().status == TaskResultStatus.FAILED


def test_a_malformed_address_is_not_retried(settings):
    send_email.enqueue("Hello", "Text", ["not an address\nBcc: everyone@example.com"])
    run_worker()
    make_due()
    run_worker()
    assert mail.outbox == []
    assert queued().get().status == TaskResultStatus.FAILED


def test_an_error_after_the_server_took_the_message_does_not_send_it_again(client, learner, settings):
    settings.EMAIL_BACKEND = "tests.operations.mail_backends.FailsAfterSending"
    ask_for_reset(client)
    run_worker()
    make_due()
    run_worker()
    assert len(mail.outbox) == 1
    assert queued().get().status == TaskResultStatus.SUCCESSFUL


def test_a_request_that_fails_after_queueing_leaves_nothing_in_the_queue():
    from django.db import transaction

    from course.operations.email import queue_email

    with pytest.raises(RuntimeError), transaction.atomic():
        queue_email("Invitation", "Join us", ["a@example.com"])
        raise RuntimeError("the request failed after queueing")
    assert not queued().exists()


def test_html_and_headers_reach_the_message():
    send_email.enqueue("Hi", "Plain", ["a@example.com"], html="<p>Rich</p>", headers={"X-Test": "1"})
    run_worker()
    [message] = mail.outbox
    assert message.alternatives[0][0] == "<p>Rich</p>"
    assert message.extra_headers == {"X-Test": "1"}
