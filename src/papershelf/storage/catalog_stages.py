"""When a catalog load hands out what it has so far: the first lists while the rest load.

A start with 50,000 cached papers takes half a second, one with lists to parse again (the
cache deleted, or a new version of papershelf) many seconds. The lists load in catalog order
(the bundled ones first), so the first papers of the list can show long before the last list
is read: the app draws them, says it is loading, and the rest stream in.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from papershelf.storage.list_record import ListRecord

PartialFn = Callable[[Any, int, int], None]
"""Called with (the catalog of the lists loaded so far, lists loaded, lists in all)."""

HEAVY_ROWS = 2_000
"""Cached rows that take long enough to build (about 15 ms a thousand) to show papers first."""
SCREENFUL = 60
"""Papers that fill the list: fewer are shown first only when the next list is heavy."""
EVERY_SECONDS = 1.0
"""While lists are parsed, at most one partial catalog a second, and each at least twice as
big as the one before: each is built whole, so all of them cost less than the last one."""


def rows_of(entry: object) -> int:
    """How many papers a cache entry holds (0 for anything but an entry)."""
    papers = entry.get("papers") if isinstance(entry, dict) else None
    return len(papers) if isinstance(papers, list) else 0


class Stages:
    """Decides, after each list, whether a partial catalog is worth building and showing.

    Only while lists are parsed: a catalog of the first lists may differ from the whole one
    (a spelling grouped across lists, a paper another list also holds), which the screen
    says is loading; a cached catalog shows its exact first papers instead (the cache's
    head). The cache is only looked at by name here (a stale entry counts as cached: it then
    simply shows nothing early); the load itself decides what to parse.
    """

    def __init__(
        self,
        records: Sequence[ListRecord],
        cache: Mapping[str, Any],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self._last: float | None = None
        self._rows = 0
        n = len(records)
        self._heavy = [
            record.name not in cache or rows_of(cache[record.name]) >= HEAVY_ROWS
            for record in records
        ]
        # Whether a list to parse follows each list.
        self._parse_after = [False] * (n + 1)
        for i in range(n - 1, -1, -1):
            self._parse_after[i] = self._parse_after[i + 1] or records[i].name not in cache

    def shown(self, rows: int) -> None:
        """A partial catalog was shown (from the cache's head): the next one waits a while."""
        self._last, self._rows = self._clock(), rows

    def due(self, done: int, rows: int, parsed: bool) -> bool:
        """Whether to show the ``done`` lists (``rows`` papers) now; ``parsed``: the last was."""
        if done >= len(self._heavy) or rows == 0:
            return False
        if self._last is None:
            due = self._parse_after[done] and (rows >= SCREENFUL or self._heavy[done])
        else:
            due = parsed and rows >= 2 * self._rows and self._clock() - self._last >= EVERY_SECONDS
        if due:
            self.shown(rows)
        return due
