"""The fenced YAML blocks of a lesson body (```callout, ```timeline, ...) -> StreamField data."""

import datetime

from course.lessons.alliance_map import LATEST_YEAR, YEARS
from course.lessons.blocks import validate_event_date
from course.lessons.charts import KINDS, build_chart

from .yaml_lines import LineList

CALLOUT_KINDS = {"note", "key-point", "warning"}


def read_callout(reader, path, data, line):
    data = reader.mapping(path, data, "a callout", line)
    if data is None:
        return None
    kind = data.get("kind", "note")
    if kind not in CALLOUT_KINDS:
        reader.error(path, data.line_of("kind"), f"callout kind must be one of {', '.join(sorted(CALLOUT_KINDS))}")
    return {
        "type": "callout",
        "value": {
            "kind": kind,
            "title": reader.text(path, data, "title", max_length=120),
            "text": reader.text(path, data, "text"),
        },
    }


def event_date(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip() if value is not None else ""


def read_timeline(reader, path, data, line):
    if not isinstance(data, list) or not data:
        reader.error(path, line, "a timeline is a list of {date, title, text}")
        return None
    events = []
    for index, item in enumerate(data):
        item_line = data.line_of(index) if isinstance(data, LineList) else line
        if not isinstance(item, dict):
            reader.error(path, item_line, "each timeline event needs date, title and text")
            continue
        date = event_date(item.get("date"))
        try:
            validate_event_date(date)
        except Exception:
            reader.error(path, item.line_of("date"), f"event date '{date}' must be YYYY, YYYY-MM or YYYY-MM-DD")
        events.append(
            {
                "date": date,
                "title": reader.text(path, item, "title", max_length=160),
                "text": reader.text(path, item, "text", required=False),
            }
        )
    return {"type": "timeline", "value": {"events": events}}


def read_table(reader, path, data, line):
    data = reader.mapping(path, data, "a table", line)
    if data is None:
        return None
    columns = reader.text_list(path, data, "columns")
    rows = data.get("rows")
    if not isinstance(rows, list) or not rows:
        reader.error(path, data.line_of("rows"), "a table needs rows: a list of lists of cells")
        rows = []
    row_lines = []
    for index, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != len(columns):
            reader.error(path, rows.line_of(index), f"each row needs {len(columns)} cells, one per column")
            continue
        row_lines.append(" | ".join(str(cell).replace("|", "/") for cell in row))
    return {
        "type": "table",
        "value": {
            "caption": reader.text(path, data, "caption", max_length=200),
            "columns": " | ".join(columns),
            "rows": "\n".join(row_lines),
            "source": reader.text(path, data, "source", required=False),
        },
    }


def read_case_box(reader, path, data, line):
    data = reader.mapping(path, data, "a case box", line)
    if data is None:
        return None
    return {
        "type": "case_box",
        "value": {"title": reader.text(path, data, "title", max_length=160), "text": reader.text(path, data, "text")},
    }


def read_chart(reader, path, data, line):
    data = reader.mapping(path, data, "a chart", line)
    if data is None:
        return None
    kind = data.get("kind", "bar")
    if kind not in KINDS:
        reader.error(path, data.line_of("kind"), "chart kind must be bar, line or step")
        kind = "bar"
    points = data.get("data")
    lines = []
    if not isinstance(points, list) or not points:
        reader.error(path, data.line_of("data"), "a chart needs data: a list of {label, value}")
    else:
        for index, point in enumerate(points):
            if not isinstance(point, dict) or "label" not in point or "value" not in point:
                reader.error(path, points.line_of(index), "each chart point needs label and value")
                continue
            lines.append(f"{event_date(point['label'])} | {point['value']}")
    unit = reader.text(path, data, "unit", required=False)
    try:
        build_chart(kind, "\n".join(lines), unit)
    except ValueError as error:
        if lines:
            reader.error(path, data.line_of("data"), f"chart data: {error}")
    return {
        "type": "chart",
        "value": {
            "kind": kind,
            "title": reader.text(path, data, "title", max_length=160),
            "description": reader.text(path, data, "description", max_length=300),
            "unit": unit,
            "data": "\n".join(lines),
            "source": reader.text(path, data, "source", max_length=250),
        },
    }


def read_map(reader, path, data, line):
    """```map with `year: 1999`: the alliance map as it stood that year (the latest if no year)."""
    data = reader.mapping(path, data, "a map", line)
    if data is None:
        return None
    year = data.get("year", LATEST_YEAR)
    if not isinstance(year, int) or not YEARS[0] <= year <= LATEST_YEAR:
        reader.error(path, data.line_of("year"), f"map year must be a year from {YEARS[0]} to {LATEST_YEAR}")
        return None
    return {"type": "alliance_map", "value": {"year": year}}


BLOCK_READERS = {
    "callout": read_callout,
    "timeline": read_timeline,
    "table": read_table,
    "casebox": read_case_box,
    "chart": read_chart,
    "map": read_map,
}
