"""Reading times come from the text: the pure rules, then what the home, module and lesson pages show."""

from django.utils import translation

import pytest

from course.lessons.models import LessonPage, ModulePage
from course.lessons.reading_time import count_words, reading_minutes, reading_time_label, words_in_blocks

# Rules -----------------------------------------------------------------------------------------


def test_words_are_counted_as_a_reader_reads_them():
    assert count_words("NATO's co-production of U.S. tanks, 2 % of GDP.") == 8
    assert count_words("See [SIPRI's data](https://www.sipri.org/databases/armstransfers) now.") == 4
    assert count_words("") == 0 and count_words(None) == 0


def test_words_in_blocks_read_text_and_skip_settings_and_data():
    blocks = [
        {"type": "markdown", "value": "## Two words\n\nThree more words."},
        {"type": "callout", "value": {"kind": "key-point", "title": "One", "text": "Two words"}},
        {"type": "timeline", "value": {"events": [{"date": "1949-04-04", "title": "Treaty signed", "text": ""}]}},
        {"type": "chart", "value": {"kind": "bar", "title": "Shares", "unit": "%", "data": "US | 42\nFrance | 9.8"}},
    ]
    assert words_in_blocks(blocks) == 5 + 3 + 2 + 1
    assert words_in_blocks([]) == 0


@pytest.mark.parametrize(("words", "minutes"), [(0, 0), (1, 1), (199, 1), (200, 1), (201, 2), (1000, 5), (41_366, 207)])
def test_minutes_are_words_at_200_a_minute_rounded_up(words, minutes):
    assert reading_minutes(words) == minutes


@pytest.mark.parametrize(
    ("minutes", "label"),
    [
        (1, "1 minute"),
        (2, "2 minutes"),
        (59, "59 minutes"),
        (60, "1 hour"),
        (61, "1 hour 1 minute"),
        (120, "2 hours"),
        (207, "3 hours 27 minutes"),
    ],
)
def test_label_uses_singular_and_plural(minutes, label):
    with translation.override("en"):
        assert reading_time_label(minutes) == label


# Pages -----------------------------------------------------------------------------------------


def body_of(words):
    return [{"type": "markdown", "value": "## Section\n\n" + " ".join(["word"] * (words - 1))}]


@pytest.fixture
def timed_module(make_module):
    """A module of three lessons of 450, 200 and 1 words: 3, 1 and 1 minutes, 5 in all."""
    module = make_module(lessons=3, slug="timed", with_checks=False)
    for lesson, words in zip(LessonPage.objects.child_of(module).order_by("path"), (450, 200, 1), strict=True):
        lesson.body = body_of(words)
        lesson.save_revision().publish()
    return module


@pytest.mark.django_db
def test_lesson_page_shows_its_reading_time(client, timed_module):
    lesson = LessonPage.objects.child_of(timed_module).order_by("path").first()
    html = client.get(lesson.url).content.decode()
    assert "Reading time: 3 minutes" in html


@pytest.mark.django_db
def test_module_page_shows_each_lesson_and_the_module_total(client, timed_module):
    html = client.get(timed_module.url).content.decode()
    assert "Reading time for this module: 5 minutes" in html
    assert [html.count(f"Reading time: {label}<") for label in ("3 minutes", "1 minute")] == [1, 2]


@pytest.mark.django_db
def test_home_shows_each_module_and_the_course_total(client, home, timed_module):
    html = client.get("/").content.decode()
    modules = list(ModulePage.objects.live().child_of(home))
    lesson_minutes = [lesson.reading_minutes for lesson in LessonPage.objects.live().descendant_of(home)]
    assert "Reading time: 5 minutes<" in html  # the timed module
    total = reading_time_label(sum(lesson_minutes))
    assert f"Reading time for the whole course: {total}<" in html
    assert html.count('class="reading-time"') == len(modules) + 1
    assert sum(lesson_minutes) > 120  # the shipped course: over two hours of reading
