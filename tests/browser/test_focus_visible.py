"""Keyboard focus is always visible: tabbing through a page, every element that
takes the focus draws an outline or a box shadow around itself."""

from django.urls import reverse

from course.quiz.models import QuizKind
from tests.browser.conftest import BROWSER_MARKS, FOCUSED_ELEMENT, describe, focus_is_drawn

pytestmark = BROWSER_MARKS

MAX_TABS = 80


def tab_through(page):
    """Press Tab until the focus leaves the page or comes round again; return what took the focus."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = page.evaluate(FOCUSED_ELEMENT)
        if element is None or (seen and element == seen[0]):
            break
        seen.append(element)
    return seen


def test_every_focused_element_shows_a_focus_indicator(page, sign_in, learner, lesson_1_1):
    invisible = []

    def tab_through_page(name, path):
        page.goto(path)
        seen = tab_through(page)
        assert len(seen) >= 8, f"only {len(seen)} elements took the focus on the {name} page"
        invisible.extend(f"{name}: {describe(element)}" for element in seen if not focus_is_drawn(element))

    tab_through_page("home", "/")
    tab_through_page("lesson 1.1", lesson_1_1.url)
    tab_through_page("login form", reverse("accounts:login"))
    client = sign_in(learner)
    check = lesson_1_1.quizzes.get(kind=QuizKind.LESSON_CHECK)
    tab_through_page("lesson check", client.post(reverse("quiz:start", args=[check.pk])).url)
    tab_through_page("dashboard", reverse("progress:dashboard"))
    assert not invisible, "focus not visible on:\n" + "\n".join(invisible)
