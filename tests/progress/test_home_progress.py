"""The home page shows a signed-in learner their progress per module and a Continue
button to the first unfinished lesson."""

import re

import pytest

from course.lessons.models import LessonPage, ModulePage
from course.quiz.models import Quiz, QuizKind

from .conftest import take_quiz

pytestmark = pytest.mark.django_db


def continue_href(html):
    match = re.search(r'<a class="button" href="([^"]+)">Continue: ', html)
    assert match, "no Continue button"
    return match.group(1)


def lessons_in_order():
    return [
        lesson
        for module in ModulePage.objects.live().order_by("path")
        for lesson in LessonPage.objects.child_of(module).live().order_by("path")
    ]


def pass_check(learner, lesson):
    take_quiz(learner, Quiz.objects.get(page=lesson, kind=QuizKind.LESSON_CHECK))


def test_module_cards_show_a_progress_bar_for_a_signed_in_learner(login, learner):
    html = login(learner).get("/").content.decode()
    for module in ModulePage.objects.live():
        assert f'aria-label="Module {module.number} progress"' in html


def test_module_cards_show_no_progress_bar_to_a_visitor(client):
    html = client.get("/").content.decode()
    assert "<progress" not in html
    assert "Sign up to track your progress" in html


def test_a_module_card_moves_when_a_lesson_is_passed(login, learner, lesson_1_1):
    pass_check(learner, lesson_1_1)
    html = login(learner).get("/").content.decode()
    module = lesson_1_1.get_parent().specific
    lessons = LessonPage.objects.child_of(module).count()
    total = lessons + 1  # the lessons and the module quiz
    assert f"In progress · 1 of {total} done" in html
    percent = round(100 / total)
    assert f'value="{percent}" aria-label="Module {module.number} progress"' in html


def test_continue_leads_a_newcomer_to_the_first_lesson(login, learner):
    first = lessons_in_order()[0]
    assert continue_href(login(learner).get("/").content.decode()) == first.url


def test_continue_leads_to_the_first_unfinished_lesson(login, learner):
    first, second, third = lessons_in_order()[:3]
    pass_check(learner, first)
    pass_check(learner, third)  # done out of order: the gap is what to continue with
    client = login(learner)
    assert continue_href(client.get("/").content.decode()) == second.url
    assert continue_href(client.get("/my-progress/").content.decode()) == second.url


def test_continue_leads_to_the_module_quiz_when_only_it_remains(login, learner):
    module = ModulePage.objects.live().order_by("path").first()
    for lesson in LessonPage.objects.child_of(module).live():
        pass_check(learner, lesson)
    assert continue_href(login(learner).get("/").content.decode()) == module.url + "#module-quiz"
