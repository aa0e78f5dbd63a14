"""Autosave: every answer is kept on the server as a draft of the open attempt, checked by the
same form as a submission. Resuming shows every saved answer again, of every type; a timed
attempt that runs out is graded on what was saved."""

import json

from django.test import Client
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from course.quiz.attempts import attempt_paper
from course.quiz.models import Choice, Question, QuestionType, Response

from . import test_tampered_posts as tampered
from .builders import as_lists, move_deadline, right_form_data, shown_values

pytestmark = pytest.mark.django_db

# Bad values a draft refuses as a submission does (an unfinished ordering is not one: see below).
BAD_DRAFT_VALUES = [
    tampered.unknown_field,
    tampered.unknown_single_token,
    tampered.choice_id_as_single_token,
    tampered.unknown_multiple_token,
    tampered.two_values_for_single,
    tampered.text_for_numeric,
    tampered.infinite_numeric,
    tampered.maybe_for_true_false,
    tampered.oversized_short_answer,
    tampered.null_byte_in_short_answer,
    *(tampered.out_of_range_position(value) for value in ["0", "5", "two", "²"]),
    tampered.unknown_matching_target,
]


@pytest.fixture
def every_type_with_poll(every_type_quiz):
    """The seven graded types and a poll."""
    poll = Question.objects.create(
        quiz=every_type_quiz, type=QuestionType.POLL, prompt="Should the alliance grow?", explanation="-", sort_order=9
    )
    Choice.objects.bulk_create(
        Choice(question=poll, sort_order=index, text=text) for index, text in enumerate(["Yes", "No", "Unsure"])
    )
    return every_type_quiz


def autosave(client, attempt, data):
    return client.post(reverse("quiz:autosave", args=[attempt.pk]), data)


def answers_with_confidence(attempt):
    """Right answers to every question, the poll's first choice, and 'sure' for each graded one."""
    data = right_form_data(attempt)
    for name in [key for key in data if "-" not in key]:
        question_type = Question.objects.get(pk=attempt.question_ids[int(name[1:]) - 1]).type
        if question_type != QuestionType.POLL:
            data[f"{name}-confidence"] = "sure"
    for number, question_id in enumerate(attempt.question_ids, start=1):
        question = Question.objects.get(pk=question_id)
        if question.type in (QuestionType.ORDERING, QuestionType.MATCHING):
            data[f"q{number}-confidence"] = "guessing"
    return data


def test_resuming_shows_every_saved_answer_of_every_type(start, learner, every_type_with_poll):
    client, attempt = start(learner, every_type_with_poll)
    data = answers_with_confidence(attempt)

    response = autosave(client, attempt, data)

    assert response.status_code == 200, response.content
    client, resumed = start(learner, every_type_with_poll)
    assert resumed.pk == attempt.pk
    html = client.get(reverse("quiz:take", args=[attempt.pk])).content.decode()
    assert shown_values(html) == as_lists(data)
    types = {Question.objects.get(pk=pk).type for pk in attempt.question_ids}
    assert types == set(QuestionType.values)


def test_save_and_leave_without_javascript_keeps_the_answers_and_the_attempt_open(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    data = {**right_form_data(attempt), "action": "save"}

    response = client.post(reverse("quiz:take", args=[attempt.pk]), data, follow=True)

    assert response.redirect_chain == [(reverse("quiz:detail", args=[every_type_quiz.pk]), 302)]
    assert "Your answers are saved" in response.content.decode()
    assert "Resume your attempt" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and not Response.objects.filter(attempt=attempt).exists()
    html = client.get(reverse("quiz:take", args=[attempt.pk])).content.decode()
    del data["action"]
    assert shown_values(html) == as_lists(data)


def test_an_unfinished_ordering_is_kept_as_typed(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    paper_data = right_form_data(attempt)
    ordering = [name for name in paper_data if name.count("-") == 1 and paper_data[name].isdigit()]
    half_done = {ordering[0]: "1", ordering[1]: "1"}  # two items at 1: the learner is still sorting

    assert autosave(client, attempt, half_done).status_code == 200

    html = client.get(reverse("quiz:take", args=[attempt.pk])).content.decode()
    assert shown_values(html) == as_lists(half_done)


@pytest.mark.parametrize("tamper", BAD_DRAFT_VALUES, ids=lambda tamper: tamper.__name__)
def test_a_bad_value_is_refused_with_a_400_and_the_saved_draft_is_kept(start, learner, every_type_quiz, tamper):
    client, attempt = start(learner, every_type_quiz)
    good = right_form_data(attempt)
    assert autosave(client, attempt, good).status_code == 200
    attempt.refresh_from_db()
    saved = attempt.draft
    bad = dict(good)
    message = tamper(attempt_paper(attempt)[0], bad)

    response = autosave(client, attempt, bad)

    assert response.status_code == 400
    assert message.rstrip(".") in json.loads(response.content)["message"]
    attempt.refresh_from_db()
    assert attempt.draft == saved and attempt.submitted_at is None


def test_another_learners_attempt_is_not_found_and_keeps_its_draft(
    start, learner, other_learner, every_type_quiz, login
):
    _client, attempt = start(learner, every_type_quiz)
    intruder = Client()
    intruder.force_login(other_learner)

    response = autosave(intruder, attempt, right_form_data(attempt))

    assert response.status_code == 404
    attempt.refresh_from_db()
    assert attempt.draft == {} and attempt.draft_saved_at is None


def test_autosave_needs_a_signed_in_learner_and_a_post(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    assert client.get(reverse("quiz:autosave", args=[attempt.pk])).status_code == 405
    assert Client().post(reverse("quiz:autosave", args=[attempt.pk]), {}).status_code == 302


def test_a_submitted_attempt_takes_no_draft(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    client.post(reverse("quiz:take", args=[attempt.pk]), {})

    response = autosave(client, attempt, right_form_data(attempt))

    assert response.status_code == 409
    attempt.refresh_from_db()
    assert attempt.draft == {}


def test_submitting_clears_the_draft(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    autosave(client, attempt, right_form_data(attempt))
    client.post(reverse("quiz:take", args=[attempt.pk]), right_form_data(attempt))
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and attempt.draft == {}


# -- time limits -----------------------------------------------------------------------


def _wrong_for_one(attempt):
    """Right answers, except the true/false question (so the score is not all or nothing)."""
    data = right_form_data(attempt)
    for name, value in data.items():
        if value in ("true", "false"):
            data[name] = "true" if value == "false" else "false"
    return data


@pytest.mark.parametrize("how", ["open the page", "press start again", "post late"])
def test_an_expired_attempt_is_graded_on_its_saved_answers(start, learner, timed_quiz, how):
    client, attempt = start(learner, timed_quiz)
    assert autosave(client, attempt, _wrong_for_one(attempt)).status_code == 200
    move_deadline(attempt, -31)

    if how == "open the page":
        client.get(reverse("quiz:take", args=[attempt.pk]))
    elif how == "press start again":
        client.post(reverse("quiz:start", args=[timed_quiz.pk]))
    else:  # a submission after the grace period: too late to count, the saved answers do
        client.post(reverse("quiz:take", args=[attempt.pk]), right_form_data(attempt))

    attempt.refresh_from_db()
    assert attempt.timed_out and attempt.submitted_at is not None
    assert attempt.score == round(100 * 6 / 7, 2)
    credits = {response.question.type: response.credit for response in attempt.responses.select_related("question")}
    assert credits[QuestionType.TRUE_FALSE] == 0.0
    assert all(credit == 1.0 for kind, credit in credits.items() if kind != QuestionType.TRUE_FALSE)


def test_the_review_says_the_saved_answers_were_graded(start, learner, timed_quiz):
    client, attempt = start(learner, timed_quiz)
    autosave(client, attempt, right_form_data(attempt))
    move_deadline(attempt, -31)

    response = client.get(reverse("quiz:take", args=[attempt.pk]), follow=True)

    assert "graded on the answers saved by then" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.score == 100.0


def test_a_submission_inside_the_grace_period_is_graded_as_sent_not_as_saved(start, learner, timed_quiz):
    client, attempt = start(learner, timed_quiz)
    autosave(client, attempt, _wrong_for_one(attempt))
    move_deadline(attempt, -25)

    response = client.post(reverse("quiz:take", args=[attempt.pk]), right_form_data(attempt))

    assert response.status_code == 302
    attempt.refresh_from_db()
    assert not attempt.timed_out and attempt.score == 100.0


def test_autosave_after_the_grace_period_is_refused(start, learner, timed_quiz):
    client, attempt = start(learner, timed_quiz)
    move_deadline(attempt, -31)
    assert autosave(client, attempt, right_form_data(attempt)).status_code == 409
    attempt.refresh_from_db()
    assert attempt.draft == {}


def test_a_saved_answer_is_graded_against_the_paper_given_even_after_an_edit(start, learner, timed_quiz):
    """An instructor removed a choice the learner had saved: the attempt keeps the paper it was
    given (its snapshot), so the saved answer still reads and is graded as it was asked."""
    client, attempt = start(learner, timed_quiz)
    autosave(client, attempt, right_form_data(attempt))
    single = timed_quiz.questions.get(type=QuestionType.SINGLE)
    single.choices.filter(is_correct=True).delete()
    move_deadline(attempt, -31)

    client.get(reverse("quiz:take", args=[attempt.pk]))

    attempt.refresh_from_db()
    assert attempt.timed_out
    response = attempt.responses.get(question=single)
    assert response.answer is not None and response.credit == 1
    assert attempt.score == 100


def test_the_time_limit_reads_in_the_right_number(start, learner, timed_quiz):
    client, attempt = start(learner, timed_quiz)
    detail = client.get(reverse("quiz:detail", args=[timed_quiz.pk])).content.decode()
    assert "Time limit: 1 minute<" in detail and "1 minutes" not in detail
    page = client.get(reverse("quiz:take", args=[attempt.pk])).content.decode()
    timer = BeautifulSoup(page, "html.parser").select_one(".quiz__timer")
    assert timer["data-deadline"] == attempt.deadline.isoformat()
    assert timer.select_one("time[datetime][data-local-time]") is not None
    assert timer.select_one("[aria-live]") is not None and timer.select_one("[role=timer]") is not None
