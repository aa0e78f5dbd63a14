"""The importer reads `type: poll` with choices that have no right one and a `note`."""

import shutil

from django.conf import settings

import pytest

from course.importer.parsing import parse_content

MODULE_QUIZ = "01-foundations/module-quiz.yaml"


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, root)
    return root


def with_poll(content, text):
    path = content / MODULE_QUIZ
    path.write_text(path.read_text() + text)


def test_the_shipped_polls_load_in_modules_1_6_and_7():
    course, errors = parse_content(settings.CONTENT_DIR)
    assert not errors
    with_polls = {module.number for module in course.modules if any(q.type == "poll" for q in module.quiz.questions)}
    assert {1, 6, 7} <= with_polls
    for module in course.modules:
        for question in module.quiz.questions:
            if question.type == "poll":
                assert question.poll_note and not any(correct for _t, correct, _m in question.choices)
                assert "opinion" in question.prompt.lower()


def test_a_poll_with_a_correct_choice_is_an_error(content):
    with_poll(
        content,
        "  - type: poll\n    prompt: Opinion?\n    note: Views differ.\n"
        "    choices:\n      - {text: A, correct: true}\n      - {text: B}\n",
    )
    _course, errors = parse_content(content)
    assert any("a poll has no correct choice" in str(error) for error in errors)


def test_a_poll_without_a_note_is_an_error(content):
    with_poll(content, "  - type: poll\n    prompt: Opinion?\n    choices: [A, B]\n")
    _course, errors = parse_content(content)
    assert any("missing note" in str(error) and MODULE_QUIZ in str(error) for error in errors)


def test_a_poll_needs_two_choices(content):
    with_poll(content, "  - type: poll\n    prompt: Opinion?\n    note: N.\n    choices: [A]\n")
    _course, errors = parse_content(content)
    assert any("a poll needs at least two choices" in str(error) for error in errors)


def test_the_shipped_polls_are_written_with_their_note(db):
    from course.quiz.models import Question

    polls = Question.objects.filter(type="poll")
    assert polls.count() >= 3
    assert all(poll.poll_note and not poll.choices.filter(is_correct=True).exists() for poll in polls)
