"""The general reader's second half, read on another core while this process reads the first.

Reading a candidate's spans (``entries.read``) is most of the general reader's time, and its
answer depends on its arguments alone. Which candidates are read, and in what context, does
depend on what was read before them (a heading naming a paper found above is notes on it; a
table cell naming earlier rows' papers is no paper). So a forked child walks the list from
a line on (``split``), reading what it meets there, and sends back each reading with its
arguments. This process walks the whole list as always and takes a reading of the child's
only for the same line and equal arguments; any other candidate it reads itself. The
papers found are the same with or without the child (a test compares them); only the time
differs.

The child starts its reading past where this process has come by the time it is ready
(``_Board``), so that the two end about together; until it says where, this process reads
everything itself.

Only for a list long enough to pay for the fork, in a process that may fork
(``second_core``); any failure of the child leaves the reading here.
"""

from __future__ import annotations

import mmap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from operator import attrgetter
from typing import Any

from papershelf.catalog.entry import Entry, Skipped
from papershelf.catalog.entry_venue import Context
from papershelf.catalog.second_core import Forked, entries_of, flat_entries, forked
from papershelf.catalog.spans import Span

Reading = tuple[list[Entry], list[Skipped]]
Reader = Callable[[list[Span], int, Context], Reading]
Walk = Callable[[Reader, int], object]
Made = dict[int, list[tuple[tuple[object, ...], Any]]]
"""Line -> the child's readings there: (their arguments, the flat reading)."""

MIN_LINES = 4_000
"""Lines a list needs before a second reader pays back its fork and its answer's transfer."""

SPLIT = 0.55
"""Where the child starts reading, as a share of the lines still ahead of this process: a
little past the middle, since the child also records its readings with their arguments and
sends them, while this process still walks what the child reads (timed for each shape the
general reader knows: 0.6 left the child idle for 40-140 ms, 0.5 kept this one waiting)."""

_SPAN = attrgetter(*(f.name for f in fields(Span)))
_CONTEXT = attrgetter(*(f.name for f in fields(Context)))


def _spans(spans: list[Span]) -> tuple[object, ...]:
    return tuple(map(_SPAN, spans))


def _plain(value: object) -> object:
    """A context field as a value that compares by content: its lists and spans as tuples."""
    if isinstance(value, list):  # ``details`` (lines of spans), ``extra_links`` (spans)
        return tuple(map(_plain, value))
    return _SPAN(value) if isinstance(value, Span) else value


def arguments(spans: list[Span], ctx: Context) -> tuple[object, ...]:
    """Everything ``entries.read`` is given, as plain values that compare by content.

    Every field of the spans and of the context, whatever fields they gain.
    """
    return (_spans(spans), *map(_plain, _CONTEXT(ctx)))


class _Board:
    """Two numbers both processes see (a shared page): where this process reads, the split.

    The child reads the first when it is ready to start, and sets the second (0 until then).
    """

    def __init__(self) -> None:
        self._page = mmap.mmap(-1, mmap.PAGESIZE)  # anonymous: shared with a forked child
        self.cells = memoryview(self._page).cast("q")

    @property
    def at(self) -> int:
        return self.cells[0]

    @property
    def split(self) -> int:
        return self.cells[1]

    def start_past(self, lines: int) -> int:
        """In the child: its split, past where this process is now by ``SPLIT`` of the rest."""
        at = min(self.cells[0], lines)
        self.cells[1] = split = at + 1 + int((lines - at) * SPLIT)
        return split

    def close(self) -> None:
        self.cells.release()
        self._page.close()


class _Shared:
    """The reader here: the child's readings where the arguments match, else its own."""

    def __init__(self, read: Reader, board: _Board, child: Forked) -> None:
        self._read, self.board, self._child = read, board, child
        self._cells = board.cells
        self._made: Made | None = None
        self.asked = self.taken = 0
        """Readings asked for from the split on, and those taken from the child (tests)."""

    def __call__(self, spans: list[Span], line: int, ctx: Context) -> Reading:
        cells = self._cells
        cells[0] = line
        split = cells[1]
        if not split or line < split:
            return self._read(spans, line, ctx)
        self.asked += 1
        if mine := self.made().get(line):
            args = arguments(spans, ctx)
            for at, (theirs, (rows, skipped)) in enumerate(mine):
                if theirs == args:
                    del mine[at]  # once: the entries given are this process's to change
                    self.taken += 1
                    return entries_of(rows), skipped
        return self._read(spans, line, ctx)

    def made(self) -> Made:
        """The child's readings (waited for the first time)."""
        if self._made is None:
            made = self._child.next()
            self._made = made if isinstance(made, dict) else {}
        return self._made


def _child_reading(read: Reader, walk: Walk, split: int) -> Made:
    """The readings of a walk from ``split`` on (what lies above it is read as nothing)."""
    made: Made = {}

    def record(spans: list[Span], line: int, ctx: Context) -> Reading:
        if line < split:
            return [], []
        args = arguments(spans, ctx)  # as given, before anything could change them
        entries, skipped = read(spans, line, ctx)
        made.setdefault(line, []).append((args, (flat_entries(entries), skipped)))
        return entries, skipped

    walk(record, split)
    return made


@contextmanager
def shared(read: Reader, walk: Walk, lines: int, *, allowed: bool) -> Iterator[Reader]:
    """The reader to walk a list of ``lines`` lines with: ``read``, or a child's and ``read``.

    ``walk(reader, start)`` is the walk, leaving out what lies wholly above line ``start``;
    the child makes it from its copy of this process, from where its reading starts
    (``_Board``). ``allowed``: this process may fork (``second_core``).
    """
    if lines < MIN_LINES or not allowed:
        yield read
        return
    board = _Board()

    def work() -> Iterator[object]:
        yield _child_reading(read, walk, board.start_past(lines))

    try:
        with forked(work, allowed=True) as child:
            if child is None:
                yield read
                return
            yield _Shared(read, board, child)
    finally:
        board.close()
