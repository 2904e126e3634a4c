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

Only for a process that may fork (``parse_ahead``'s child: one thread, exiting soon) and a
list long enough to pay for the fork; any failure of the child leaves the reading here.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from operator import attrgetter
from typing import Any

from papershelf.catalog.entry import Entry, Skipped
from papershelf.catalog.entry_venue import Context
from papershelf.catalog.spans import Span
from papershelf.domain.models import Link

Reading = tuple[list[Entry], list[Skipped]]
Reader = Callable[[list[Span], int, Context], Reading]
Walk = Callable[[Reader, int], object]

MIN_LINES = 4_000
"""Lines a list needs before a second reader pays back its fork and its answer's transfer."""

SPLIT = 0.5
"""Where the child starts reading, as a share of the lines."""

_SPAN = attrgetter("text", "href", "strong", "emph", "badge", "brk", "code", "tag")
_ENTRY = attrgetter(
    "title", "line", "venue", "authors", "topics", "affiliations", "awards", "remarks"
)
_ENTRY_END = attrgetter("withdrawn", "year")


def _spans(spans: list[Span]) -> tuple[object, ...]:
    return tuple(map(_SPAN, spans))


def arguments(spans: list[Span], ctx: Context) -> tuple[object, ...]:
    """Everything ``entries.read`` looks at, as plain values that compare by content."""
    return (
        _spans(spans),
        ctx.topics,
        ctx.section_venue,
        ctx.plain_ok,
        ctx.paper_place,
        tuple(map(_spans, ctx.details)),
        _spans(ctx.extra_links),
        ctx.extra_venue,
        ctx.extra_year,
        ctx.extra_authors,
        ctx.extra_affiliations,
        ctx.label,
    )


def _flat(reading: Reading) -> tuple[object, ...]:
    entries = [
        (*_ENTRY(e), tuple([(link.kind, link.url) for link in e.links]), *_ENTRY_END(e))
        for e in reading[0]
    ]
    return entries, reading[1]


def _entry(row: tuple[Any, ...]) -> Entry:
    title, line, venue, authors, topics, affiliations, awards, remarks, links, withdrawn, year = row
    return Entry(
        title,
        line,
        venue,
        authors,
        topics,
        tuple(Link(kind, url) for kind, url in links),
        affiliations,
        awards,
        remarks,
        withdrawn,
        year,
    )


class _Shared:
    """The reader here: the child's readings where the arguments match, else its own."""

    def __init__(self, read: Reader, split: int, fd: int, pid: int) -> None:
        self._read, self.split, self._fd, self._pid = read, split, fd, pid
        self._made: dict[int, list[tuple[tuple[object, ...], Any]]] | None = None
        self.asked = self.taken = 0
        """Readings asked for from ``split`` on, and those taken from the child (tests)."""

    def __call__(self, spans: list[Span], line: int, ctx: Context) -> Reading:
        if line < self.split:
            return self._read(spans, line, ctx)
        self.asked += 1
        made = self._made if self._made is not None else self._receive()
        if mine := made.get(line):
            args = arguments(spans, ctx)
            for at, (theirs, flat) in enumerate(mine):
                if theirs == args:
                    del mine[at]  # once: the entries given are this process's to change
                    self.taken += 1
                    entries, skipped = flat
                    return [_entry(row) for row in entries], skipped
        return self._read(spans, line, ctx)

    def _receive(self) -> dict[int, list[tuple[tuple[object, ...], Any]]]:
        chunks = []
        try:
            while chunk := os.read(self._fd, 1 << 20):
                chunks.append(chunk)
            made = pickle.loads(b"".join(chunks))
        except Exception:  # the child died or was cut short: read everything here
            made = {}
        self._made = made if isinstance(made, dict) else {}
        self.close()
        return self._made

    def close(self) -> None:
        """Ends the child (if still reading) and reaps it."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        if self._pid > 0:
            with suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = 0


def _child(read: Reader, walk: Walk, split: int, fd: int) -> None:
    """Walks the list from ``split`` on, reading, and writes the readings to ``fd``."""
    made: dict[int, list[tuple[tuple[object, ...], Any]]] = {}

    def record(spans: list[Span], line: int, ctx: Context) -> Reading:
        if line < split:
            return [], []
        reading = read(spans, line, ctx)
        made.setdefault(line, []).append((arguments(spans, ctx), _flat(reading)))
        return reading

    walk(record, split)
    data = memoryview(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    while data:
        data = data[os.write(fd, data) :]


@contextmanager
def shared(read: Reader, walk: Walk, lines: int, *, allowed: bool) -> Iterator[Reader]:
    """The reader to walk a list of ``lines`` lines with: ``read``, or a child's and ``read``.

    ``walk(reader, start)`` is the walk, leaving out what lies wholly above line ``start``;
    the child makes it from its copy of this process, from where its reading starts.
    ``allowed``: this process may fork (one thread, nothing of its own to flush).
    """
    if not (allowed and lines >= MIN_LINES and hasattr(os, "fork")):
        yield read
        return
    receive, send = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(receive)
        os.close(send)
        yield read
        return
    if pid == 0:  # the child: never returns into the caller's frames
        code = 1
        try:
            os.close(receive)
            _child(read, walk, int(lines * SPLIT), send)
            code = 0
        finally:
            os._exit(code)
    os.close(send)
    reader = _Shared(read, int(lines * SPLIT), receive, pid)
    try:
        yield reader
    finally:
        reader.close()
