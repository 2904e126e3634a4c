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

Only for a list long enough to pay for the fork, in a process that may fork
(``second_core``); any failure of the child leaves the reading here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
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

SPLIT = 0.6
"""Where the child starts reading, as a share of the lines: past the middle, since the child
also records its readings with their arguments, and sends them."""

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


@dataclass
class Beside:
    """More work for the second reader once its readings are sent: the list's other reading.

    ``answer`` is what ``work`` returned in the child, or None (no child, or it failed).
    """

    work: Callable[[], object]
    answer: object | None = None


class _Shared:
    """The reader here: the child's readings where the arguments match, else its own."""

    def __init__(self, read: Reader, split: int, child: Forked) -> None:
        self._read, self.split, self._child = read, split, child
        self._made: Made | None = None
        self.asked = self.taken = 0
        """Readings asked for from ``split`` on, and those taken from the child (tests)."""

    def __call__(self, spans: list[Span], line: int, ctx: Context) -> Reading:
        if line < self.split:
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

    def beside(self) -> object | None:
        """The answer of the child's ``Beside`` work, sent after its readings."""
        self.made()
        return self._child.next()


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
def shared(
    read: Reader, walk: Walk, lines: int, *, allowed: bool, beside: Beside | None = None
) -> Iterator[Reader]:
    """The reader to walk a list of ``lines`` lines with: ``read``, or a child's and ``read``.

    ``walk(reader, start)`` is the walk, leaving out what lies wholly above line ``start``;
    the child makes it from its copy of this process, from where its reading starts.
    ``allowed``: this process may fork (``second_core``). ``beside``: the child then does
    that work too; its answer is there once the ``with`` block ends.
    """
    if lines < MIN_LINES or not allowed:
        yield read
        return
    split = int(lines * SPLIT)

    def work() -> Iterator[object]:
        yield _child_reading(read, walk, split)
        if beside is not None:
            yield beside.work()

    with forked(work, allowed=True) as child:
        if child is None:
            yield read
            return
        reader = _Shared(read, split, child)
        yield reader
        if beside is not None:
            beside.answer = reader.beside()
