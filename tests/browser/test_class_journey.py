"""An instructor creates a class in the admin; a learner joins it by code on the
dashboard, takes a check and answers the capstone; the instructor sees the result in
the class grid and the learner's page and writes feedback, which the learner reads."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from course.capstone.models import Capstone
from course.classes.models import CapstoneFeedback, CourseClass
from course.lessons.models import LessonPage
from course.site.roles import INSTRUCTORS
from tests.browser.answer_key import answer_with_pointer
from tests.browser.conftest import BROWSER_MARKS, close_context, open_context

pytestmark = BROWSER_MARKS


def signed_in_tab(browser, live_server, user):
    """A tab with its own session (a client of its own: logging another user into the
    same client would end the first one's session)."""
    client = Client()
    client.force_login(user)
    context = open_context(browser, live_server)
    context.set_default_timeout(15_000)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    return context.new_page()


def test_instructor_creates_class_learner_joins_and_gets_feedback(browser, live_server, shipped_course):
    User = get_user_model()
    teacher = User.objects.create_user("teacher", "teacher@example.com", "a-long-browser-password-58", is_staff=True)
    teacher.groups.add(Group.objects.get(name=INSTRUCTORS))
    learner = User.objects.create_user("ada", "ada@example.com", "a-long-browser-password-58", display_name="Ada L")
    lesson = LessonPage.objects.get(slug="security-bargains")
    capstone = Capstone.objects.select_related("page").get()

    instructor_tab = signed_in_tab(browser, live_server, teacher)
    instructor_tab.goto("/admin/classes/new/")
    instructor_tab.locator("#id_name").fill("Thursday seminar")
    with instructor_tab.expect_navigation():
        instructor_tab.get_by_role("button", name="Create").click()
    course_class = CourseClass.objects.get(name="Thursday seminar")
    assert urlsplit(instructor_tab.url).path == f"/admin/classes/{course_class.pk}/"
    code = instructor_tab.locator(".class-code").inner_text()
    assert code == course_class.join_code

    learner_tab = signed_in_tab(browser, live_server, learner)
    learner_tab.goto("/my-progress/")
    learner_tab.get_by_label("Class code").fill(code.lower())
    with learner_tab.expect_navigation():
        learner_tab.get_by_role("button", name="Join a class").click()
    assert learner_tab.get_by_text("You joined the class “Thursday seminar”.").is_visible()

    learner_tab.goto(lesson.url)
    with learner_tab.expect_navigation():
        learner_tab.get_by_role("button", name="Take the check").click()
    attempt_id = int(learner_tab.url.rstrip("/").rsplit("/", 1)[1])
    answer_with_pointer(learner_tab, attempt_id)
    with learner_tab.expect_navigation():
        learner_tab.get_by_role("button", name="Submit answers").click()
    assert learner_tab.locator("#result-heading").inner_text() == "Passed: 100%"

    learner_tab.goto(f"/capstone/{capstone.pk}/")
    for box in learner_tab.locator("form.capstone-form textarea").all():
        box.fill("Keep the alliance, slow the sale.")
    with learner_tab.expect_navigation():
        learner_tab.get_by_role("button", name="Submit my answers").click()

    instructor_tab.goto(f"/admin/classes/{course_class.pk}/grid/?module={lesson.get_parent().pk}")
    row = instructor_tab.locator("tbody tr", has_text="Ada L")
    assert "Complete" in row.inner_text() and "best 100%" in row.inner_text()
    with instructor_tab.expect_navigation():
        row.get_by_role("link", name="Ada L").click()
    assert instructor_tab.get_by_role("heading", name=re.compile("Progress:")).is_visible()
    with instructor_tab.expect_navigation():
        instructor_tab.get_by_role("link", name=lesson.quizzes.get().title).click()
    assert instructor_tab.get_by_text("Answer given").first.is_visible()
    instructor_tab.go_back()

    feedback = instructor_tab.locator("article").first
    feedback.get_by_label("Feedback").fill("Name the supplier's leverage.")
    feedback.get_by_label("Verdict").select_option(label="Needs another draft")
    with instructor_tab.expect_navigation():
        feedback.get_by_role("button", name="Save feedback").click()
    assert CapstoneFeedback.objects.filter(learner=learner, verdict="redraft").count() == 1

    learner_tab.goto(f"/capstone/{capstone.pk}/")
    section = learner_tab.get_by_role("region", name="Feedback from your instructor")
    assert "Name the supplier's leverage." in section.inner_text()
    assert "Needs another draft" in section.inner_text()
    learner_tab.goto("/my-progress/")
    assert learner_tab.get_by_role("region", name="Feedback on your capstone").is_visible()
    close_context(learner_tab.context)
    close_context(instructor_tab.context)
