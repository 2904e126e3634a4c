"""Import time of 1,000 and 10,000 entries in each shape the general reader knows.

    python benchmarks/bench_shapes.py            # median of 3 runs per size and shape
    python -m benchmarks.bench_shapes

The shapes are those of ``tests/unit/test_catalog_shapes_property.py`` (tag bullets, bold
tags, venue suffixes, tables, citations, paragraphs, a heading per paper). Two figures per
shape: the parse alone in this process (with the command line's collector settings, so the
ratio column shows linearity and not the collector's rescans), and what a user meets,
``papershelf import FILE`` of the 10,000-entry list into a data dir holding the bundled
catalog, against the speed issue's budget of 1.5 s.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` and ``tests`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.unit.test_catalog_shapes_property import SHAPES, VENUES

from benchmarks.workspace import env_for, papershelf_command, run_timed, warm
from papershelf.catalog.markdown_list import parse_list
from papershelf.cli.main import tune_collector

BUDGET_10K = 1.5
"""Seconds for a 10,000-entry import (issue 15's goal, in any shape: issue 10)."""


def _text(shape: str, n: int) -> str:
    papers = [
        (f"Study number {i} of distributed things", VENUES[i % len(VENUES)], 2000 + i % 30)
        for i in range(n)
    ]
    return "# A reading list\n\n" + SHAPES[shape](papers, 0)


def _median(text: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        parse_list(text, source="bench.md")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _import_median(folder: Path, shape: str, text: str, runs: int = 3) -> float:
    """``papershelf import`` of ``text`` into a fresh copy of a warmed data dir, each run."""
    path = folder / f"{shape.replace(' ', '-')}-10000.md"
    path.write_text(text, encoding="utf-8")
    times = []
    for run in range(runs):
        data_dir = folder / f"data-{shape.replace(' ', '-')}-{run}"
        data_dir.mkdir()
        warm(data_dir)
        seconds, _, code = run_timed(
            [*papershelf_command(), "import", str(path), "-q"], env_for(data_dir)
        )
        if code != 0:
            raise SystemExit(f"import of the {shape} list failed (exit {code})")
        times.append(seconds)
    return statistics.median(times)


def main() -> int:
    tune_collector()  # as the command line does: a parse's figure, not the collector's
    print(f"{'shape':<18} {'1,000':>8} {'10,000':>8} {'ratio':>6} {'import 10k':>11}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for shape in sorted(SHAPES):
            small = _median(_text(shape, 1_000))
            text = _text(shape, 10_000)
            large = _median(text)
            whole = _import_median(Path(tmp), shape, text)
            worst = max(worst, whole)
            print(f"{shape:<18} {small:8.3f} {large:8.3f} {large / small:6.1f} {whole:11.3f}")
    verdict = "ok" if worst <= BUDGET_10K else f"over the {BUDGET_10K:g} s budget"
    print(f"slowest 10,000-entry import: {worst:.2f} s ({verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
