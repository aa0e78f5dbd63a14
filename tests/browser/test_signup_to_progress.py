"""A newcomer signs up through the form, reads lesson 1.1, passes its check, and
sees the lesson's state, the home page's module progress bar and the dashboard
move from "not started" to one item done."""

from urllib.parse import urlsplit

from course.lessons.models import LessonPage
from course.quiz.models import Quiz, QuizKind
from tests.browser.answer_key import answer_with_pointer
from tests.browser.conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS


def module_card(page, number):
    return page.locator(".card", has=page.get_by_role("progressbar", name=f"Module {number} progress"))


def test_new_learner_passes_a_check_and_sees_progress_everywhere(page, lesson_1_1):
    module = lesson_1_1.get_parent().specific
    items_in_module = module.get_children().type(LessonPage).live().count() + 1  # lessons and the module quiz
    items_in_course = LessonPage.objects.live().count() + Quiz.objects.filter(kind=QuizKind.MODULE_QUIZ).count()
    module_percent = round(100 / items_in_module)
    course_percent = round(100 / items_in_course)

    page.goto("/accounts/signup/")
    page.get_by_label("Username").fill("newcomer")
    page.get_by_label("Email").fill("newcomer@example.com")
    page.get_by_label("Password:", exact=True).fill("a-long-browser-password-58")
    page.get_by_label("Password confirmation").fill("a-long-browser-password-58")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign up").click()
    assert urlsplit(page.url).path == "/"
    assert page.get_by_text("Welcome! Your account is ready.").is_visible()
    assert page.locator(".hero__progress").get_by_text("0% of the course complete").is_visible()
    card = module_card(page, module.number)
    assert card.locator(".state").inner_text() == f"Not started · 0 of {items_in_module} done"
    assert card.get_by_role("progressbar").get_attribute("value") == "0"

    page.goto(lesson_1_1.url)
    page.get_by_role("heading", name="Why arms enter the bargain").scroll_into_view_if_needed()
    assert page.locator(".lesson-status .state").inner_text() == "In progress"  # opened, its check not yet passed
    with page.expect_navigation():
        page.get_by_role("button", name="Take the check").click()
    attempt_id = int(page.url.rstrip("/").rsplit("/", 1)[1])
    answer_with_pointer(page, attempt_id)
    with page.expect_navigation():
        page.get_by_role("button", name="Submit answers").click()
    assert urlsplit(page.url).path == f"/quiz/attempt/{attempt_id}/review/"
    assert page.locator("#result-heading").inner_text() == "Passed: 100%"

    with page.expect_navigation():
        page.get_by_role("link", name=f"Back to {lesson_1_1.title}").click()
    assert urlsplit(page.url).path == lesson_1_1.url
    assert page.locator(".lesson-status .state").inner_text() == "Complete · best score 100%"
    assert page.locator(".lesson-status .state").get_attribute("class") == "state state--complete"

    page.goto("/")
    assert page.locator(".hero__progress").get_by_text(f"{course_percent}% of the course complete").is_visible()
    card = module_card(page, module.number)
    assert card.locator(".state").inner_text() == f"In progress · 1 of {items_in_module} done"
    assert card.get_by_role("progressbar").get_attribute("value") == str(module_percent)

    with page.expect_navigation():
        page.get_by_role("navigation", name="Main").get_by_role("link", name="My progress").click()
    assert urlsplit(page.url).path == "/my-progress/"
    assert page.locator(".overview__percent").inner_text() == f"{course_percent}% of the course complete"
    row = page.locator(".module-progress").get_by_role("row", name=lesson_1_1.title)
    assert row.locator(".state").inner_text() == "Complete"
    assert row.get_by_role("cell").last.inner_text() == "100% (1 attempt)"
    bar = page.get_by_role("progressbar", name=f"Module {module.number} progress")
    assert bar.get_attribute("value") == str(module_percent)
