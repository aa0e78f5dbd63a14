"""Chart geometry: data text in, SVG coordinates out. Pure functions, no Django.

Bar charts are horizontal (long labels stay readable on a phone); a line chart
whose labels are all numbers (years) spaces its points by value, otherwise evenly.
"""

import math
from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 180
BAR_HEIGHT = 22
BAR_GAP = 10
PLOT_TOP = 10
LINE_HEIGHT = 260
LINE_LEFT = 48
LINE_BOTTOM = 36
MAX_POINTS = 60


@dataclass(frozen=True)
class ChartPoint:
    label: str
    value: float
    x: float
    y: float
    length: float  # bar length, or 0 for line charts
    value_text: str


@dataclass(frozen=True)
class Chart:
    kind: str
    unit: str
    width: int
    height: int
    points: tuple
    maximum: float
    ticks: tuple  # (value, position) pairs along the value axis
    polyline: str


def parse_chart_data(text):
    """'label | value' lines to [(label, value)]; raises ValueError saying which line is wrong."""
    points = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        label, separator, raw_value = line.rpartition("|")
        if not separator or not label.strip():
            raise ValueError(f"Line {number}: write 'label | value'.")
        try:
            value = float(raw_value.strip())
        except ValueError:
            raise ValueError(f"Line {number}: '{raw_value.strip()}' is not a number.") from None
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"Line {number}: values must be zero or more.")
        points.append((label.strip(), value))
    if not points:
        raise ValueError("A chart needs at least one 'label | value' line.")
    if len(points) > MAX_POINTS:
        raise ValueError(f"A chart can show at most {MAX_POINTS} points.")
    return points


def nice_maximum(value):
    """The smallest 1, 2, 2.5 or 5 x 10^n at or above value (axis end)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def format_value(value, unit=""):
    text = f"{value:g}"
    if unit == "%":
        return f"{text} %"
    return f"{text} {unit}".strip()


def _ticks(maximum, start, length, count=5):
    return tuple((format_value(maximum * i / count), round(start + length * i / count, 1)) for i in range(count + 1))


def build_chart(kind, data_text, unit=""):
    data = parse_chart_data(data_text)
    maximum = nice_maximum(max(value for _, value in data))
    if kind == "line":
        return _line_chart(data, maximum, unit)
    return _bar_chart(data, maximum, unit)


def _bar_chart(data, maximum, unit):
    plot_width = WIDTH - LABEL_WIDTH - 60
    points = []
    for index, (label, value) in enumerate(data):
        y = PLOT_TOP + index * (BAR_HEIGHT + BAR_GAP)
        length = round(plot_width * value / maximum, 2)
        points.append(ChartPoint(label, value, LABEL_WIDTH, y, length, format_value(value, unit)))
    height = PLOT_TOP + len(data) * (BAR_HEIGHT + BAR_GAP) + 24
    ticks = _ticks(maximum, LABEL_WIDTH, plot_width)
    return Chart("bar", unit, WIDTH, height, tuple(points), maximum, ticks, "")


def _line_chart(data, maximum, unit):
    plot_width = WIDTH - LINE_LEFT - 24
    plot_height = LINE_HEIGHT - PLOT_TOP - LINE_BOTTOM
    try:
        positions = [float(label) for label, _ in data]
    except ValueError:
        positions = list(range(len(data)))
    low, high = min(positions), max(positions)
    span = (high - low) or 1
    points = []
    for (label, value), position in zip(data, positions, strict=True):
        x = round(LINE_LEFT + plot_width * (position - low) / span, 2)
        y = round(PLOT_TOP + plot_height * (1 - value / maximum), 2)
        points.append(ChartPoint(label, value, x, y, 0, format_value(value, unit)))
    polyline = " ".join(f"{p.x},{p.y}" for p in points)
    ticks = tuple(
        (text, round(PLOT_TOP + plot_height - (position - PLOT_TOP), 1))
        for text, position in _ticks(maximum, PLOT_TOP, plot_height)
    )
    return Chart("line", unit, WIDTH, LINE_HEIGHT, tuple(points), maximum, ticks, polyline)
