"""The geometry of the dashboard's small bar charts. Pure Python, no Django.

One chart per outlet and measure (first response, decision): per month a bar for the
median and one for the 90th percentile, in hours, with a dashed line at the service
level. The template draws it as inline SVG; coordinates are in the SVG's user units.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

WIDTH = 360
HEIGHT = 200
LEFT = 40  # room for the hour labels
RIGHT = 8
TOP = 12
BOTTOM = 24  # room for the month labels


@dataclass(frozen=True)
class Bar:
    kind: str  # "median" or "p90"
    value: float
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Slot:
    """One month: its label's position and its (up to two) bars."""

    month: date
    label_x: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Tick:
    value: float
    y: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: float  # x of the plot's right edge
    baseline: float  # y of zero hours
    slots: tuple[Slot, ...]
    ticks: tuple[Tick, ...]
    target: float
    target_y: float


def nice_ceiling(value: float, *, steps: int = 4) -> tuple[float, float]:
    """A round top for an axis reaching `value`, and its tick step (1, 2 or 5 × 10ⁿ)."""
    if value <= 0:
        return 1.0, 0.25
    raw = value / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return math.ceil(value / step - 1e-9) * step, step


def bar_chart(
    points: Sequence[tuple[date, float | None, float | None]],
    *,
    target: float,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> Chart:
    """Bars for (month, median hours, p90 hours) points; None values get no bar."""
    values = [v for _month, *pair in points for v in pair if v is not None]
    top, step = nice_ceiling(max([*values, target]))
    baseline = height - BOTTOM
    plot_height = baseline - TOP
    right = width - RIGHT

    def y_of(hours: float) -> float:
        return _r(baseline - plot_height * hours / top)

    slot_width = (right - LEFT) / max(len(points), 1)
    bar_width = _r(min(slot_width * 0.34, 22))
    slots = []
    for index, (month, mid, p90) in enumerate(points):
        centre = LEFT + slot_width * (index + 0.5)
        bars = []
        for kind, value, x in (
            ("median", mid, centre - bar_width - 1),
            ("p90", p90, centre + 1),
        ):
            if value is None:
                continue
            y = y_of(value)
            bars.append(Bar(kind, value, _r(x), y, bar_width, _r(baseline - y)))
        slots.append(Slot(month=month, label_x=_r(centre), bars=tuple(bars)))
    ticks = tuple(Tick(value=step * i, y=y_of(step * i)) for i in range(round(top / step) + 1))
    return Chart(
        width=width,
        height=height,
        left=LEFT,
        right=right,
        baseline=baseline,
        slots=tuple(slots),
        ticks=ticks,
        target=target,
        target_y=y_of(target),
    )


def _r(value: float) -> float:
    return round(value, 1)
