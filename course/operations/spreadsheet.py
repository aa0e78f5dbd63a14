"""Spreadsheet downloads that are safe to open: one set of rules for every CSV and XLSX file
the site writes (the reports' `SafeSpreadsheetExport` and the class downloads use them):

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

import csv
import io
from datetime import datetime, timedelta

from django.http import HttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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


def safe_cell(value):
    """A plain value as a spreadsheet should store it: numbers as numbers, timestamps to the
    minute, yes/no for booleans, text that could be a formula escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime):
        return to_the_minute(value)
    return formula_safe(str(value))


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename, headings, rows):
    """A CSV download of `rows` under `headings`, UTF-8 with a byte order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(heading) for heading in headings])
    for row in rows:
        writer.writerow([_csv_text(safe_cell(value)) for value in row])
    return _download(BOM + buffer.getvalue(), "text/csv; charset=utf-8", filename)


def _csv_text(value):
    return value.strftime(TIMESTAMP_FORMAT) if isinstance(value, datetime) else value


def xlsx_response(filename, headings, rows, title="Sheet"):
    """An XLSX download of `rows` under `headings` (one sheet named `title`)."""
    from openpyxl import Workbook  # only the downloads need it

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([safe_cell(heading) for heading in headings])
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _download(buffer.getvalue(), XLSX_TYPE, filename)
