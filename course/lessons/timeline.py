"""Collects the dated events of every lesson's timeline blocks into one sorted list."""

from dataclasses import dataclass

from .markdown import render_markdown


@dataclass(frozen=True)
class TimelineEntry:
    date: str
    title: str
    text: str
    lesson_title: str
    lesson_url: str

    @property
    def sort_key(self):
        # "1648" < "1648-10" < "1648-10-24": pad to compare partial dates.
        year, _, rest = self.date.lstrip("-").partition("-")
        sign = -1 if self.date.startswith("-") else 1
        return (sign * int(year), rest)

    @property
    def html(self):
        return render_markdown(self.text)


def course_timeline(lessons):
    entries = []
    for lesson in lessons.only("id", "title", "path", "url_path", "body"):
        for block in lesson.body:
            if block.block_type == "timeline":
                for event in block.value["events"]:
                    entries.append(
                        TimelineEntry(event["date"], event["title"], event["text"], lesson.title, lesson.url)
                    )
    return sorted(entries, key=lambda entry: entry.sort_key)
