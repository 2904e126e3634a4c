"""Part of a long list's reading done in a forked child, on the machine's other core.

Only for a process that may fork: one thread, nothing of its own to flush (``parse_ahead``'s
child, the app's parse server). The child computes from its copy of this process, sends
each answer down a pipe (a ``multiprocessing`` connection) as soon as it has it and leaves
with ``os._exit``; ``next`` gives None once it failed in any way, and the caller then does
the work itself. Entries travel as tuples (``flat_entries``): pickling dataclasses costs
about twice as much.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from papershelf.catalog.entry import Entry
from papershelf.domain.models import Link

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

_ENTRY = attrgetter(
    "title", "line", "venue", "authors", "topics", "affiliations", "awards", "remarks"
)
_ENTRY_END = attrgetter("withdrawn", "year")


def flat_entries(entries: list[Entry]) -> list[tuple[object, ...]]:
    """``entries`` as tuples (``entries_of`` gives them back)."""
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


class Forked:
    """A child sending its answers in turn; ``next`` waits for the next one."""

    def __init__(self, conn: Connection, pid: int) -> None:
        self._conn: Connection | None = conn
        self._pid = pid

    def next(self) -> object | None:
        """The child's next answer; None once it failed (the caller then works it out).

        No answer of the child's is None itself: None is only ever the failure.
        """
        if self._conn is None:
            return None
        try:
            answer: object = self._conn.recv()
        except Exception:  # died, killed, cut short: no more answers
            self.close()
            return None
        return answer

    def close(self) -> None:
        """Ends the child (if still working) and reaps it."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._pid > 0:
            with suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = 0


def _orphan_proof(parent: int, keep: int) -> None:
    """In the child: die with the parent, and hold none of its files but ``keep``.

    Held, a pipe's write end would keep whoever reads the parent's answers waiting for the
    child's work after the parent is gone (the app's parse server, killed on exit), and the
    command line's output open for a caller reading it.
    """
    if sys.platform == "linux":
        import ctypes  # here: the child's only

        with suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # gone before it could be watched
        os._exit(1)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.closerange(3, keep)
    os.closerange(keep + 1, _MAX_FD)


_PR_SET_PDEATHSIG = 1
_MAX_FD = 1 << 16
"""Above any descriptor a parse process opens (``closerange`` skips the unused ones)."""


@contextmanager
def forked(work: Callable[[], Iterable[object]], *, allowed: bool) -> Iterator[Forked | None]:
    """The answers of ``work()`` made in a child, each sent as soon as it is made.

    None when not ``allowed``, in a process with other threads, or when no child can be had.
    """
    if not (allowed and hasattr(os, "fork")) or threading.active_count() > 1:
        yield None
        return
    from multiprocessing.connection import Connection  # only where a child is made

    receive, send = os.pipe()
    parent = os.getpid()
    # Ctrl+C between the fork and the child's ``try`` would unwind the caller's frames in it.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except OSError:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        os.close(receive)
        os.close(send)
        yield None
        return
    if pid == 0:  # the child: never returns into the caller's frames
        code = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)  # ends it at once, with the caller
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            gc.disable()  # a process that leaves with ``os._exit``: nothing to collect
            _orphan_proof(parent, send)
            answers = Connection(send, readable=False)
            for answer in work():
                answers.send(answer)
            code = 0
        finally:
            os._exit(code)
    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    os.close(send)
    child = Forked(Connection(receive, writable=False), pid)
    try:
        yield child
    finally:
        child.close()
