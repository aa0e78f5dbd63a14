"""Every page type passes axe-core's WCAG 2.2 AA rules, in light and dark mode,
for an anonymous visitor and for a signed-in learner.

axe-core comes from npm (package.json; `make install` runs `npm ci`): the test
injects node_modules/axe-core/axe.min.js as a file, so it needs no network and
no inline script (the site's Content Security Policy stays strict).
"""

import json
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.urls import reverse

import pytest

from course.lessons.models import GlossaryPage, LessonPage, ModulePage, TimelinePage
from course.progress.models import Certificate
from course.quiz.attempts import submit_attempt
from course.quiz.models import Attempt, Quiz, QuizKind
from tests.browser.conftest import BROWSER_MARKS, close_context, open_context

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: run `npm ci` (make install does)"),
]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(result => result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
  })))"""


@pytest.fixture
def page(browser, live_server, shipped_course):
    """Like conftest's `page`, but the site's Content Security Policy would refuse the injected
    axe script (an inline <script> element), so this tab bypasses it; the site itself is unchanged."""
    context = open_context(browser, live_server, bypass_csp=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    close_context(context)


def public_pages(certificate_code):
    lesson = LessonPage.objects.live().order_by("path").first()
    lesson_check = Quiz.objects.filter(kind=QuizKind.LESSON_CHECK).order_by("pk").first()
    return {
        "home": "/",
        "module": ModulePage.objects.live().order_by("path").first().url,
        "lesson": lesson.url,
        "glossary": GlossaryPage.objects.live().first().url,
        "timeline": TimelinePage.objects.live().first().url,
        "alliance map": reverse("alliance-map") + "?year=1955",
        "search results": "/search/?q=" + quote("alliance"),
        "quiz detail": reverse("quiz:detail", args=[lesson_check.pk]),
        "verification": reverse("progress:verify", args=[certificate_code]),
        "login": reverse("accounts:login"),
        "sign-up": reverse("accounts:signup"),
        "password reset": reverse("accounts:password_reset"),
        "404": "/no-such-page/",
    }


def audit(page, pages):
    """{page (url, scheme): violations} for every page, light then dark (one load per page)."""
    found = {}
    for name, url in pages.items():
        page.emulate_media(color_scheme="light")
        page.goto(url)
        page.add_script_tag(path=str(AXE))
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            violations = page.evaluate(RUN_AXE, WCAG_22_AA)
            if violations:
                found[f"{name} ({url}, {scheme})"] = violations
    return found


def report(found):
    return "axe found WCAG 2.2 AA violations:\n" + json.dumps(found, indent=2, ensure_ascii=False)


def test_every_public_page_type_has_no_axe_violations_for_a_visitor(page, other_learner):
    certificate = Certificate.objects.create(learner=other_learner)
    found = audit(page, public_pages(certificate.code))
    assert not found, report(found)


def test_every_page_type_has_no_axe_violations_for_a_learner(page, sign_in, learner):
    client = sign_in(learner)
    first, second = Quiz.objects.filter(kind=QuizKind.LESSON_CHECK).order_by("pk")[:2]
    client.post(reverse("quiz:start", args=[first.pk]))
    submitted = Attempt.objects.get(learner=learner, quiz=first)
    submit_attempt(submitted, {})
    take_url = client.post(reverse("quiz:start", args=[second.pk])).url
    certificate = Certificate.objects.create(learner=learner)
    pages = {
        **public_pages(certificate.code),
        "quiz (taking)": take_url,
        "quiz review": reverse("quiz:review", args=[submitted.pk]),
        "dashboard": reverse("progress:dashboard"),
        "certificate": reverse("progress:certificate"),
    }
    found = audit(page, pages)
    assert not found, report(found)
