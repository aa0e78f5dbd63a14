"""Browser fixtures: headless Chromium through Playwright's sync API, against
pytest-django's live server.

The live server needs a transactional database; each such test ends with the
database put back as the session started (tests/conftest.py), so every browser
test finds the shipped course and leaves nothing behind.
"""

from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection

import pytest

from course.lessons.models import CourseHomePage

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Apply to every browser test module: `pytestmark = BROWSER_MARKS`.
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"Chromium not installed at {CHROMIUM}"),
]


# What has the keyboard focus, and how its focus is drawn.
FOCUSED_ELEMENT = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const label = el.labels && el.labels.length ? el.labels[0].innerText.trim() : "";
  return {
    tag: el.tagName.toLowerCase(), type: el.getAttribute("type") || "", name: el.name || "", id: el.id || "",
    label: label, text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
    checked: !!el.checked, inQuiz: !!el.closest("form.quiz-form"), href: el.getAttribute("href") || "",
    nav: el.closest("nav") ? el.closest("nav").getAttribute("aria-label") || "" : "",
    outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth, boxShadow: style.boxShadow,
  };
}"""


def focus_is_drawn(element):
    """Whether a FOCUSED_ELEMENT result draws its focus: an outline of some width, or a box shadow."""
    outline = element["outlineStyle"] != "none" and element["outlineWidth"] not in ("0px", "")
    shadow = element["boxShadow"] not in ("none", "")
    return outline or shadow


def describe(element):
    """A FOCUSED_ELEMENT result in a few words, for failure messages."""
    return f"<{element['tag']} {element['type']}> {element['label'] or element['text']!r}"


def wait_for_autofocus(page, name):
    """Chromium moves the focus to an `autofocus` field at its next rendering step, which
    may come just after the load event: wait for it (and fail if it never comes)."""
    page.wait_for_function(f"document.activeElement && document.activeElement.name === {name!r}", timeout=5_000)


@pytest.fixture(scope="module")
def orm_beside_playwright():
    """Playwright's sync API keeps an asyncio loop marked as running in this
    thread, and Django then refuses ORM calls. Test code and fixtures only touch
    the ORM between browser actions, never concurrently, so allow it while the
    browser tests of one module run."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="module")
def connection_closed_after_module(orm_beside_playwright, django_db_blocker):
    yield
    # With Playwright running, the ORM used a connection of its own (another context), which
    # Django does not close at the end of the session; PostgreSQL could not drop the database.
    with django_db_blocker.unblock():
        connection.close()


@pytest.fixture
def shipped_course(connection_closed_after_module, transactional_db):
    """The course as loaded at session start: every transactional test ends with the database
    put back as it was (tests/conftest.py), so the next one finds it."""
    cache.clear()
    return CourseHomePage.objects.get()


# Wagtail's page editor pings its editing session and, as the page unloads, sends a release
# request. One still in flight when a test ends writes to the database while it is put back
# as the session started ("database table is locked"). No test is about concurrent-editing notices,
# so these requests never leave the browser.
EDITING_SESSIONS = "**/admin/editing-sessions/**"


def open_context(browser, live_server, **options):
    """A browser context (own cookies) on the live server; close it with `close_context`."""
    context = browser.new_context(
        **{"base_url": live_server.url, "viewport": {"width": 1280, "height": 900}, **options}
    )
    context.route(EDITING_SESSIONS, lambda route: route.abort())
    return context


def close_context(context):
    """Unload every page while the route above still holds (so their release requests are
    stopped in the browser, not sent as the context closes), then close."""
    for tab in context.pages:
        tab.goto("about:blank")
    context.close()


@pytest.fixture(scope="module")
def browser(orm_beside_playwright):
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, shipped_course):
    """A fresh browser tab (own cookies) on the live server; `page.goto("/path/")` works."""
    context = open_context(browser, live_server)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    close_context(context)


@pytest.fixture
def sign_in(page, client, live_server):
    """sign_in(user) -> client: the browser tab and the test client share one signed-in session."""

    def do(user):
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
        return client

    return do
