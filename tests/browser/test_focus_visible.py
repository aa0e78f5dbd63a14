"""Keyboard focus is always visible: tabbing through a page, every element that
takes the focus draws an outline or a box shadow around itself."""

from django.conf import settings
from django.urls import reverse

from course.quiz.models import QuizKind
from tests.browser.answer_key import FOCUSED_ELEMENT
from tests.browser.conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS

MAX_TABS = 80


def focus_is_drawn(element):
    outline = element["outlineStyle"] != "none" and element["outlineWidth"] not in ("0px", "")
    shadow = element["boxShadow"] not in ("none", "")
    return outline or shadow


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


def test_every_focused_element_shows_a_focus_indicator(page, client, learner, lesson_1_1, live_server):
    check = lesson_1_1.quizzes.get(kind=QuizKind.LESSON_CHECK)
    client.force_login(learner)
    take_check = client.post(reverse("quiz:start", args=[check.pk])).url
    pages = {
        "home": ("/", False),
        "lesson 1.1": (lesson_1_1.url, False),
        "login form": (reverse("accounts:login"), False),
        "lesson check": (take_check, True),
        "dashboard": (reverse("progress:dashboard"), True),
    }

    session = {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}
    invisible = []
    for name, (path, signed_in) in pages.items():
        if signed_in:
            page.context.add_cookies([{**session, "url": live_server.url}])
        page.goto(path)
        seen = tab_through(page)
        assert len(seen) >= 8, f"only {len(seen)} elements took the focus on the {name} page"
        invisible += [
            f"{name}: <{element['tag']} {element['type']}> {element['label'] or element['text']!r}"
            for element in seen
            if not focus_is_drawn(element)
        ]
    assert not invisible, "focus not visible on:\n" + "\n".join(invisible)
