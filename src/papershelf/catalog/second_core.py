"""Part of a long list's reading done in a forked child, on the machine's other core.

Only for a process that may fork: one thread, nothing of its own to flush (``parse_ahead``'s
child, the app's parse server). The child computes from its copy of this process, pickles
its answer down a pipe and leaves with ``os._exit``; ``result`` gives None when it failed
in any way, and the caller then does the work itself. Entries travel as tuples
(``flat_entries``): pickling dataclasses costs about twice as much.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from operator import attrgetter
from typing import Any, Generic, TypeVar

from papershelf.catalog.entry import Entry
from papershelf.domain.models import Link

_T = TypeVar("_T")

_ENTRY = attrgetter(
    "title", "line", "venue", "authors", "topics", "affiliations", "awards", "remarks"
)
_ENTRY_END = attrgetter("withdrawn", "year")


def flat_entries(entries: list[Entry]) -> list[tuple[object, ...]]:
    return [
        (*_ENTRY(e), tuple([(link.kind, link.url) for link in e.links]), *_ENTRY_END(e))
        for e in entries
    ]


def entries_of(rows: list[tuple[Any, ...]]) -> list[Entry]:
    """The entries ``flat_entries`` made ``rows`` of."""
    made = []
    for row in rows:
        title, line, venue, authors, topics, orgs, awards, remarks, pairs, withdrawn, year = row
        links = tuple(Link(kind, url) for kind, url in pairs)
        entry = Entry(title, line, venue, authors, topics, links, orgs, awards, remarks)
        entry.withdrawn, entry.year = withdrawn, year
        made.append(entry)
    return made


class Forked(Generic[_T]):
    """A child computing one answer; ``result`` waits for it."""

    def __init__(self, fd: int, pid: int) -> None:
        self._fd, self._pid = fd, pid
        self._answer: _T | None = None

    def result(self) -> _T | None:
        """The child's answer, None if it failed (then the caller works it out itself)."""
        if self._fd >= 0:
            chunks = []
            try:
                while chunk := os.read(self._fd, 1 << 20):
                    chunks.append(chunk)
                self._answer = pickle.loads(b"".join(chunks))
            except Exception:  # died, killed, cut short: no answer
                self._answer = None
            self.close()
        return self._answer

    def close(self) -> None:
        """Ends the child (if still working) and reaps it."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        if self._pid > 0:
            with suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = 0


@contextmanager
def forked(work: Callable[[], _T], *, allowed: bool) -> Iterator[Forked[_T] | None]:
    """``work()`` started in a child (None when not ``allowed`` or no child can be had)."""
    if not (allowed and hasattr(os, "fork")):
        yield None
        return
    receive, send = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(receive)
        os.close(send)
        yield None
        return
    if pid == 0:  # the child: never returns into the caller's frames
        code = 1
        try:
            os.close(receive)
            data = memoryview(pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
            while data:
                data = data[os.write(send, data) :]
            code = 0
        finally:
            os._exit(code)
    os.close(send)
    child: Forked[_T] = Forked(receive, pid)
    try:
        yield child
    finally:
        child.close()
