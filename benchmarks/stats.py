"""Summaries of repeated measurements: the median is the figure, the rest shows the spread."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def summary(values: Sequence[float]) -> dict[str, float | int | list[float]]:
    """Median, min, max, p90 and the raw runs (rounded) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no measurements")
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return {
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "p90": p90,
        "n": len(ordered),
        "runs": [round(v, 6) for v in values],
    }
