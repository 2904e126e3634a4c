"""The suite's goals and the results section of docs/performance.md made of one run's JSON.

The figures and their budgets are ``budgets``'; this adds the goals (a figure over a reference
measured in the same run) and the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from benchmarks.budgets import ROWS, _number, _path, _peak_rss, table


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
    import os
    import sys
    from pathlib import Path

    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else Path(__file__).resolve().parent / "results" / "latest.json"
    try:
        run = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        print(
            f"benchmarks.report: {path}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr
        )
        return 2
    try:
        print(document(run), flush=True)
    except BrokenPipeError:  # "| head": the reader took what it wanted; no traceback at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
