"""StreamField blocks of a lesson body.

Each block renders with its own template under templates/lessons/blocks/.
Structured data (tables, charts) is typed as plain text in the admin
("a | b" per line) so it reads the same in the admin and in content files.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .alliance_map import LATEST_YEAR, YEARS, map_context
from .charts import build_chart
from .markdown import render_markdown, render_markdown_document
from .widgets import AdminMarkdownxWidget

DATE_PATTERN = re.compile(r"^-?\d{1,4}(-\d{2}(-\d{2})?)?$")


class MarkdownBlock(blocks.TextBlock):
    """Markdown edited with markdownx's live preview; rendered and sanitised on output."""

    @cached_property
    def field(self):
        return forms.CharField(widget=AdminMarkdownxWidget(attrs={"rows": max(self.rows, 6)}), **self.field_options)

    def render_basic(self, value, context=None):
        return render_markdown(value)  # revision comparison only: the site renders markdown_block.html

    def headings(self, value):
        return render_markdown_document(value).headings

    class Meta:
        icon = "pilcrow"
        template = "lessons/blocks/markdown_block.html"
        preview_value = "## A heading\n\nSome **Markdown** text with a [link](https://www.sipri.org/)."


def validate_event_date(value):
    if not DATE_PATTERN.match(value.strip()):
        raise ValidationError(_("Write the date as YYYY, YYYY-MM or YYYY-MM-DD."))
    parts = [int(p) for p in value.strip().lstrip("-").split("-")]
    if len(parts) > 1:
        try:
            datetime.date(parts[0] or 1, parts[1], parts[2] if len(parts) > 2 else 1)
        except ValueError as error:
            raise ValidationError(_("Not a real date: %(error)s"), params={"error": error}) from error


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("note", _("Note")), ("key-point", _("Key point")), ("warning", _("Common mistake"))],
        default="note",
    )
    title = blocks.CharBlock(max_length=120)
    text = MarkdownBlock()

    class Meta:
        icon = "help"
        template = "lessons/blocks/callout_block.html"
        preview_value = {"kind": "key-point", "title": "Key point", "text": "Alliances are bargains."}


class TimelineEventBlock(blocks.StructBlock):
    date = blocks.CharBlock(max_length=10, validators=[validate_event_date], help_text=_("YYYY, YYYY-MM or YYYY-MM-DD"))
    title = blocks.CharBlock(max_length=160)
    text = MarkdownBlock(required=False, rows=2)

    class Meta:
        icon = "date"


class TimelineBlock(blocks.StructBlock):
    events = blocks.ListBlock(TimelineEventBlock())

    class Meta:
        icon = "history"
        template = "lessons/blocks/timeline_block.html"
        preview_value = {
            "events": [
                {"date": "1949-04-04", "title": "North Atlantic Treaty signed", "text": "Twelve founders."},
                {"date": "1955-05-14", "title": "Warsaw Pact signed", "text": ""},
            ]
        }


def split_cells(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(max_length=200)
    columns = blocks.CharBlock(help_text=_("Column headings separated by |"))
    rows = blocks.TextBlock(help_text=_("One row per line, cells separated by |"))
    source = blocks.CharBlock(required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["headings"] = split_cells(value["columns"])
        context["table_rows"] = [split_cells(line) for line in value["rows"].splitlines() if line.strip()]
        return context

    def clean(self, value):
        value = super().clean(value)
        width = len(split_cells(value["columns"]))
        for number, line in enumerate(value["rows"].splitlines(), start=1):
            if line.strip() and len(split_cells(line)) != width:
                raise blocks.StructBlockValidationError(
                    block_errors={
                        "rows": ValidationError(
                            _("Row %(row)s has %(got)s cells; the table has %(want)s columns."),
                            params={"row": number, "got": len(split_cells(line)), "want": width},
                        )
                    }
                )
        return value

    class Meta:
        icon = "table"
        template = "lessons/blocks/table_block.html"
        preview_value = {"caption": "NATO enlargement", "columns": "Year | Members", "rows": "1949 | 12\n2024 | 32"}


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(max_length=250, help_text=_("What the image shows, for people who cannot see it."))
    caption = blocks.CharBlock(max_length=250)
    credit = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "lessons/blocks/figure_block.html"


class CaseBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160)
    text = MarkdownBlock()

    class Meta:
        icon = "doc-full"
        template = "lessons/blocks/case_box_block.html"
        preview_value = {"title": "Case: Turkey and the S-400", "text": "A NATO member buys a Russian system."}


class ChartBlock(blocks.StructBlock):
    """A bar or line chart drawn as SVG on the server, with its data as a table."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("bar", _("Bar chart")),
            ("line", _("Line chart")),
            ("step", _("Step chart (counts over uneven years)")),
        ],
        default="bar",
    )
    title = blocks.CharBlock(max_length=160)
    description = blocks.CharBlock(max_length=300, help_text=_("One sentence: what the chart shows."))
    unit = blocks.CharBlock(max_length=30, required=False)
    data = blocks.TextBlock(help_text=_("One point per line: label | value"))
    source = blocks.CharBlock(max_length=250)

    def clean(self, value):
        value = super().clean(value)
        try:
            build_chart(value["kind"], value["data"], value["unit"])
        except ValueError as error:
            raise blocks.StructBlockValidationError(block_errors={"data": ValidationError(str(error))}) from error
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["chart"] = build_chart(value["kind"], value["data"], value["unit"])
        return context

    class Meta:
        icon = "view"
        template = "lessons/blocks/chart_block.html"
        preview_value = {
            "kind": "bar",
            "title": "Share of global arms exports, 2021-25",
            "description": "The United States supplied 42 % of the volume of transfers.",
            "unit": "%",
            "data": "United States | 42\nFrance | 9.8\nRussia | 6.8",
            "source": "SIPRI, March 2026",
        }


class AllianceMapBlock(blocks.StructBlock):
    """The alliance-membership map (course/lessons/alliance_map.py) as it stood in one year.
    Its year links lead to the map page, so a cached lesson never reads the query string."""

    year = blocks.IntegerBlock(min_value=YEARS[0], max_value=LATEST_YEAR, default=LATEST_YEAR)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["map"] = map_context(value["year"])
        context["map_url"] = reverse("alliance-map")
        return context

    class Meta:
        icon = "site"
        template = "site/includes/alliance_map.html"
        preview_value = {"year": LATEST_YEAR}


class LessonBodyBlock(blocks.StreamBlock):
    markdown = MarkdownBlock()
    callout = CalloutBlock()
    timeline = TimelineBlock()
    table = TableBlock()
    figure = FigureBlock()
    case_box = CaseBoxBlock()
    chart = ChartBlock()
    alliance_map = AllianceMapBlock()
