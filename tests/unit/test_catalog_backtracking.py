"""Entries that made a pattern of the reader backtrack without end: read in linear time.

A regular expression with two ways to split the same run of text (``(?: [^()]+)+``) tries
every split when what follows fails: 2^n for n words. Such loops are inside the regex
engine, so no call count sees them: two sizes in one run, best of three, in this thread's
CPU time (another process keeping the cores busy does not count), as
``test_catalog_hostile`` does for brackets.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

from papershelf.catalog.markdown_list import parse_list
from papershelf.errors import ListError

KEPT = "* [Kept Entry](https://example.org/kept) OSDI 2020\n"


def _cpu(text: str) -> float:
    times = []
    for _ in range(3):
        started = time.thread_time()
        with contextlib.suppress(ListError):
            parse_list(text, source="x.md")
        times.append(time.thread_time() - started)
    return min(times)


CASES: dict[str, tuple[Callable[[int], str], int, int]] = {
    # "[Title](a path with spaces", no ".pdf)" to close it: each word doubled the work
    "a path with spaces and no end": (lambda n: f"* [Title here](x{' y' * n}\n", 14, 24),
    # a full-width colon, then ASCII words, then a character that is not ASCII
    "a subtitle after a full-width colon": (
        lambda n: f"* [MapReduce：Simplified{' b' * n} 中](https://example.org/t)\n",
        12,
        22,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_entry_costs_no_more_than_its_length(case: str) -> None:
    entry, small, big = CASES[case]
    assert parse_list(KEPT + entry(small), source="x.md").papers[0].title == "Kept Entry"
    small_cost, big_cost = _cpu(KEPT + entry(small)), _cpu(KEPT + entry(big))
    ratio = big / small
    assert big_cost < 1.5 * ratio * small_cost + 0.05, (small_cost, big_cost)
