"""A glossary definition opens beside its term, on a phone and a wide screen, closes with its
Close button or Escape, and gives focus back to the button that opened it (issue #21)."""

import pytest

from course.lessons.models import LessonPage
from tests.browser.conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS

BOXES = """([button, popover]) => {
  const b = document.querySelector(button).getBoundingClientRect();
  const p = document.querySelector(popover).getBoundingClientRect();
  return {button: {top: b.top, bottom: b.bottom, left: b.left, right: b.right},
          popover: {top: p.top, bottom: p.bottom, left: p.left, right: p.right},
          width: window.innerWidth, height: window.innerHeight};
}"""


def first_term(page):
    button = page.locator("button.gloss__button").first
    button.scroll_into_view_if_needed()
    popover_id = button.get_attribute("popovertarget")
    return button, f'[popovertarget="{popover_id}"].gloss__button', f"#{popover_id}"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_definition_opens_beside_its_term_inside_the_screen(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(LessonPage.objects.get(slug="nato-today").url)
    button, button_selector, popover_selector = first_term(page)
    button.click()
    popover = page.locator(popover_selector)
    popover.wait_for(state="visible")
    boxes = page.evaluate(BOXES, [button_selector, popover_selector])
    near, box = boxes["button"], boxes["popover"]
    assert box["left"] >= 0 and box["right"] <= boxes["width"], boxes  # nothing off a phone's edge
    below = 0 <= box["top"] - near["bottom"] <= 12
    above = 0 <= near["top"] - box["bottom"] <= 12
    assert below or above, boxes  # beside its term, not centred in the window
    assert box["left"] <= near["right"] and box["right"] >= near["left"], boxes  # overlaps the term's column
    popover.get_by_role("button", name="Close").click()
    popover.wait_for(state="hidden")


def test_escape_and_close_return_focus_to_the_term_by_keyboard(page, live_server):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(LessonPage.objects.get(slug="nato-today").url)
    button, _, popover_selector = first_term(page)
    popover = page.locator(popover_selector)

    button.focus()
    page.keyboard.press("Enter")
    popover.wait_for(state="visible")
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('gloss__button')")

    page.keyboard.press("Enter")
    popover.wait_for(state="visible")
    page.keyboard.press("Tab")  # the popover comes next in the tab order, after its button
    assert page.evaluate("document.activeElement.classList.contains('gloss__close')")
    page.keyboard.press("Enter")
    popover.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('gloss__button')")
