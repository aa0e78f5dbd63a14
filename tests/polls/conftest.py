import pytest

from course.lessons.models import LessonPage
from course.quiz.models import Choice, Question, Quiz, QuizKind

VIEWS = ["Stay", "Leave", "Unsure"]


def add_poll(quiz, position=0, note="Some states say **yes**; others say no."):
    poll = Question.objects.create(
        quiz=quiz, sort_order=position, type="poll", prompt="Opinion poll: stay or leave?", explanation="An opinion.",
        poll_note=note,
    )  # fmt: skip
    for index, text in enumerate(VIEWS):
        Choice.objects.create(question=poll, sort_order=index, text=text)
    return poll


@pytest.fixture
def lesson(make_module):
    module = make_module(lessons=1, slug="poll-module", with_checks=False)
    return LessonPage.objects.child_of(module).get()


@pytest.fixture
def poll_only_quiz(lesson):
    quiz = Quiz.objects.create(title="Polls only", kind=QuizKind.LESSON_CHECK, page=lesson)
    add_poll(quiz)
    return quiz


@pytest.fixture
def mixed_quiz(lesson):
    """One graded single-choice question ('Right' is right) and one poll."""
    quiz = Quiz.objects.create(title="Mixed", kind=QuizKind.LESSON_CHECK, page=lesson)
    question = Question.objects.create(quiz=quiz, sort_order=0, type="single", prompt="Graded?", explanation="E.")
    Choice.objects.create(question=question, sort_order=0, text="Right", is_correct=True)
    Choice.objects.create(question=question, sort_order=1, text="Wrong")
    add_poll(quiz, position=1)
    return quiz
