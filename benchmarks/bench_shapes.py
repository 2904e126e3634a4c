"""Import time of 1,000 and 10,000 entries in each shape the general reader knows.

    python benchmarks/bench_shapes.py            # median of 3 runs per size and shape
    python -m benchmarks.bench_shapes

The shapes are those of ``tests/unit/test_catalog_shapes_property.py`` (tag bullets, bold
tags, venue suffixes, tables, citations, paragraphs, a heading per paper). The target is the
one of ``bench_import``: 10,000 entries under 4 s; the ratio column shows linearity.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` and ``tests`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.unit.test_catalog_shapes_property import SHAPES, VENUES

from papershelf.catalog.markdown_list import parse_list

TARGET_10K = 4.0


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


def main() -> int:
    print(f"{'shape':<18} {'1,000':>8} {'10,000':>8} {'ratio':>6}  target 10k < {TARGET_10K:g} s")
    worst = 0.0
    for shape in sorted(SHAPES):
        small = _median(_text(shape, 1_000))
        large = _median(_text(shape, 10_000))
        worst = max(worst, large)
        print(f"{shape:<18} {small:8.3f} {large:8.3f} {large / small:6.1f}")
    print(f"slowest 10,000-entry import: {worst:.2f} s ({'ok' if worst < TARGET_10K else 'SLOW'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
