"""The suite's figures and their budgets: where each median lives, and the table of them.

The budgets are those of the first speed issue; ``report`` adds the goals measured against a
reference of the same run, and the document made of both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: where the median lives in a size's results, and its budgets."""

    name: str
    unit: str
    get: Callable[[dict[str, Any]], float | None]
    budgets: dict[str, float]


def _path(*keys: str) -> Callable[[dict[str, Any]], float | None]:
    def get(entry: dict[str, Any]) -> float | None:
        value: Any = entry
        for key in keys:
            if not isinstance(value, dict) or value.get(key) is None:
                return None
            value = value[key]
        return float(value) if isinstance(value, int | float) else None

    return get


def _peak_rss(entry: dict[str, Any]) -> float | None:
    values = [
        _path("cold_start", "rss_mb", "max")(entry),
        _path("interactive", "rss_mb")(entry),
    ]
    known = [v for v in values if v is not None]
    return max(known) if known else None


ALL3 = ("bundled", "10k", "50k")
ROWS: tuple[Row, ...] = (
    Row("import (CLI, cold)", "s", _path("import", "seconds", "median"), {}),
    Row(
        "cold start to papers on screen",
        "s",
        _path("cold_start", "first_frame_s", "median"),
        {"bundled": 0.6, "10k": 0.8, "50k": 1.2},
    ),
    Row(
        "cold start to the first key answered (? typed as the papers show)",
        "s",
        _path("cold_start", "live_s", "median"),
        {},
    ),
    Row("first start (no catalog cache)", "s", _path("first_start", "first_frame_s", "median"), {}),
    Row(
        "peak RSS (start, then search + status)",
        "MB",
        _peak_rss,
        {"bundled": 80, "10k": 120, "50k": 250},
    ),
    Row("search: SearchIndex.search / key", "ms", _path("search", "search_ms", "median"), {}),
    Row(
        "search: apply_filter / key",
        "ms",
        _path("search", "apply_filter_ms", "median"),
        {"10k": 5, "50k": 16},
    ),
    Row("search: apply_filter, worst key", "ms", _path("search", "apply_filter_ms", "max"), {}),
    Row("search: Shelf.view / key", "ms", _path("search", "view_ms", "median"), {}),
    Row(
        "search: key to count on screen",
        "ms",
        _path("interactive", "search", "count_shown_ms", "median"),
        {},
    ),
    Row(
        "search: key to settled screen",
        "ms",
        _path("interactive", "search", "settled_ms", "median"),
        {"bundled": 30, "10k": 40, "50k": 50},
    ),
    Row(
        "search: settled, worst key", "ms", _path("interactive", "search", "settled_ms", "max"), {}
    ),
    Row(
        "status key to glyph on screen",
        "ms",
        _path("interactive", "status", "glyph_ms", "median"),
        {},
    ),
    Row(
        "status key to settled screen",
        "ms",
        _path("interactive", "status", "settled_ms", "median"),
        dict.fromkeys(ALL3, 30.0),
    ),
    Row(
        "status key to durable on disk",
        "ms",
        _path("interactive", "status", "durable_ms", "median"),
        dict.fromkeys(ALL3, 50.0),
    ),
    Row(
        "list --format json",
        "s",
        _path("cli", "list_json", "seconds", "median"),
        {"bundled": 0.4, "10k": 1.0, "50k": 2.5},
    ),
    Row("stats", "s", _path("cli", "stats", "seconds", "median"), {}),
    Row("stats --format json", "s", _path("cli", "stats_json", "seconds", "median"), {}),
    Row("list --format json peak RSS", "MB", _path("cli", "list_json", "rss_mb", "median"), {}),
    Row(
        "import one list (family A), one venue", "s", _path("import", "per_list", "a", "median"), {}
    ),
    Row(
        "import one list (family B), one venue", "s", _path("import", "per_list", "b", "median"), {}
    ),
    Row("import the size as one list, one venue", "s", _path("reimport", "import_s", "median"), {}),
    Row(
        "import one more list (family B) into list 2's venue",
        "s",
        _path("import", "same_venue_s", "median"),
        {},
    ),
    Row("re-import it, 500 titles changed", "s", _path("reimport", "reimport_s", "median"), {}),
    Row(
        "reference: bare Textual app, cold start",
        "s",
        _path("reference_start", "first_frame_s", "median"),
        {},
    ),
    Row(
        "reference: bare app key echo, settled",
        "ms",
        _path("reference_echo", "settled_ms", "median"),
        {},
    ),
    Row(
        "reference: bare app key echo, worst key",
        "ms",
        _path("reference_echo", "settled_ms", "max"),
        {},
    ),
    Row(
        "reference: papershelf's layout in bare Textual, cold start",
        "s",
        _path("layout_start", "first_frame_s", "median"),
        {},
    ),
)


def check_budgets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every budget with the measured median: met, missed (by how much) or not measured."""
    out = []
    sizes: dict[str, Any] = results["sizes"]
    for row in ROWS:
        for size, budget in row.budgets.items():
            value = row.get(sizes[size]) if size in sizes else None
            out.append(
                {
                    "what": row.name,
                    "size": size,
                    "unit": row.unit,
                    "budget": budget,
                    "value": value,
                    "met": None if value is None else value <= budget,
                    "over_percent": None
                    if value is None
                    else round(100 * (value - budget) / budget, 1),
                }
            )
    return out


def _number(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f}"
    if unit == "ms":
        return f"{value:.2f}" if value < 10 else f"{value:.1f}"
    return f"{value:.0f}"


def _cell(row: Row, size: str, entry: dict[str, Any] | None) -> str:
    value = row.get(entry) if entry is not None else None
    budget = row.budgets.get(size)
    if value is None:
        return "-" if budget is None else f"- (<= {budget:g})"
    text = _number(value, row.unit)
    if budget is not None:
        text += " ok" if value <= budget else f" MISS (<= {budget:g})"
    return text


def table(results: dict[str, Any]) -> str:
    """A markdown table: one row per figure, one column per size; budgets marked."""
    sizes: dict[str, Any] = results["sizes"]
    labels = list(sizes)
    papers = [str(sizes[s].get("papers", "?")) for s in labels]
    columns = (f"{s} ({p})" for s, p in zip(labels, papers, strict=True))
    header = ["figure (median)", "unit", *columns]
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    for row in ROWS:
        cells = [_cell(row, s, sizes[s]) for s in labels]
        if all(c == "-" for c in cells):
            continue
        lines.append("| " + " | ".join([row.name, row.unit, *cells]) + " |")
    budgets = results.get("budgets", [])
    missed = [b for b in budgets if b["met"] is False]
    measured = [b for b in budgets if b["met"] is not None]
    lines.append("")
    lines.append(f"budgets met: {len(measured) - len(missed)} of {len(measured)} measured")
    for b in missed:
        lines.append(
            f"  MISSED {b['what']} at {b['size']}: {_number(b['value'], b['unit'])} {b['unit']}"
            f" > {b['budget']:g} (+{b['over_percent']}%)"
        )
    for err in results.get("errors", []):
        lines.append(f"  ERROR {err['size']} {err['section']}: {err['error']}")
    return "\n".join(lines)
