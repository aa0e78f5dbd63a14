"""`manage.py generate_learners`: synthetic learners for demos and load tests."""

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from course.progress.models import Certificate, LessonCompletion
from course.progress.standing import learner_progress
from course.quiz.models import Attempt, Response
from devtools.synthetic import synthetic_learners

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("generate_learners", *args, stdout=out)
    return out.getvalue()


def test_it_creates_marked_learners_with_attempts_and_responses():
    output = run("--learners", "12", "--seed", "3")
    names = sorted(synthetic_learners().values_list("username", flat=True))
    assert names[0] == "synthetic-00001" and len(names) == 12
    assert Attempt.objects.filter(learner__in=synthetic_learners()).exists()
    assert Response.objects.filter(attempt__learner__in=synthetic_learners()).exists()
    assert "Created 12 synthetic learners" in output


def test_learners_get_varied_results():
    run("--learners", "30", "--seed", "3")
    scores = set(Attempt.objects.values_list("score", flat=True))
    completions = {learner_progress(learner).percent for learner in synthetic_learners()}
    assert len(scores) > 5 and len(completions) > 3


def test_stored_scores_agree_with_the_stored_credits():
    run("--learners", "5", "--seed", "4")
    for attempt in Attempt.objects.prefetch_related("responses__question"):
        # Scored as the quiz app scores: polls are left out.
        graded = [response for response in attempt.responses.all() if not response.question.is_poll]
        earned = sum(response.credit * response.question.points for response in graded)
        possible = sum(response.question.points for response in graded)
        assert attempt.score == pytest.approx(round(100 * earned / possible, 2) if possible else 100.0)
        assert attempt.passed == (attempt.score >= attempt.quiz.pass_mark)


def test_passed_checks_complete_lessons_by_the_course_rules():
    run("--learners", "10", "--seed", "5")
    for learner in synthetic_learners():
        progress = learner_progress(learner)
        done = {lesson.id for module in progress.modules for lesson in module.lessons if lesson.state == "complete"}
        marked = set(LessonCompletion.objects.filter(learner=learner).values_list("lesson_id", flat=True))
        assert done <= marked


def test_the_same_seed_gives_the_same_histories():
    run("--learners", "6", "--seed", "9")
    first = list(Attempt.objects.order_by("pk").values_list("quiz_id", "score"))
    run("--delete")
    run("--learners", "6", "--seed", "9")
    assert list(Attempt.objects.order_by("pk").values_list("quiz_id", "score")) == first


def test_running_again_adds_learners_with_new_numbers():
    run("--learners", "2")
    run("--learners", "2")
    assert synthetic_learners().count() == 4
    assert synthetic_learners().filter(username="synthetic-00004").exists()


def test_if_empty_creates_learners_only_once():
    run("--if-empty")
    count = synthetic_learners().count()
    assert count == 30
    assert "nothing to do" in run("--if-empty", "--learners", "5")
    assert synthetic_learners().count() == count


def test_delete_removes_synthetic_learners_and_their_data_only(learner):
    Attempt.objects.create(learner=learner, quiz=Attempt._meta.get_field("quiz").related_model.objects.first(), seed=1)
    run("--learners", "8", "--seed", "2")
    output = run("--delete")
    assert not synthetic_learners().exists()
    assert Attempt.objects.filter(learner=learner).count() == 1
    assert not Response.objects.exclude(attempt__learner=learner).exists()
    assert not LessonCompletion.objects.exclude(learner=learner).exists()
    assert not Certificate.objects.exists()
    assert "Removed 8 synthetic learners" in output


@pytest.mark.parametrize("count", ["0", "-3", "2000000"])
def test_a_bad_number_of_learners_is_refused_with_a_message(count):
    with pytest.raises(CommandError, match="--learners must be between 1 and"):
        run("--learners", count)
    assert not synthetic_learners().exists()


def test_without_a_course_it_says_to_load_it_first():
    from course.quiz.models import Question

    Question.objects.all().delete()
    with pytest.raises(CommandError, match="load_course"):
        run("--learners", "3")
    assert not synthetic_learners().exists()
