"""In headless Chromium, under the real headers: the public site and Wagtail's page
editor (with the markdownx editor and its live preview) run without a single
Content Security Policy violation."""

from django.test import Client

import pytest

from course.lessons.models import LessonPage
from tests.browser.conftest import BROWSER_MARKS, close_context, open_context

pytestmark = BROWSER_MARKS

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def signed_in_tab(browser, live_server, shipped_course):
    """tab(user or None) -> a Playwright page that records CSP violations and console errors."""
    contexts = []

    def open_tab(user=None):
        context = open_context(browser, live_server)
        context.set_default_timeout(15_000)
        context.add_init_script(RECORD_VIOLATIONS)
        if user is not None:
            client = Client()
            client.force_login(user)
            context.add_cookies(
                [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
            )
        contexts.append(context)
        tab = context.new_page()
        tab.console_errors = []
        tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
        return tab

    yield open_tab
    for context in contexts:
        close_context(context)


def violations(tab):
    csp_console = [text for text in tab.console_errors if "Content Security Policy" in text]
    return tab.evaluate("window.__cspViolations") + csp_console


def test_public_pages_run_without_violations(signed_in_tab):
    tab = signed_in_tab()
    for path in ["/", "/foundations/security-bargains/", "/glossary/", "/timeline/", "/accounts/login/"]:
        tab.goto(path)
        tab.wait_for_load_state("networkidle")
        assert violations(tab) == [], path


def test_a_learner_taking_a_quiz_runs_without_violations(signed_in_tab, make_user):
    tab = signed_in_tab(make_user("csp-learner"))
    tab.goto("/foundations/security-bargains/")
    tab.locator(".quiz-panel button[type=submit]").click()
    tab.wait_for_url("**/quiz/attempt/**")
    tab.wait_for_load_state("networkidle")

    assert tab.locator("form.quiz-form").count() == 1
    assert violations(tab) == []


def test_the_page_editor_and_markdown_preview_run_without_violations(signed_in_tab, superuser):
    lesson = LessonPage.objects.get(slug="security-bargains")
    tab = signed_in_tab(superuser)
    tab.goto(f"/admin/pages/{lesson.pk}/edit/")
    tab.wait_for_load_state("networkidle")

    editor = tab.locator(".markdownx textarea[data-markdownx-init]").first
    editor.scroll_into_view_if_needed()
    editor.click()
    editor.press("End")
    editor.type("\n\n## A heading typed in the editor\n")
    preview = tab.locator(".markdownx-preview").first
    preview.locator("text=A heading typed in the editor").wait_for()

    assert violations(tab) == []


def test_the_editors_date_choosers_start_under_the_admin_policy(signed_in_tab, superuser):
    # Wagtail starts them with inline scripts: the reason /admin/ allows 'unsafe-inline' scripts.
    lesson = LessonPage.objects.get(slug="security-bargains")
    tab = signed_in_tab(superuser)
    tab.goto(f"/admin/pages/{lesson.pk}/edit/")
    tab.wait_for_load_state("networkidle")

    assert tab.evaluate("typeof window.initDateChooser") == "function"
    assert tab.locator("#id_facts_as_of").count() == 1
    assert violations(tab) == []
