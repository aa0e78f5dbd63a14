"""Reading time: how long a lesson, a module or the course takes to read, from its text.

Pure functions only; the page models feed them the text they already hold, so
showing a reading time costs no query of its own.
"""

import math
import re

from django.utils.translation import gettext, ngettext

WORDS_PER_MINUTE = 200  # an unhurried reading pace for study text
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")  # "NATO's", "U.S.", "co-production" are one word each
MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)]*\)")  # a link's URL is not read
# Keys of a lesson body's structured blocks that hold settings or data, not text a reader reads.
NOT_READ = frozenset({"kind", "date", "unit", "image", "id", "type", "data"})


def count_words(text):
    return len(WORD.findall(MARKDOWN_LINK_TARGET.sub("]", text or "")))


def strings_in_blocks(raw_blocks):
    """Every string a reader reads in a StreamField's raw data (a list of {"type", "value"})."""

    def texts(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in NOT_READ:
                    yield from texts(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from texts(item)

    for block in raw_blocks or []:
        yield from texts(block.get("value"))


def words_in_blocks(raw_blocks):
    """Words in a StreamField's raw data: every string a reader reads."""
    return sum(count_words(text) for text in strings_in_blocks(raw_blocks))


def reading_minutes(words, words_per_minute=WORDS_PER_MINUTE):
    """Whole minutes, rounded up; any text at all takes at least a minute."""
    if words <= 0:
        return 0
    return math.ceil(words / words_per_minute)


def reading_time_label(minutes):
    """'1 minute', '45 minutes', '2 hours', '3 hours 27 minutes' (translated, with plurals)."""
    hours, rest = divmod(int(minutes), 60)
    minute_text = ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest}
    if not hours:
        return minute_text
    hour_text = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    if not rest:
        return hour_text
    return gettext("%(hours)s %(minutes)s") % {"hours": hour_text, "minutes": minute_text}
