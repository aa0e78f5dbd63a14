"""Spreadsheet downloads (Wagtail's CSV and XLSX export) that are safe to open.

Every export goes through `SafeSpreadsheetExport`:

- A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
  read as a formula by Excel, LibreOffice and Google Sheets: a learner calling
  themselves `=HYPERLINK("https://evil.example", "Click")` would put a link in the
  instructor's spreadsheet. Such cells get a leading apostrophe, which the
  spreadsheet shows as plain text (OWASP's advice for CSV injection). Numbers stay
  numbers. The same escaping serves CSV and XLSX.
- CSV starts with a UTF-8 byte order mark, without which Excel reads the file as
  the local 8-bit code page ("ZoÃ«" for "Zoë").
- Timestamps are rounded to the minute in the site's time zone, written
  "2026-12-02 10:58": no microseconds or UTC offsets in a learner's row.
"""

import datetime
from datetime import timedelta

from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M"


def formula_safe(value):
    """`value`, with a text value that a spreadsheet would run as a formula made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_the_minute(value):
    """A datetime rounded to the nearest minute in the current time zone (naive: as is)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    value = value.replace(second=0, microsecond=0) + timedelta(minutes=1 if value.second >= 30 else 0)
    return value.replace(tzinfo=None)


class SafeSpreadsheetExport:
    """Mix into a Wagtail view with spreadsheet export (a ReportView) before its base."""

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, datetime.datetime):
            rounded = to_the_minute(value)
            return rounded.strftime(TIMESTAMP_FORMAT) if export_format == self.FORMAT_CSV else rounded
        return formula_safe(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return formula_safe(super().get_heading(queryset, field))

    def stream_csv(self, queryset):
        rows = super().stream_csv(queryset)
        yield BOM.encode() + next(rows)
        yield from rows
