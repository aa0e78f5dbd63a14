"""Quizzes work with the keyboard alone: Tab to move, Space and the arrow keys
to choose, typing for text and selects, Enter to submit. No mouse, no clicks,
no filling fields by script. Every element that takes the focus on the way
must show it (an outline or a box shadow)."""

import re
from urllib.parse import urlsplit

from django.urls import reverse

import pytest

from course.quiz.models import Question, QuestionType, QuizKind
from tests.browser.answer_key import answer_key
from tests.browser.conftest import BROWSER_MARKS, FOCUSED_ELEMENT, describe, focus_is_drawn, wait_for_autofocus
from tests.conftest import PASSWORD

pytestmark = BROWSER_MARKS

MAX_TABS = 200


def focused_visibly(page):
    """What has the focus now (None: nothing, e.g. between the page's last and first element);
    fails if the focused element does not draw its focus."""
    focused = page.evaluate(FOCUSED_ELEMENT)
    if focused is not None:
        assert focus_is_drawn(focused), f"the keyboard focus is not visible on {describe(focused)}"
    return focused


def tab_to(page, wanted, what, key="Tab"):
    """Press Tab (or `key`, e.g. Shift+Tab) until `wanted(focused element)` is true; fail after
    MAX_TABS presses, or as soon as an element takes the focus without showing it."""
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        focused = focused_visibly(page)
        if focused and wanted(focused):
            return focused
    pytest.fail(f"{key} never reached {what}")


def choose_radio(page, focused, labels):
    """In a radio group, move with the arrow keys to the option to choose."""
    for _ in range(12):
        if focused["label"] in labels:
            if not focused["checked"]:
                page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")  # moves the focus and checks the next option
        focused = focused_visibly(page)
    pytest.fail(f"no option of {focused['name']} is labelled {sorted(labels)}")


def answer_by_keyboard(page, key):
    """Tab through the quiz form once, answering each control as it gets the focus; returns the
    fields (q1, q2, ...) answered. Handles every question type: radios (single, true_false) by
    arrow keys, checkboxes (multiple) by Space, text inputs (short, numeric) by typing, selects
    (ordering, matching) by type-ahead."""
    focused = tab_to(page, lambda element: element["inQuiz"], "the first question")
    answered, done = set(), set()
    while focused and focused["inQuiz"]:
        field = focused["name"].split("-")[0]
        # Answer controls are named after the question (q3), or q3-<item> for ordering and matching selects.
        answer = key.get(field) if focused["name"] == field or focused["tag"] == "select" else None
        if focused["type"] == "submit":
            return answered
        if answer is None or focused["id"] in done:
            pass  # not an answer control (e.g. "Move up" buttons, "How sure are you?"), or met again
        elif focused["type"] == "radio":
            choose_radio(page, focused, answer.labels)
        elif focused["type"] == "checkbox":
            if focused["label"] in answer.labels and not focused["checked"]:
                page.keyboard.press("Space")
        elif focused["tag"] == "input" and focused["type"] == "text":
            page.keyboard.type(answer.text)
        elif focused["tag"] == "select":
            # Type-ahead picks the option. A completed ranking reorders an ordering list and the
            # focused select may move up: Tab then meets selects already answered (`done`).
            page.keyboard.type(dict(answer.selects)[focused["label"]])
        else:
            pytest.fail(f"no way to answer {describe(focused)} of {field} ({answer.type})")
        if answer is not None:
            answered.add(field)
            done.add(focused["id"])
        page.keyboard.press("Tab")
        focused = focused_visibly(page)
    pytest.fail("Tab left the quiz form without reaching its submit button")


def test_learner_takes_lesson_check_with_keyboard_only_and_sees_review(page, learner, lesson_1_1):
    page.goto(f"/accounts/login/?next={lesson_1_1.url}")
    wait_for_autofocus(page, "username")  # the username field has the focus on load
    page.keyboard.type(learner.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == lesson_1_1.url

    tab_to(page, lambda element: element["text"] == "Take the check", "the lesson's “Take the check” button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/quiz/attempt/\d+/$"))
    attempt_id = int(re.search(r"/attempt/(\d+)/", page.url).group(1))
    key = answer_key(attempt_id)

    answered = answer_by_keyboard(page, key)
    assert answered == set(key), "every question was reached by Tab"
    page.keyboard.press("Enter")

    page.wait_for_url(f"**/quiz/attempt/{attempt_id}/review/")
    assert page.locator("#result-heading").inner_text() == "Passed: 100%"
    items = page.locator(".review-item")
    assert items.count() == len(key) == 5
    for index in range(items.count()):
        item = items.nth(index)
        assert item.locator(".badge").inner_text() == "Right"
        assert len(item.locator(".explanation").inner_text()) > len("Why") + 40
        assert "#" in item.get_by_role("link", name=re.compile("^Revisit “")).get_attribute("href")


def test_ordering_question_keeps_keyboard_focus_when_the_list_reorders(page, sign_in, learner):
    question = Question.objects.filter(type=QuestionType.ORDERING, quiz__kind=QuizKind.LESSON_CHECK).first()
    take_url = sign_in(learner).post(reverse("quiz:start", args=[question.quiz_id])).url
    page.goto(take_url)
    attempt_id = int(re.search(r"/attempt/(\d+)/", take_url).group(1))
    field = next(name for name, answer in answer_key(attempt_id).items() if answer.type == QuestionType.ORDERING)
    items = page.locator(f"fieldset#{field} .ordering__text").all_inner_texts()

    # Rank the items in reverse of how they are shown, so the last choice moves the focused item.
    for position in range(len(items), 0, -1):
        tab_to(page, lambda element: element["tag"] == "select" and element["name"].startswith(f"{field}-"), "a select")
        page.keyboard.type(str(position))

    focused = page.evaluate(FOCUSED_ELEMENT)
    assert focused is not None and focused["tag"] == "select", "the focus fell off the reordered list"
    assert focused["label"] == items[-1]
    assert page.locator(f"fieldset#{field} .ordering__text").all_inner_texts() == items[::-1]
