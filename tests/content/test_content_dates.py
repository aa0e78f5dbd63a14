"""Changeable facts are current to December 2026, or say when they were last checked.

The course is reviewed as of December 2026. A statement "as of <date>" must either give that
month or say plainly that the date is the last one a source could confirm ("last checked ...",
"the latest count we could confirm"). Lessons that carry a facts date carry December 2026.
"""

import datetime
import re

import pytest

from tests.content.course_text import lessons, passages, sentences

REVIEWED = "December 2026"
AS_OF = re.compile(r"(?i:\bas of\s+((?:early|mid|late)[- ]\d{4}|(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}|\d{4}(?:-\d{2})?))")
# The sentence admits that the date is the last one confirmed, and says when it was checked.
LAST_CHECKED = re.compile(r"(?i:last checked|latest (?:\w+ ){0,3}(?:we could )?confirm\w*)")


def undated_as_of(sentence):
    """The "as of" dates in a sentence that are neither December 2026 nor marked as last confirmed."""
    stale = [date for date in AS_OF.findall(sentence) if date.lower() != REVIEWED.lower()]
    return [] if LAST_CHECKED.search(sentence) else stale


@pytest.mark.parametrize(
    ("sentence", "stale"),
    [
        ("As of March 2026 it has 32 members.", ["March 2026"]),
        ("Wassenaar has 42 participating states as of early 2026.", ["early 2026"]),
        ("NATO (as of 2025)", ["2025"]),
        ("As of December 2026 it has 32 members.", []),
        ("As of August 2025, the latest count we could confirm (last checked December 2026), it had 116.", []),
        ("116 states parties (as of August 2025, the latest count confirmed)", []),
        ("Ten members since July 2024 (last checked December 2026).", []),
    ],
)
def test_as_of_check_tells_current_dates_from_stale_ones(sentence, stale):
    assert undated_as_of(sentence) == stale


def test_every_as_of_date_is_december_2026_or_says_when_last_checked():
    stale = [
        f"{passage.where}: {sentence}"
        for passage in passages()
        for sentence in sentences(passage.text)
        if undated_as_of(sentence)
    ]
    assert not stale, f'"as of" a date other than {REVIEWED}, without saying when last checked:\n' + "\n".join(stale)


def test_lessons_with_a_facts_date_were_checked_in_december_2026():
    stale = [
        f"{lesson.source}: facts_as_of {lesson.facts_as_of}, review_by {lesson.review_by}"
        for _module, lesson in lessons()
        if lesson.facts_as_of
        and not (
            lesson.facts_as_of >= datetime.date(2026, 12, 1)
            and (lesson.review_by is None or lesson.review_by > lesson.facts_as_of)
        )
    ]
    assert not stale, "lessons whose changeable facts predate the December 2026 check:\n" + "\n".join(stale)
