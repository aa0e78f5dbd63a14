"""The weekly reviews-due e-mail: opt-in, only with cards due, at most once per ISO week, and a
one-click unsubscribe that a mail scanner's GET cannot trigger."""

import io
import re
from datetime import date, timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from course.accounts.unsubscribe import account_for_token, make_unsubscribe_token
from course.quiz.models import Question
from course.review.models import ReviewCard, ReviewReminder
from course.review.reminders import iso_week, queue_reminders
from tests.mail_queue import delivered_mail

pytestmark = pytest.mark.django_db


def give_cards(learner, check, due_in_days=0, today=None):
    today = today or timezone.localdate()
    for question in Question.objects.filter(quiz=check):
        ReviewCard.objects.create(learner=learner, question=question, due_on=today + timedelta(days=due_in_days))


def opt_in(*learners):
    for learner in learners:
        learner.review_reminders = True
        learner.save(update_fields=["review_reminders"])


def unsubscribe_url(learner):
    return f"/accounts/unsubscribe/{make_unsubscribe_token(learner)}/"


def unsubscribes(text, learner):
    """True when `text` holds an unsubscribe link for `learner`. The token is signed with a time
    stamp, so one made a second later differs: compare whom the link names, not its text."""
    tokens = re.findall(r"/accounts/unsubscribe/([^/\s>]+)/", text)
    return bool(tokens) and all(account_for_token(token) == learner for token in tokens)


def test_the_reminder_is_off_until_the_learner_ticks_it_on_the_profile(login, learner):
    assert learner.review_reminders is False
    client = login(learner)
    page = client.get("/accounts/profile/").content.decode()
    assert 'name="review_reminders"' in page and "checked" not in page.split('name="review_reminders"')[1][:40]
    client.post("/accounts/profile/", {"display_name": "", "email": "learner@example.com", "review_reminders": "on"})
    learner.refresh_from_db()
    assert learner.review_reminders is True
    client.post("/accounts/profile/", {"display_name": "", "email": "learner@example.com"})
    learner.refresh_from_db()
    assert learner.review_reminders is False


def test_the_profile_page_costs_the_same_queries(login, learner, django_assert_max_num_queries):
    client = login(learner)
    client.get("/accounts/profile/")
    with django_assert_max_num_queries(3):  # session, user, nothing for the new checkbox
        assert client.get("/accounts/profile/").status_code == 200


def test_only_opted_in_learners_with_cards_due_get_one(learner, other_learner, make_user, check):
    not_yet_due, opted_out, no_address = make_user("later"), make_user("quiet"), make_user("nomail")
    no_address.email = ""  # never confirmed one
    no_address.save(update_fields=["email"])
    opt_in(learner, other_learner, not_yet_due, no_address)
    give_cards(learner, check)
    give_cards(not_yet_due, check, due_in_days=3)
    give_cards(opted_out, check)
    give_cards(no_address, check)
    # other_learner opted in but has no cards
    assert queue_reminders().queued == 1
    assert mail.outbox == []  # queued, not sent: the worker sends it
    [message] = delivered_mail()
    assert message.to == ["learner@example.com"]
    assert "2 questions are due for review" in message.subject
    assert "http://testserver/review/" in message.body
    assert unsubscribes(message.body, learner)


def test_the_reminder_carries_one_click_unsubscribe_headers(learner, check):
    opt_in(learner)
    give_cards(learner, check)
    queue_reminders()
    [message] = delivered_mail()
    assert re.fullmatch(r"<http://testserver/accounts/unsubscribe/[^/]+/>", message.extra_headers["List-Unsubscribe"])
    assert unsubscribes(message.extra_headers["List-Unsubscribe"], learner)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in message.message().as_string()


def test_running_twice_in_a_week_sends_once(learner, check):
    monday, sunday = date(2026, 11, 30), date(2026, 12, 6)
    opt_in(learner)
    give_cards(learner, check, today=monday)
    assert queue_reminders(today=monday).queued == 1
    second = queue_reminders(today=sunday)
    assert (second.queued, second.already_sent) == (0, 1)
    assert len(delivered_mail()) == 1
    assert ReviewReminder.objects.get(learner=learner).week == "2026-W49"
    assert queue_reminders(today=date(2026, 12, 7)).queued == 1  # the next week
    assert len(delivered_mail()) == 2


def test_the_week_row_and_the_queued_email_are_one_transaction(learner, check, monkeypatch):
    opt_in(learner)
    give_cards(learner, check)

    def mail_queue_down(*args, **kwargs):
        raise ConnectionError("the queue could not be written")

    monkeypatch.setattr("course.review.reminders.queue_email", mail_queue_down)
    with pytest.raises(ConnectionError):
        queue_reminders()
    assert not ReviewReminder.objects.exists()  # so the next run tries this learner again


def test_the_command_queues_and_reports(learner, check):
    opt_in(learner)
    give_cards(learner, check)
    out = io.StringIO()
    call_command("send_review_reminders", stdout=out)
    call_command("send_review_reminders", stdout=out)
    assert "Queued 1 reminder(s); 0 learner(s)" in out.getvalue()
    assert "Queued 0 reminder(s); 1 learner(s) already had this week's." in out.getvalue()
    assert len(delivered_mail()) == 1


def test_iso_weeks_cross_the_new_year():
    assert iso_week(date(2026, 12, 31)) == "2026-W53"
    assert iso_week(date(2027, 1, 3)) == "2026-W53"
    assert iso_week(date(2027, 1, 4)) == "2027-W01"


def test_a_get_of_the_unsubscribe_link_only_asks(client, learner):
    opt_in(learner)
    response = client.get(unsubscribe_url(learner))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Stop the weekly e-mail" in page and 'method="post"' in page
    learner.refresh_from_db()
    assert learner.review_reminders is True


def test_one_click_unsubscribe_works_without_a_session_or_csrf_token(learner, check):
    from django.test import Client

    opt_in(learner)
    give_cards(learner, check)
    mail_client = Client(enforce_csrf_checks=True)  # like a mail client's RFC 8058 POST
    response = mail_client.post(unsubscribe_url(learner), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "You will not get the reviews-due e-mail any more." in response.content.decode()
    learner.refresh_from_db()
    assert learner.review_reminders is False
    assert queue_reminders().queued == 0
    assert mail_client.post(unsubscribe_url(learner)).status_code == 200  # twice is harmless


@pytest.mark.parametrize(
    "token",
    ["nonsense", "eyJ1c2VyIjoxfQ:forged:signature"],
)
def test_a_bad_or_forged_link_is_a_400_with_a_message_and_changes_nothing(client, learner, token):
    opt_in(learner)
    for method in (client.get, client.post):
        response = method(f"/accounts/unsubscribe/{token}/")
        assert response.status_code == 400
        assert "This unsubscribe link does not work" in response.content.decode()
        assert "Nothing was changed" in response.content.decode()
    learner.refresh_from_db()
    assert learner.review_reminders is True


def test_a_link_signed_for_another_purpose_is_refused(client, learner):
    from django.core import signing

    opt_in(learner)
    other_purpose = signing.dumps({"user": learner.pk}, salt="course.accounts.email-confirmation")
    assert client.post(f"/accounts/unsubscribe/{other_purpose}/").status_code == 400
    learner.refresh_from_db()
    assert learner.review_reminders is True


def test_a_link_for_a_deleted_account_is_a_400(client, learner):
    url = unsubscribe_url(learner)
    learner.delete()
    assert client.post(url).status_code == 400


def test_the_learners_data_export_lists_the_weeks_reminded(login, learner, check):
    opt_in(learner)
    give_cards(learner, check)
    queue_reminders(today=timezone.localdate())
    data = login(learner).get("/accounts/profile/export/").json()
    assert data["profile"]["review_reminders"] is True
    assert data["review_reminders_sent"] == [iso_week(timezone.localdate())]


def test_the_database_refuses_a_second_reminder_row_for_the_same_week(learner):
    # What makes two nodes running the command at once safe: the second insert fails (and
    # get_or_create then finds the first), whatever the timing.
    from django.db import IntegrityError, transaction

    ReviewReminder.objects.create(learner=learner, week="2026-W49", cards_due=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewReminder.objects.create(learner=learner, week="2026-W49", cards_due=3)
