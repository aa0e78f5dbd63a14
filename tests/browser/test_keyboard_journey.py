"""The whole learner journey with the keyboard alone: sign up, open a module and
read a lesson, mark it read, take a quiz that asks every question type, read the
review, and find the attempt on "My progress" through the header navigation.

Tab (and Shift+Tab) to move, typing for fields and selects, Space and the arrow
keys to choose, Enter to follow links and submit. No clicks, no fill(), no value
set by script; `page.goto` only opens the sign-up page. Every element that takes
the focus on the way must draw it (an outline or a box shadow), so removing the
site's focus style fails this test.
"""

import re
from urllib.parse import urlsplit

from django.core.cache import cache

from course.lessons.models import LessonPage, ModulePage
from course.quiz.models import QuestionType, Quiz, QuizKind
from tests.browser.answer_key import answer_key
from tests.browser.conftest import BROWSER_MARKS, wait_for_autofocus
from tests.browser.test_quiz_by_keyboard import answer_by_keyboard, focused_visibly, tab_to

pytestmark = BROWSER_MARKS

GRADED_TYPES = {kind for kind in QuestionType if kind != QuestionType.POLL}
USERNAME, EMAIL, PASSWORD = "keyboarder", "keyboarder@example.com", "a-long-keyboard-password-73"


def quiz_with_every_type():
    """A shipped module quiz that asks every graded question type (and no poll), set to ask all of
    them on every attempt (module quizzes draw from a pool; an instructor can turn that off)."""
    for quiz in Quiz.objects.filter(kind=QuizKind.MODULE_QUIZ).order_by("page__path"):
        if set(quiz.questions.values_list("type", flat=True)) == GRADED_TYPES:
            quiz.draw_count = None
            quiz.save()
            return quiz
    raise AssertionError(
        "No shipped module quiz asks all seven question types: build one with "
        "tests/quiz/builders.make_every_type_quiz and reach it from its page."
    )


def add_lesson_without_check(module):
    """The shipped lessons all end with a check, so none offers "Mark as read": add one that does."""
    lesson = module.add_child(
        instance=LessonPage(
            title="Reading the treaties",
            slug="reading-the-treaties",
            summary="How to read an alliance treaty.",
            objectives="Find the casus foederis\nFind the exit clause",
            sources="- The treaties themselves",
            body=[
                {"type": "markdown", "value": "## The casus foederis\n\nWhen the allies must act.\n\n"
                 "## The exit clause\n\nHow an ally may leave."},
            ],
        )
    )  # fmt: skip
    cache.clear()  # the module's lesson list and the course structure are cached
    return lesson


def press_enter_and_wait(page, path):
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == path


def sign_up(page):
    page.goto("/accounts/signup/")
    wait_for_autofocus(page, "username")
    focused = focused_visibly(page)
    assert focused is not None and focused["name"] == "username", "the sign-up form's first field has the focus"
    page.keyboard.type(USERNAME)
    for name, value in (("email", EMAIL), ("password1", PASSWORD), ("password2", PASSWORD)):
        page.keyboard.press("Tab")
        focused = focused_visibly(page)
        assert focused is not None and focused["name"] == name, f"Tab goes from field to field, then {name}"
        page.keyboard.type(value)
    press_enter_and_wait(page, "/")
    assert page.get_by_text("Welcome! Your account is ready.").is_visible()


def read_lesson_and_mark_it_read(page, module, lesson):
    tab_to(page, lambda element: element["href"] == module.url, f"the card of Module {module.number}")
    press_enter_and_wait(page, module.url)
    tab_to(page, lambda element: element["href"] == lesson.url, f"the link to {lesson.title}")
    press_enter_and_wait(page, lesson.url)
    assert page.locator(".lesson-status .state").inner_text() == "In progress"  # opened, its check not yet passed

    # The skip link comes first and takes the focus to the content, past the header.
    focused = tab_to(page, lambda element: True, "the skip link")
    assert focused["text"] == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Read: the contents lead to each section.
    tab_to(page, lambda element: element["href"] == "#the-exit-clause", "the contents' link to a section")
    page.keyboard.press("Enter")
    page.wait_for_url("**#the-exit-clause")
    heading = page.get_by_role("heading", name="The exit clause")
    assert heading.is_visible() and heading.evaluate("el => el.getBoundingClientRect().top < innerHeight")

    # "Mark as read" sits above the contents: go back to it.
    tab_to(page, lambda element: element["text"] == "Mark as read", "the “Mark as read” button", key="Shift+Tab")
    press_enter_and_wait(page, lesson.url)
    assert page.get_by_text("Lesson marked as read.").is_visible()
    assert page.locator(".lesson-status .state").inner_text() == "Complete"
    assert page.get_by_role("button", name="Mark as read").count() == 0


def take_quiz(page, module, quiz):
    # The new lesson is the module's last: its pager leads to the module quiz.
    tab_to(page, lambda element: element["href"] == f"{module.url}#module-quiz", "the pager's “Module quiz” link")
    press_enter_and_wait(page, module.url)
    tab_to(page, lambda element: element["text"] == "Start the module quiz", "the “Start the module quiz” button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    match = re.fullmatch(r"/quiz/attempt/(\d+)/", urlsplit(page.url).path)
    assert match, f"starting the quiz opens an attempt, not {page.url}"
    attempt_id = int(match.group(1))
    key = answer_key(attempt_id)
    assert len(key) == quiz.questions.count()
    assert {answer.type for answer in key.values()} == GRADED_TYPES, "the attempt asks every question type"

    answered = answer_by_keyboard(page, key)
    assert answered == set(key), "Tab reached, and the keyboard answered, every question"
    assert {key[field].type for field in answered} == GRADED_TYPES
    assert focused_visibly(page)["text"] == "Submit answers"
    press_enter_and_wait(page, f"/quiz/attempt/{attempt_id}/review/")
    return key


def check_review(page, key):
    assert page.locator("#result-heading").inner_text() == "Passed: 100%"
    items = page.locator(".review-item")
    assert items.count() == len(key)
    right_types = set()
    for number in range(1, len(key) + 1):
        item = items.nth(number - 1)
        assert item.locator(".review-item__heading").inner_text().startswith(f"Question {number}")
        assert item.locator(".badge").inner_text() == "Right", f"question {number} ({key[f'q{number}'].type})"
        given, correct = item.locator(".answers dd").all_inner_texts()[:2]
        assert given.strip() and given != "No answer"
        assert sorted(given.splitlines()) == sorted(correct.splitlines()), f"question {number}: {given!r}"
        assert len(item.locator(".explanation").inner_text()) > len("Why") + 20
        right_types.add(key[f"q{number}"].type)
    assert right_types == GRADED_TYPES


def check_dashboard(page, module, lesson, quiz):
    tab_to(
        page,
        lambda element: element["nav"] == "Main" and element["text"] == "My progress",
        "“My progress” in the header's navigation",
    )
    press_enter_and_wait(page, "/my-progress/")
    items_in_course = LessonPage.objects.live().count() + Quiz.objects.filter(kind=QuizKind.MODULE_QUIZ).count()
    percent = round(100 * 2 / items_in_course)  # the lesson read and the module quiz passed
    assert page.locator(".overview__percent").inner_text() == f"{percent}% of the course complete"

    table = page.get_by_role("region", name=f"Module {module.number} lessons")
    lesson_row = table.get_by_role("row", name=lesson.title)
    assert lesson_row.locator(".state").inner_text() == "Complete"
    quiz_row = table.get_by_role("row", name="Module quiz")
    assert quiz_row.locator(".state").inner_text() == "Passed"
    assert quiz_row.get_by_role("cell").last.inner_text() == "100% (1 attempt)"
    items_in_module = module.get_children().type(LessonPage).live().count() + 1
    assert page.get_by_role("progressbar", name=f"Module {module.number} progress").get_attribute("value") == str(
        round(100 * 2 / items_in_module)
    )
    recent = page.get_by_role("region", name="Recent attempts").get_by_role("row", name=quiz.title)
    assert recent.get_by_role("cell").all_inner_texts()[-2:] == ["100%", "Passed"]


def test_a_learner_signs_up_reads_takes_every_question_type_and_sees_progress_by_keyboard_alone(page):
    quiz = quiz_with_every_type()
    module = ModulePage.objects.get(pk=quiz.page_id)
    lesson = add_lesson_without_check(module)

    sign_up(page)
    read_lesson_and_mark_it_read(page, module, lesson)
    key = take_quiz(page, module, quiz)
    check_review(page, key)
    check_dashboard(page, module, lesson, quiz)
