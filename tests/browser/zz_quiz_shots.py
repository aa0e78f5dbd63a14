from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from course.capstone.models import Capstone
from course.quiz.models import Attempt, Quiz, QuizKind
from tests.browser.conftest import BROWSER_MARKS
from tests.quiz.builders import right_form_data

pytestmark = BROWSER_MARKS
OUT = "/tmp/quiz"


def test_shots(page, sign_in, learner, lesson_1_1):
    quiz = Quiz.objects.get(page=lesson_1_1, kind=QuizKind.LESSON_CHECK)
    quiz.time_limit_minutes = 1
    quiz.save()
    client = sign_in(learner)
    take = client.post(reverse("quiz:start", args=[quiz.pk])).url
    attempt = Attempt.objects.get(learner=learner, quiz=quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(minutes=20))
    client.post(reverse("quiz:autosave", args=[attempt.pk]), right_form_data(attempt))
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(reverse("quiz:detail", args=[quiz.pk]))
        page.screenshot(path=f"{OUT}/detail-{width}.png")
        page.goto(take)
        page.screenshot(path=f"{OUT}/take-{width}.png")
        page.mouse.wheel(0, 900)
        page.wait_for_timeout(300)
        page.screenshot(path=f"{OUT}/take-scrolled-{width}.png")
        page.locator("input[type=radio]").first.check()
        page.wait_for_timeout(1500)
        page.locator("[data-save-status]").scroll_into_view_if_needed()
        page.screenshot(path=f"{OUT}/take-saved-{width}.png")
        capstone = Capstone.objects.get()
        page.goto(reverse("capstone:detail", args=[capstone.pk]))
        page.locator("textarea").first.fill("A first paragraph of my essay.")
        page.wait_for_timeout(2000)
        page.screenshot(path=f"{OUT}/capstone-{width}.png", full_page=True)
    # CSRF page: post with a bad token via a form in the page.
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(take)
    page.context.add_cookies([{"name": "csrftoken", "value": "b" * 32, "url": page.url}])
    page.locator("button[data-submit]").click()
    page.wait_for_load_state()
    page.screenshot(path=f"{OUT}/csrf-390.png", full_page=True)
