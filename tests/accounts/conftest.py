"""A learner with some history in every kind of record the site keeps about them."""

import pytest

from course.progress.models import Certificate, LessonCompletion
from course.quiz.models import Quiz, QuizKind
from devtools.demo import take as take_quiz


@pytest.fixture
def with_history(lesson_1_1):
    """Give a learner a failed and a passed lesson check (so a completion) and a certificate.

    The certificate is created directly: issuing it is tested in tests/progress."""

    def give(learner):
        check = Quiz.objects.get(page=lesson_1_1, kind=QuizKind.LESSON_CHECK)
        take_quiz(learner, check, correct=False)
        take_quiz(learner, check)
        assert LessonCompletion.objects.filter(learner=learner).exists()
        Certificate.objects.create(learner=learner)
        return learner

    return give
