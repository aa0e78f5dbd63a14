"""Chart geometry: data text in, SVG coordinates out. Pure functions, no Django.

Bar charts are horizontal with each label above its bar, so a long label is never cut
off; a line or step chart whose labels are all numbers (years) spaces its points by value,
otherwise evenly, and shows only the axis labels that do not overlap (the first and last
always). The drawing is narrow (WIDTH user units): at 390 px its 14-unit text is still
12 px or more; the stylesheet caps its width on large screens. A step chart suits counts
that change at uneven dates, such as membership.
"""

import itertools
import math
from dataclasses import dataclass

WIDTH = 360
FONT_SIZE = 14  # user units; at 390 px the drawing is about 340 px wide, so 13 px on screen
LABEL_GAP = 20  # above each bar, for its label
BAR_HEIGHT = 18
BAR_GAP = 12
VALUE_ROOM = 64  # right of the longest bar, for its value
PLOT_TOP = 10
LINE_HEIGHT = 240
LINE_LEFT = 44
LINE_BOTTOM = 36
YEAR_LABEL_ROOM = 40  # a four-digit label at FONT_SIZE, plus a gap
MAX_POINTS = 60
KINDS = ("bar", "line", "step")


@dataclass(frozen=True)
class ChartPoint:
    label: str
    value: float
    x: float
    y: float
    length: float  # bar length, or 0 for line charts
    value_text: str
    show_label: bool = True  # false where the axis label would overlap its neighbour


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


def decimals_of(values):
    """Decimal places every value is shown with: the most any value needs (at most 2)."""
    return max((len(f"{v:.2f}".rstrip("0").split(".")[1]) for v in values), default=0)


def format_value(value, unit="", decimals=None):
    text = f"{value:g}" if decimals is None else f"{value:,.{decimals}f}"
    if unit == "%":
        return f"{text} %"
    return f"{text} {unit}".strip()


def _ticks(maximum, start, length, count=5):
    return tuple((format_value(maximum * i / count), round(start + length * i / count, 1)) for i in range(count + 1))


def build_chart(kind, data_text, unit=""):
    data = parse_chart_data(data_text)
    maximum = nice_maximum(max(value for _, value in data))
    decimals = decimals_of(value for _, value in data)
    if kind in ("line", "step"):
        return _line_chart(data, maximum, unit, decimals, step=kind == "step")
    return _bar_chart(data, maximum, unit, decimals)


def labels_that_fit(xs, room=YEAR_LABEL_ROOM):
    """Which axis labels to show so that none overlaps: the first and the last always,
    then from left to right each one far enough from the last shown and from the end."""
    shown = [False] * len(xs)
    if not xs:
        return shown
    shown[0] = shown[-1] = True
    last = xs[0]
    for index in range(1, len(xs) - 1):
        if xs[index] - last >= room and xs[-1] - xs[index] >= room:
            shown[index] = True
            last = xs[index]
    return shown


def _bar_chart(data, maximum, unit, decimals):
    left = 8
    plot_width = WIDTH - left - VALUE_ROOM
    row = LABEL_GAP + BAR_HEIGHT + BAR_GAP
    points = []
    for index, (label, value) in enumerate(data):
        y = PLOT_TOP + index * row + LABEL_GAP  # the bar's top; its label sits above it
        length = round(plot_width * value / maximum, 2)
        points.append(ChartPoint(label, value, left, y, length, format_value(value, unit, decimals)))
    height = PLOT_TOP + len(data) * row + 24
    ticks = _ticks(maximum, left, plot_width, count=2)
    return Chart("bar", unit, WIDTH, height, tuple(points), maximum, ticks, "")


def _line_chart(data, maximum, unit, decimals, step=False):
    plot_width = WIDTH - LINE_LEFT - 24
    plot_height = LINE_HEIGHT - PLOT_TOP - LINE_BOTTOM
    try:
        positions = [float(label) for label, _ in data]
    except ValueError:
        positions = list(range(len(data)))
    low, high = min(positions), max(positions)
    span = (high - low) or 1
    xs = [round(LINE_LEFT + plot_width * (position - low) / span, 2) for position in positions]
    shown = labels_that_fit(xs)
    points = []
    for (label, value), x, show in zip(data, xs, shown, strict=True):
        y = round(PLOT_TOP + plot_height * (1 - value / maximum), 2)
        points.append(ChartPoint(label, value, x, y, 0, format_value(value, unit, decimals), show))
    if step:  # the value holds until the next change: across, then up
        corners = [(points[0].x, points[0].y)]
        for before, after in itertools.pairwise(points):
            corners += [(after.x, before.y), (after.x, after.y)]
        polyline = " ".join(f"{x},{y}" for x, y in corners)
    else:
        polyline = " ".join(f"{p.x},{p.y}" for p in points)
    ticks = tuple(
        (text, round(PLOT_TOP + plot_height - (position - PLOT_TOP), 1))
        for text, position in _ticks(maximum, PLOT_TOP, plot_height)
    )
    return Chart("step" if step else "line", unit, WIDTH, LINE_HEIGHT, tuple(points), maximum, ticks, polyline)
