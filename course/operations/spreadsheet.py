"""Spreadsheet downloads that are safe to open: one set of rules for every CSV and XLSX file
the site writes (the reports' `SafeSpreadsheetExport` and the class grid's queued exports use them):

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

from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
CONTENT_TYPES = {"csv": CSV_TYPE, "xlsx": XLSX_TYPE}
# What Excel refuses in a sheet's name (openpyxl raises on these characters; Excel also on a name
# that starts or ends with an apostrophe): a class called "Q1/Q2" still exports.
SHEET_TITLE_REFUSES = str.maketrans(dict.fromkeys("\\*?:/[]", "-"))


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


def csv_text(headings, rows):
    """`rows` under `headings` as CSV text, with the byte order mark Excel needs."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(heading) for heading in headings])
    for row in rows:
        writer.writerow([_csv_text(safe_cell(value)) for value in row])
    return BOM + buffer.getvalue()


def _csv_text(value):
    return value.strftime(TIMESTAMP_FORMAT) if isinstance(value, datetime) else value


def xlsx_bytes(headings, rows, title="Sheet"):
    """`rows` under `headings` as an XLSX workbook (one sheet named `title`)."""
    from openpyxl import Workbook  # only the downloads need it

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title.translate(SHEET_TITLE_REFUSES)[:31].strip("'") or "Sheet")
    sheet.append([safe_cell(heading) for heading in headings])
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def spreadsheet_bytes(file_format, headings, rows, title="Sheet"):
    """The file of `rows` in `file_format` ("csv" or "xlsx"), as bytes."""
    if file_format == "csv":
        return csv_text(headings, rows).encode("utf-8")
    return xlsx_bytes(headings, rows, title=title)
