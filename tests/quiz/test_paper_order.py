"""Over many seeds, the paper never shows an ordering question in order nor a
matching question with its targets lined up with its items (no database)."""

from types import SimpleNamespace

from course.quiz.models import QuestionType
from course.quiz.paper import build_paper

from .builders import every_type_questions


def _papers(seeds):
    questions = every_type_questions()
    for seed in seeds:
        yield build_paper(SimpleNamespace(seed=seed, question_ids=list(questions)), questions, shuffle=True)


def _presented(paper, kind):
    return next(presented for presented in paper if presented.question.type == kind)


def test_ordering_items_are_never_in_the_right_order_for_any_of_500_seeds():
    for paper in _papers(range(500)):
        presented = _presented(paper, QuestionType.ORDERING)
        right = [choice.pk for choice in presented.question.choices.all()]
        assert [option.choice.pk for option in presented.options] != right


def test_matching_targets_are_never_aligned_with_the_items_for_any_of_500_seeds():
    for seed, paper in enumerate(_papers(range(500))):
        presented = _presented(paper, QuestionType.MATCHING)
        partners_in_item_order = [option.choice.match_text for option in presented.options]
        assert [target.text for target in presented.targets] != partners_in_item_order, f"seed {seed}"


def test_a_matching_question_whose_items_share_a_partner_still_builds():
    questions = every_type_questions()
    matching = next(q for q in questions.values() if q.type == QuestionType.MATCHING)
    for choice in matching.choices.all():
        choice.match_text = "1949"
    paper = build_paper(SimpleNamespace(seed=3, question_ids=[matching.pk]), questions, shuffle=True)
    assert [target.text for target in paper[0].targets] == ["1949"]
