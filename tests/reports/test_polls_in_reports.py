"""Opinion polls are ungraded: the item analysis shows what learners picked, no figures."""

import pytest

from course.quiz.models import QuestionType, Response
from course.reports import queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def poll(history):
    question = history.questions[1]
    question.type = QuestionType.POLL
    question.save()
    Response.objects.filter(question=question).update(credit=1)  # as the quiz app grades a poll
    return question


def test_a_poll_has_picks_but_no_facility_discrimination_or_flags(poll):
    row = queries.add_item_figures([queries.ItemRow(poll)])[0]
    assert row.figures.answered == 8
    assert (row.facility, row.discrimination, row.flags) == (None, None, [])
    assert [(label, count) for label, count, _correct in row.picks] == [("Right", 1), ("Wrong", 6), ("Also wrong", 1)]


def test_no_poll_choice_is_marked_correct(poll):
    row = queries.add_item_figures([queries.ItemRow(poll)])[0]
    assert not any(correct for _label, _count, correct in row.picks)


def test_polls_are_never_misses_on_the_reteach_map(poll):
    sections = {section.anchor: section for section in queries.missed_sections(Response.objects.all())}
    assert (sections["b"].misses, sections["b"].questions) == (8, 1)  # q3 only
