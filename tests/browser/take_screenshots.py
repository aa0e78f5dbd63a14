"""Not a test: refreshes the README's screenshots in docs/screenshots/.

    .venv/bin/python -m pytest tests/browser/take_screenshots.py -q

(pytest collects a file named on its command line even without the test_ prefix,
so `make test` never runs this.) Each PNG is the top 1600 px of the page at 375 px
and 1280 px wide, in light and dark mode.
"""

from pathlib import Path

from django.conf import settings
from django.urls import reverse

from PIL import Image

from course.lessons.models import GlossaryPage, LessonPage, ModulePage
from course.quiz.attempts import submit_attempt
from course.quiz.models import Attempt, Quiz, QuizKind
from tests.browser.conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS

OUT = Path(settings.BASE_DIR) / "docs" / "screenshots"
MAX_HEIGHT = 1600


def test_take_screenshots(page, sign_in, learner):
    client = sign_in(learner)
    lesson = LessonPage.objects.live().order_by("path").first()
    client.post(reverse("progress:mark_read", args=[lesson.pk]))
    first, second = Quiz.objects.filter(kind=QuizKind.LESSON_CHECK).order_by("pk")[:2]
    client.post(reverse("quiz:start", args=[first.pk]))
    submit_attempt(Attempt.objects.get(learner=learner, quiz=first), {})
    pages = {
        "home": "/",
        "module": ModulePage.objects.live().order_by("path").first().url,
        "lesson": lesson.url,
        "quiz": client.post(reverse("quiz:start", args=[second.pk])).url,
        "review": reverse("quiz:review", args=[Attempt.objects.get(learner=learner, quiz=first).pk]),
        "dashboard": reverse("progress:dashboard"),
        "glossary": GlossaryPage.objects.live().first().url,
        "map": reverse("alliance-map"),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in pages.items():
            page.emulate_media(color_scheme="light")
            page.goto(url)
            for scheme in ("light", "dark"):
                page.emulate_media(color_scheme=scheme)
                height = min(MAX_HEIGHT, page.evaluate("document.documentElement.scrollHeight"))
                path = OUT / f"{name}-{width}-{scheme}.png"
                page.screenshot(path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
                shrink(path)
        # A glossary definition open beside its term: the window as the learner sees it.
        page.emulate_media(color_scheme="light")
        page.goto(LessonPage.objects.get(slug="nato-today").url)
        button = page.locator("button.gloss__button").first
        button.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -200)")
        button.click()
        path = OUT / f"glossary-popover-{width}-light.png"
        page.screenshot(path=str(path))
        shrink(path)


def shrink(path):
    """128 colours, no dithering: a third of the size, and text stays sharp."""
    image = Image.open(path).convert("RGB")
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
