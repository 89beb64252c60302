"""Median and percentiles of durations. Pure Python: no Django, no database.

The method is linear interpolation between the closest ranks (Hyndman & Fan type 7,
the default of numpy and of spreadsheets' PERCENTILE.INC): for n sorted values the
q-th percentile sits at position (n - 1) * q / 100, between the two values around it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable


def percentile(values: Iterable[float], q: float) -> float | None:
    """The q-th percentile (0..100) of `values`; None when there are none."""
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is outside 0..100")
    ordered = sorted(values)
    if not ordered:
        return None
    position = (len(ordered) - 1) * q / 100
    below = math.floor(position)
    above = math.ceil(position)
    if below == above:
        return float(ordered[below])
    share = position - below
    return ordered[below] + (ordered[above] - ordered[below]) * share


def median(values: Iterable[float]) -> float | None:
    return percentile(values, 50)
