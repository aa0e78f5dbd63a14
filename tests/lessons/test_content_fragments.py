"""`{% content_fragment %}` keeps whole elements: every fragment a page files closes each element
it opens and closes none it did not open, so the learner's panels rendered between fragments can
never end up inside or outside the wrong element."""

from html.parser import HTMLParser

import pytest

from course.lessons.models import LessonPage
from course.operations import versioned

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class ElementBalance(HTMLParser):
    """The elements a piece of HTML leaves open, and those it closes without having opened them."""

    def __init__(self):
        super().__init__()
        self.open, self.unopened = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.unopened.append(tag)


def kept_fragments():
    return {key: html for (key, _version), html in versioned._kept.items() if key.startswith("content-fragment:")}


def test_every_fragment_of_a_lesson_page_holds_whole_elements(login, learner):
    versioned._kept.clear()
    lesson = LessonPage.objects.live().filter(quizzes__isnull=False).order_by("path").first()
    assert login(learner).get(lesson.url).status_code == 200
    fragments = kept_fragments()
    names = {key.split(":")[1] for key in fragments}
    assert {"lesson-head", "lesson-contents", "lesson-text", "lesson-pager", "footer", "search-form"} <= names
    for key, html in fragments.items():
        balance = ElementBalance()
        balance.feed(str(html))
        balance.close()
        left_open, unopened = balance.open, balance.unopened
        assert left_open == [] and unopened == [], f"{key} leaves {left_open} open, closes {unopened}"


def test_the_balance_check_sees_a_fragment_that_opens_an_element_closed_outside_it():
    balance = ElementBalance()
    balance.feed('<article class="lesson"><h1>Title</h1>')
    assert balance.open == ["article"]
