"""After a poll, learners see how everyone answered: anonymously, and only from 5 learners up."""

from django.urls import reverse

import pytest

from tests.review.helpers import take_quiz

pytestmark = pytest.mark.django_db


def answer_poll(make_user, quiz, views):
    """One new learner per view; returns the client and attempt of the last one."""
    from django.test import Client

    for index, view in enumerate(views):
        user = make_user(f"voter{index}", display_name=f"Voter Name {index}")
        client = Client()
        client.force_login(user)
        attempt = take_quiz(client, user, quiz, lambda question, view=view: view)
    return client, attempt


def review_html(client, attempt):
    response = client.get(reverse("quiz:review", args=[attempt.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_below_five_learners_the_distribution_is_hidden_and_says_how_many_more(make_user, poll_only_quiz):
    client, attempt = answer_poll(make_user, poll_only_quiz, ["Stay", "Stay", "Leave"])
    html = review_html(client, attempt)
    assert "once 2 more learners have answered" in html
    assert "poll-result__table" not in html
    assert "%" not in html.split("poll-result")[1].split("</div>")[0]


def test_from_five_learners_the_shares_are_shown(make_user, poll_only_quiz):
    client, attempt = answer_poll(make_user, poll_only_quiz, ["Stay", "Stay", "Stay", "Leave", "Unsure"])
    html = review_html(client, attempt)
    assert "How 5 learners answered (anonymous)" in html
    assert 'value="60"' in html and 'value="20"' in html


def test_the_distribution_never_names_anyone(make_user, poll_only_quiz):
    client, attempt = answer_poll(make_user, poll_only_quiz, ["Stay", "Leave", "Unsure", "Stay", "Leave"])
    html = review_html(client, attempt)
    for index in range(4):  # the other learners
        assert f"voter{index}" not in html
        assert f"Voter Name {index}" not in html


def test_a_learner_retaking_a_poll_counts_once_per_view(make_user, poll_only_quiz):
    from course.quiz.models import Question
    from course.quiz.polls import poll_distributions

    user = make_user("retaker")
    from django.test import Client

    client = Client()
    client.force_login(user)
    for _ in range(5):
        take_quiz(client, user, poll_only_quiz, lambda question: "Stay")
    distribution = poll_distributions(Question.objects.filter(quiz=poll_only_quiz).prefetch_related("choices"))
    assert [d.respondents for d in distribution.values()] == [1]
    assert not next(iter(distribution.values())).visible


def test_the_note_is_shown_beside_the_result(make_user, poll_only_quiz):
    client, attempt = answer_poll(make_user, poll_only_quiz, ["Stay"])
    assert "Some states say <strong>yes</strong>" in review_html(client, attempt)


def test_four_learners_are_still_too_few_to_show_anything(make_user, poll_only_quiz):
    """The threshold is five: with four, one learner's answer could be worked out."""
    client, attempt = answer_poll(make_user, poll_only_quiz, ["Stay", "Stay", "Leave", "Unsure"])
    html = review_html(client, attempt)
    assert "once 1 more" in html
    assert "poll-result__table" not in html


def test_synthetic_learners_are_not_counted(make_user, poll_only_quiz):
    """The demo's made-up learners (`make run`) never appear in what learners see."""
    answer_poll(make_user, poll_only_quiz, ["Stay", "Stay", "Leave"])
    from django.test import Client

    from course.accounts.models import SYNTHETIC_USERNAME_PREFIX

    for index in range(3):
        made_up = make_user(f"{SYNTHETIC_USERNAME_PREFIX}{index:05d}")
        made_up_client = Client()
        made_up_client.force_login(made_up)
        take_quiz(made_up_client, made_up, poll_only_quiz, lambda question: "Leave")
    fourth = make_user("fourth-real-learner")
    client = Client()
    client.force_login(fourth)
    attempt = take_quiz(client, fourth, poll_only_quiz, lambda question: "Unsure")
    html = review_html(client, attempt)
    assert "once 1 more" in html
    assert "poll-result__table" not in html
