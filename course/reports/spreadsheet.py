"""Wagtail's report exports (CSV and XLSX) made safe to open, by the site's one set of
spreadsheet rules (`course.operations.spreadsheet`)."""

import datetime

from course.operations.spreadsheet import BOM, TIMESTAMP_FORMAT, formula_safe, to_the_minute


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
