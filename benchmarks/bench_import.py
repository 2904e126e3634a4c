"""Import time of synthetic lists in both families (median of several runs).

    python benchmarks/bench_import.py            # 1,000 and 10,000 entries
    python benchmarks/bench_import.py --large    # also 50,000
    python -m benchmarks.bench_import

Also prints markdown-it-py's own parse of the same text (with the rules papershelf enables),
the floor for any importer built on it. Target: 10,000 entries under 4 s in each family.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import generate_family_a, generate_family_b
from papershelf.catalog.candidates import parse_markdown
from papershelf.catalog.markdown_list import parse_list
from papershelf.cli.main import tune_collector

TARGET_10K = 4.0


def _median(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _markdown_only(text: str) -> None:
    """markdown-it-py's parse alone, as the import runs it."""
    parse_markdown(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="papershelf import benchmark")
    parser.add_argument("--large", action="store_true", help="also time 50,000 entries")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    tune_collector()  # as the papershelf process does, so the figures are the CLI's
    sizes = [1_000, 10_000] + ([50_000] if args.large else [])
    families: dict[str, Callable[[int, int], str]] = {
        "a": generate_family_a,
        "b": generate_family_b,
    }
    print(f"{'family':>6} {'entries':>8} {'import s':>9} {'per entry':>10} {'markdown-it s':>14}")
    slow = False
    for family, make in families.items():
        for size in sizes:
            text = make(size, 1)
            runs = args.runs if size <= 10_000 else max(1, args.runs // 2)
            parsed = parse_list(text, source=f"bench-{family}.md")
            assert parsed.entries == size, (parsed.entries, size)
            total = _median(runs, partial(parse_list, text, source=f"{family}.md"))
            floor = _median(runs, partial(_markdown_only, text))
            print(
                f"{family:>6} {size:>8,} {total:>9.3f} {total / size * 1e6:>8.0f}µs {floor:>14.3f}"
            )
            slow = slow or (size == 10_000 and total > TARGET_10K)
    if slow:
        print(f"slower than the {TARGET_10K:.0f} s target for 10,000 entries")
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
