"""The suite's table and budgets: what is printed, what docs/performance.md shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson


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


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal of issue 15: a figure, optionally over a reference measured in the same run."""

    what: str
    size: str
    unit: str
    get: Callable[[dict[str, Any]], float | None]
    reference: Callable[[dict[str, Any]], float | None] | None
    limit: float
    """The most the figure may be: seconds/MB, or the ratio when there is a reference."""


def _per_list(family: str) -> Callable[[dict[str, Any]], float | None]:
    return _path("import", "per_list", family, "median")


_START = _path("reference_start", "first_frame_s", "median")
_ECHO = _path("reference_echo", "settled_ms", "median")
_ECHO_WORST = _path("reference_echo", "settled_ms", "max")
GOALS: tuple[Goal, ...] = (
    Goal("cold start to papers on screen", "bundled", "s", ROWS[1].get, _START, 1.3),
    Goal("cold start to papers on screen", "50k", "s", ROWS[1].get, _START, 2.0),
    Goal("start with the catalog cache missing", "50k", "s", ROWS[3].get, _START, 3.0),
    Goal("status key to settled screen", "50k", "ms", ROWS[13].get, _ECHO, 1.2),
    Goal(
        "search key to settled screen, worst key",
        "50k",
        "ms",
        _path("interactive", "search", "settled_ms", "max"),
        _ECHO_WORST,
        1.5,
    ),
    Goal(
        "import one 10,000-entry list, family A, one venue", "50k", "s", _per_list("a"), None, 1.5
    ),
    Goal(
        "import one 10,000-entry list, family B, one venue", "50k", "s", _per_list("b"), None, 1.5
    ),
    Goal(
        "import one 10,000-entry list into a venue holding 10,000",
        "50k",
        "s",
        _path("import", "same_venue_s", "median"),
        None,
        1.5,
    ),
    Goal(
        "import one 50,000-entry list into one venue",
        "50k",
        "s",
        _path("reimport", "import_s", "median"),
        None,
        8.0,
    ),
    Goal(
        "re-import it after 500 titles changed",
        "50k",
        "s",
        _path("reimport", "reimport_s", "median"),
        None,
        8.0,
    ),
    Goal("list --format json", "50k", "s", ROWS[15].get, None, 1.5),
    Goal("list --format json peak RSS", "50k", "MB", ROWS[18].get, None, 150),
    Goal("app peak RSS (start, search, status keys)", "50k", "MB", _peak_rss, None, 150),
)


def check_goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Every goal with the figure, its reference and ratio, and whether it is met."""
    out = []
    sizes: dict[str, Any] = results["sizes"]
    for goal in GOALS:
        entry = sizes.get(goal.size)
        value = goal.get(entry) if entry is not None else None
        ref = goal.reference(entry) if entry is not None and goal.reference else None
        compared = value
        if goal.reference is not None:
            compared = value / ref if value is not None and ref else None
        out.append(
            {
                "what": goal.what,
                "size": goal.size,
                "unit": goal.unit,
                "value": value,
                "reference": ref,
                "ratio": compared if goal.reference is not None else None,
                "limit": goal.limit,
                "relative": goal.reference is not None,
                "met": None if compared is None else compared <= goal.limit,
            }
        )
    return out


def goals_table(results: dict[str, Any]) -> str:
    """The goals as a markdown table: figure, reference (same run), ratio, goal, verdict."""
    lines = [
        "| goal | size | measured | reference (same run) | ratio | goal | verdict |",
        "|---|---|---|---|---|---|---|",
    ]
    for g in results.get("goals") or check_goals(results):
        unit = g["unit"]
        value = "-" if g["value"] is None else f"{_number(g['value'], unit)} {unit}"
        ref = "-" if g["reference"] is None else f"{_number(g['reference'], unit)} {unit}"
        ratio = "-" if g["ratio"] is None else f"{g['ratio']:.2f}x"
        limit = f"<= {g['limit']:g}x" if g["relative"] else f"<= {g['limit']:g} {unit}"
        if g["met"] is None:
            verdict = "not measured"
        elif g["met"]:
            verdict = "met"
        else:
            over = (g["ratio"] if g["ratio"] is not None else g["value"]) / g["limit"] - 1
            verdict = f"MISS by {100 * over:.0f}%"
        lines.append(
            f"| {g['what']} | {g['size']} | {value} | {ref} | {ratio} | {limit} | {verdict} |"
        )
    return "\n".join(lines)


def to_json(results: dict[str, Any]) -> bytes:
    return orjson.dumps(results, option=orjson.OPT_INDENT_2)


def document(results: dict[str, Any]) -> str:
    """The results section of docs/performance.md, from one run's JSON."""
    machine = results.get("machine", {})
    config = results.get("config", {})
    load = machine.get("load_average", {})
    loads = [v[0] for v in load.values() if v]
    sizes = results.get("sizes", {})
    shape = ", ".join(
        f"{name}: {entry.get('papers', '?')} papers in {entry.get('venues', '?')} venues"
        f" with {entry.get('topics', '?')} topics"
        for name, entry in sizes.items()
    )
    head = (
        f"Measured {machine.get('date', '?')} at commit {machine.get('commit', '?')}, "
        f"{machine.get('cpus', '?')} cores ({machine.get('cpu', '?')}), "
        f"Python {machine.get('python', '?')}, Textual {machine.get('textual', '?')}; "
        f"{config.get('runs', '?')} runs of each figure ({config.get('terminal', '')}); "
        f"load average {min(loads, default=0):.2f} to {max(loads, default=0):.2f}. "
        f"Data: {shape}."
    )
    return "\n\n".join([head, goals_table(results), layout_note(results), table(results)])


def layout_note(results: dict[str, Any]) -> str:
    """What Textual alone costs for papershelf's screen, beside the start goals' reference.

    ``benchmarks.reference_app layout`` draws the same panes, rows and footer as plain text:
    how much of a start's ratio is the screen itself rather than papershelf's own work.
    """
    lines = []
    for name, entry in results.get("sizes", {}).items():
        bare, layout = _START(entry), _path("layout_start", "first_frame_s", "median")(entry)
        app = ROWS[1].get(entry)
        live = _path("cold_start", "live_s", "median")(entry)
        if bare and layout and app:
            answered = (
                f"; the first key answered at {live:.3f} s, {live / bare:.2f}x" if live else ""
            )
            lines.append(
                f"- {name}: the layout alone {layout:.3f} s, {layout / bare:.2f}x the bare app; "
                f"papershelf {app:.3f} s, {app / layout:.2f}x the layout alone{answered}"
            )
    if not lines:
        return ""
    return (
        "Cold start beside papershelf's layout drawn by bare Textual (the same panes, rows "
        "and footer as plain text, started in turn with the other two in every run):\n\n"
        + "\n".join(lines)
    )


def main(argv: list[str] | None = None) -> int:
    """Print the results section of docs/performance.md from a run's JSON file."""
    import sys
    from pathlib import Path

    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else Path(__file__).resolve().parent / "results" / "latest.json"
    print(document(orjson.loads(path.read_bytes())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
