"""Layout checks in a real browser: the capstone page fits a 390 px phone (its scenario
table scrolls in its own box), and the admin's Markdown editor holds at least 70
characters a line at 1280 px."""

from django.urls import reverse

import pytest

from course.capstone.models import Capstone
from course.lessons.models import LessonPage
from tests.browser.conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS

# The editor's text width in characters of its own font: its content box over the width of "0".
EDITOR_CHARACTERS = """(el) => {
  const style = getComputedStyle(el);
  const canvas = document.createElement("canvas").getContext("2d");
  canvas.font = `${style.fontSize} ${style.fontFamily}`;
  const character = canvas.measureText("0".repeat(100)).width / 100;
  const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {characters: inner / character, width: inner, character: character};
}"""


def test_the_capstone_page_fits_a_phone(page, sign_in, learner):
    sign_in(learner)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reverse("capstone:detail", args=[Capstone.objects.first().pk]))
    assert page.locator(".case-box table").count() >= 1, "the scenario should hold its table"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator(".case-box .table-wrap").first
    assert box.get_attribute("tabindex") == "0"  # a keyboard user can scroll it


@pytest.mark.parametrize("width", [1280])
def test_the_markdown_editor_holds_seventy_characters_a_line(page, sign_in, superuser, width):
    sign_in(superuser)
    page.set_viewport_size({"width": width, "height": 900})
    lesson = LessonPage.objects.live().order_by("path").first()
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    editor = page.locator("textarea.markdownx-editor").first
    editor.wait_for()
    measured = editor.evaluate(EDITOR_CHARACTERS)
    assert measured["characters"] >= 70, measured
