"""A timed quiz by keyboard alone: answers are saved as they are given, a reload mid-way
finds every one of them, the clock ticks every second and says when one minute is left,
and when it reaches zero the page submits itself and the saved answers are graded."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

import pytest

from course.quiz.models import Attempt, Quiz, QuizKind
from tests.browser.answer_key import answer_key
from tests.browser.conftest import BROWSER_MARKS, close_context, open_context
from tests.browser.test_quiz_by_keyboard import answer_by_keyboard, tab_to

pytestmark = BROWSER_MARKS


def form_state(page):
    """What the quiz form would post now (the browser's own FormData), without the token."""
    return page.evaluate(
        """() => {
          const data = new FormData(document.querySelector("form.quiz-form"));
          data.delete("csrfmiddlewaretoken");
          return Array.from(data.entries()).filter(([, value]) => value !== "").map(([k, v]) => k + "=" + v).sort();
        }"""
    )


def test_a_timed_quiz_by_keyboard_survives_a_reload_and_submits_itself_at_zero(page, sign_in, learner, lesson_1_1):
    quiz = Quiz.objects.get(page=lesson_1_1, kind=QuizKind.LESSON_CHECK)
    quiz.time_limit_minutes = 1
    quiz.save()
    sign_in(learner)
    page.goto(reverse("quiz:detail", args=[quiz.pk]))
    assert "Time limit: 1 minute" in page.locator(".facts").inner_text()
    tab_to(page, lambda element: element["text"] == "Start", "the Start button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/quiz/attempt/\d+/$"))
    attempt_id = int(re.search(r"/attempt/(\d+)/", page.url).group(1))

    clock = page.locator(".quiz__countdown")
    first = clock.inner_text()
    page.wait_for_timeout(1_100)
    assert clock.inner_text() != first, "the countdown ticks every second"
    assert re.fullmatch(r"Time left \d:\d\d", clock.inner_text())

    # Answer every question by keyboard; each change is saved on the server as it happens.
    autosaves = []
    page.on("request", lambda request: autosaves.append(request) if request.url.endswith("/autosave/") else None)
    key = answer_key(attempt_id)
    assert answer_by_keyboard(page, key) == set(key)
    page.keyboard.press("Shift+Tab")  # leave the last text box: its change is saved too
    page.locator("[data-save-status]", has_text="Answers saved").wait_for(timeout=10_000)
    page.wait_for_timeout(1_500)  # the debounced last save
    given = form_state(page)
    assert len(given) >= len(key)
    assert 1 <= len(autosaves) <= len(given), "at most one small request per answer changed"

    page.reload()
    assert form_state(page) == given, "a reload mid-way finds every saved answer"
    assert Attempt.objects.get(pk=attempt_id).submitted_at is None

    # Passing five minutes left is said once to screen readers.
    Attempt.objects.filter(pk=attempt_id).update(deadline=timezone.now() + timedelta(seconds=302))
    page.reload()
    announcer = page.locator("[data-timer-announcer]")
    assert announcer.inner_text() == ""
    page.locator("[data-timer-announcer]", has_text="Five minutes left.").wait_for(state="attached", timeout=5_000)

    # The clock runs out: nothing is pressed; the page submits itself at zero.
    Attempt.objects.filter(pk=attempt_id).update(deadline=timezone.now() + timedelta(seconds=4))
    page.reload()
    page.locator("[data-timer-announcer]", has_text="One minute left.").wait_for(state="attached", timeout=5_000)
    page.wait_for_url(f"**/quiz/attempt/{attempt_id}/review/", timeout=15_000)
    attempt = Attempt.objects.get(pk=attempt_id)
    assert attempt.submitted_at is not None and not attempt.timed_out
    assert attempt.score == 100.0
    assert page.locator("#result-heading").inner_text() == "Passed: 100%"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_timer_stays_in_view_and_shows_the_deadline_in_the_learners_time_zone(
    browser, page, live_server, sign_in, learner, lesson_1_1, width
):
    quiz = Quiz.objects.get(page=lesson_1_1, kind=QuizKind.LESSON_CHECK)
    quiz.time_limit_minutes = 30
    quiz.save()
    take_url = sign_in(learner).post(reverse("quiz:start", args=[quiz.pk])).url
    deadline = Attempt.objects.get(learner=learner, quiz=quiz).deadline
    # A learner in New Zealand (UTC+12 or +13), on a phone or a laptop.
    context = open_context(
        browser, live_server, viewport={"width": width, "height": 700}, timezone_id="Pacific/Auckland"
    )
    context.add_cookies(page.context.cookies())
    tab = context.new_page()
    tab.goto(take_url)

    tab.locator("button[data-submit]").scroll_into_view_if_needed()
    box = tab.locator(".quiz__timer").bounding_box()
    assert box is not None and -1 <= box["y"] <= 1, "the timer sticks to the top of the window"
    assert box["height"] < 120, "the timer covers little of a small screen"
    assert box["width"] <= width
    local = deadline.astimezone(ZoneInfo("Pacific/Auckland"))
    shown = tab.locator("[data-local-time]").inner_text()
    assert "UTC" not in shown and "GMT+1" in shown
    assert local.strftime("%I:%M").lstrip("0") in shown
    close_context(context)
