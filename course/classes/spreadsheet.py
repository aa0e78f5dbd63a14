"""Formula-safe CSV and XLSX downloads.

A cell that starts with = + - @ (or a tab or carriage return) is read as a formula
by spreadsheet programs: a learner named "=HYPERLINK(...)" must not run in an
instructor's copy of Excel. Such text gets a leading apostrophe; numbers stay
numbers. Reusable for any table: `csv_response` / `xlsx_response` take headings
and rows of plain values."""

import csv
import io
from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """A value as a spreadsheet should store it: text that could be a formula escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename, headings, rows):
    """UTF-8 with a byte order mark, so Excel reads accented names right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(heading) for heading in headings])
    for row in rows:
        writer.writerow([_csv_text(safe_cell(value)) for value in row])
    return _download("\ufeff" + buffer.getvalue(), "text/csv; charset=utf-8", filename)


def _csv_text(value):
    return value.isoformat(sep=" ", timespec="minutes") if isinstance(value, datetime) else value


def xlsx_response(filename, headings, rows, title="Sheet"):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([safe_cell(heading) for heading in headings])
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _download(buffer.getvalue(), XLSX_TYPE, filename)
