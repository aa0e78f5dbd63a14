"""A forged or broken POST is refused with a 400 and a message that says what is
wrong; nothing is stored and the attempt stays open. Each case starts from the
right answers and breaks one thing."""

from django.urls import reverse

import pytest

from course.quiz.attempts import attempt_paper
from course.quiz.models import Choice, QuestionType, Response

from .builders import right_form_data

pytestmark = pytest.mark.django_db

UNKNOWN_FIELDS = "The form held fields this quiz does not have"


def _field(paper, kind):
    return next(presented for presented in paper if presented.question.type == kind)


def _subfields(paper, kind):
    presented = _field(paper, kind)
    return [f"{presented.field_name}-{option.token}" for option in presented.options]


def unknown_field(paper, data):
    data["is_correct"] = "1"
    return UNKNOWN_FIELDS


def unknown_single_token(paper, data):
    data[_field(paper, QuestionType.SINGLE).field_name] = "o0000000000"
    return "Choose one of the options shown."


def choice_id_as_single_token(paper, data):
    presented = _field(paper, QuestionType.SINGLE)
    data[presented.field_name] = str(Choice.objects.get(question_id=presented.question.pk, is_correct=True).pk)
    return "Choose one of the options shown."


def unknown_multiple_token(paper, data):
    name = _field(paper, QuestionType.MULTIPLE).field_name
    data[name] = [*data[name], "not-an-option"]
    return "Choose only from the options shown."


def repeated_multiple_token(paper, data):
    name = _field(paper, QuestionType.MULTIPLE).field_name
    data[name] = [data[name][0], data[name][0]]
    return "Choose only from the options shown."


def two_values_for_single(paper, data):
    presented = _field(paper, QuestionType.SINGLE)
    data[presented.field_name] = [option.token for option in presented.options[:2]]
    return "Give one answer only."


def text_for_numeric(paper, data):
    data[_field(paper, QuestionType.NUMERIC).field_name] = "nineteen forty-nine"
    return "Enter a number, for example 1949."


def infinite_numeric(paper, data):
    data[_field(paper, QuestionType.NUMERIC).field_name] = "1e999"
    return "Enter a number, for example 1949."


def overlong_numeric(paper, data):
    data[_field(paper, QuestionType.NUMERIC).field_name] = "1" * 33
    return "That number is too long."


def maybe_for_true_false(paper, data):
    data[_field(paper, QuestionType.TRUE_FALSE).field_name] = "maybe"
    return "Choose true or false."


def oversized_short_answer(paper, data):
    data[_field(paper, QuestionType.SHORT).field_name] = "Article 5" + "!" * 192
    return "Keep your answer under 200 characters."


def null_byte_in_short_answer(paper, data):
    data[_field(paper, QuestionType.SHORT).field_name] = "Article\x005"
    return "Your answer holds characters that cannot be stored"


def duplicate_positions(paper, data):
    for name in _subfields(paper, QuestionType.ORDERING):
        data[name] = "1"
    return "Give each item a different position, from 1 to 4."


def missing_position(paper, data):
    del data[_subfields(paper, QuestionType.ORDERING)[0]]
    return "Give each item a different position, from 1 to 4."


def out_of_range_position(position):
    def tamper(paper, data):
        data[_subfields(paper, QuestionType.ORDERING)[0]] = position
        return "Give each item a position from 1 to 4."

    tamper.__name__ = f"position_{position[:6]}"
    return tamper


def unknown_matching_target(paper, data):
    data[_subfields(paper, QuestionType.MATCHING)[0]] = "1949"
    return "Choose a match from the list for each item."


def huge_field_count(paper, data):
    data.update({f"q{n}": "1" for n in range(100, 5100)})
    return UNKNOWN_FIELDS


TAMPERINGS = [
    unknown_field,
    unknown_single_token,
    choice_id_as_single_token,
    unknown_multiple_token,
    repeated_multiple_token,
    two_values_for_single,
    text_for_numeric,
    infinite_numeric,
    overlong_numeric,
    maybe_for_true_false,
    oversized_short_answer,
    null_byte_in_short_answer,
    duplicate_positions,
    missing_position,
    *(out_of_range_position(value) for value in ["0", "5", "-1", "1.5", "two", "²", "9" * 5000]),
    unknown_matching_target,
    huge_field_count,
]


def assert_nothing_stored(attempt):
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.score is None
    assert not Response.objects.filter(attempt=attempt).exists()


@pytest.mark.parametrize("tamper", TAMPERINGS, ids=lambda tamper: tamper.__name__)
def test_tampered_post_is_refused_and_stores_nothing(start, learner, every_type_quiz, tamper):
    client, attempt = start(learner, every_type_quiz)
    data = right_form_data(attempt)
    paper, _questions = attempt_paper(attempt)
    message = tamper(paper, data)

    response = client.post(reverse("quiz:take", args=[attempt.pk]), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert_nothing_stored(attempt)


def test_a_refused_post_keeps_the_learners_other_answers_in_the_form(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    data = right_form_data(attempt)
    paper, _questions = attempt_paper(attempt)
    maybe_for_true_false(paper, data)
    short = _field(paper, QuestionType.SHORT)

    html = client.post(reverse("quiz:take", args=[attempt.pk]), data).content.decode()

    assert f'value="{data[short.field_name]}"' in html
    assert 'role="alert"' in html


def test_more_fields_than_django_accepts_is_a_bad_request_not_an_error(start, learner, every_type_quiz, settings):
    client, attempt = start(learner, every_type_quiz)
    data = right_form_data(attempt)
    data.update({f"x{n}": "1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)})

    response = client.post(reverse("quiz:take", args=[attempt.pk]), data)

    assert response.status_code == 400
    assert_nothing_stored(attempt)


def test_an_empty_post_is_a_submission_with_every_question_unanswered(start, learner, every_type_quiz):
    """Leaving questions blank is allowed ("unanswered questions score no points"): not tampering."""
    client, attempt = start(learner, every_type_quiz)

    response = client.post(reverse("quiz:take", args=[attempt.pk]), {})

    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 0.0
    responses = Response.objects.filter(attempt=attempt)
    assert responses.count() == every_type_quiz.questions.count()
    assert {response.credit for response in responses} == {0.0}
    assert all(response.answer in (None, []) for response in responses)


def test_get_and_post_are_the_only_methods(start, learner, every_type_quiz):
    client, attempt = start(learner, every_type_quiz)
    assert client.put(reverse("quiz:take", args=[attempt.pk])).status_code == 405
    assert client.get(reverse("quiz:start", args=[every_type_quiz.pk])).status_code == 405
