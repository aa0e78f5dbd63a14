"""The shipped quizzes meet issue #23's goals: the item-quality checker finds no flaw, the
balance figures are within the goal column, every module quiz draws from a pool at least 1.5
times its paper, and a learner who reads no question ("pick the longest option, answer false")
scores no better than blind guessing."""

from course.quiz import quality
from course.quiz.models import MIN_POOL_RATIO
from tests.content.course_text import shipped_course


def shipped_items():
    return [item for _source, items in quality.course_items(shipped_course()[0]) for item in items]


def test_the_checker_finds_no_flaw_in_the_shipped_quizzes():
    flags = quality.course_report(shipped_course()[0])
    assert not flags, "\n".join(map(str, flags))


def test_the_course_meets_the_balance_goals():
    figures = quality.balance(shipped_items())
    assert figures.single >= 40 and figures.true_false >= 20 and sum(figures.multiple_key_counts.values()) >= 20
    assert figures.longest_key_share <= 0.30, figures.rows()
    assert set(figures.multiple_key_counts) == {1, 2, 3, 4}, figures.rows()
    assert figures.multiple_max_share <= 0.50, figures.rows()
    assert 0.40 <= figures.false_share <= 0.60, figures.rows()
    assert figures.number_recall_share <= 0.10, figures.rows()


def test_every_module_quiz_draws_from_a_pool_half_again_as_large():
    for module in shipped_course()[0].modules:
        quiz = module.quiz
        assert quiz.draw_count, quiz.source
        assert len(quiz.questions) >= MIN_POOL_RATIO * quiz.draw_count, quiz.source


def test_reading_no_question_scores_no_better_than_guessing():
    """Test-wise strategy on the single-choice and true/false items: always pick the longest
    option (a fair pick among equal ones) and always answer "false"."""
    items = shipped_items()
    test_wise, chance = quality.test_wise_score(items), quality.chance_score(items)
    print(f"test-wise strategy {test_wise:.1%}, blind guessing {chance:.1%}")
    assert test_wise <= chance + 0.05
