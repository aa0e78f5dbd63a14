"""Charts stay legible on a 390 px phone: text at least 12 px, no two axis labels
overlapping, no text cut off at the drawing's edges (issue #21)."""

import itertools

import pytest

from course.lessons.models import LessonPage
from tests.browser.conftest import BROWSER_MARKS

pytestmark = BROWSER_MARKS

MEASURE = """() => [...document.querySelectorAll('.chart__svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent.trim(), cls: t.getAttribute('class'), size: r.height, left: r.left, right: r.right,
            top: r.top, bottom: r.bottom, svgLeft: box.left, svgRight: box.right, y: t.getAttribute('y'),
            fontPx: parseFloat(getComputedStyle(t).fontSize) * box.width / svg.viewBox.baseVal.width};
  });
})"""


@pytest.mark.parametrize("slug", ["nato-today", "us-aid-and-sales-to-nato-allies", "shifting-power"])
def test_chart_labels_are_legible_at_390_px(page, live_server, slug):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(LessonPage.objects.get(slug=slug).url)
    charts = page.evaluate(MEASURE)
    assert charts, "the lesson has a chart"
    for labels in charts:
        for label in labels:
            assert label["fontPx"] >= 12, label
            assert label["left"] >= label["svgLeft"] - 0.5 and label["right"] <= label["svgRight"] + 0.5, label
        axis = sorted((lb for lb in labels if lb["cls"] == "chart__tick" and lb["y"]), key=lambda lb: lb["left"])
        for before, after in itertools.pairwise(axis):
            if abs(before["top"] - after["top"]) < 1:  # on the same row
                assert before["right"] <= after["left"], (before["text"], after["text"])
