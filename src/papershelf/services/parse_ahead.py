"""A big list parsed on a second core while this process loads the catalog it goes into.

A command-line import of a 10,000-entry list spends about as long loading a large catalog
(and the reader's states) as parsing the list; the two do not depend on each other, so on
a machine with two cores the parse runs in a forked child and its papers come back pickled.

Only where ``fork`` is cheap and safe: Linux, a second core, and a caller whose other
threads hold nothing the child needs (the command line opts in; the app, with Textual's
threads, parses in a child it starts afresh: ``parse_child``). The child touches no lock,
stream or file of this process: it parses, sends its answer down a pipe and leaves with
``os._exit``. Any failure of the child (killed, out of memory, an unexpected error) is not
the user's: the list is then parsed here as it would have been, so the answer and its errors
are the same.
The answer comes in parts, the papers as soon as they are made (``_child``). After it the
child works out the papers' match keys from the last back while this process works forward
from the first (``match_keys.shares_of``), until the two meet.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

from papershelf.domain.models import Paper, ParsedList
from papershelf.errors import ListError, PapershelfError
from papershelf.services.flat_parse import flat_rows, rest_of, unflat_rows
from papershelf.services.outbox import Outbox
from papershelf.services.parse_child import spare_core

if TYPE_CHECKING:
    from papershelf.catalog.match_keys import Share

MIN_CHARS = 256 * 1024
"""Lists shorter than this parse in well under the time a child costs to pay back."""


def available() -> bool:
    """Whether parsing ahead can win here: fork on Linux and a second core."""
    return sys.platform == "linux" and spare_core()


_KEEP: list[object] | None = None

_READING: set[Connection] = set()
"""The reading ends this process holds of its children's pipes. A child closes its copies of
them first: were another child to hold a pipe's reading end, the child writing into it would
never learn that this process stopped reading (``Ahead.enough``)."""
"""In the child only: where its parse leaves the objects it made (see ``_child``)."""


def _parse(
    text: str,
    source: str,
    venue: str | None,
    papers_to: Callable[[Sequence[Paper]], None] | None = None,
) -> ParsedList:
    from papershelf.catalog.markdown_list import parse_list

    ahead = _KEEP is not None
    return parse_list(
        text, source=source, venue=venue, keep=_KEEP, ahead=ahead, papers_to=papers_to
    )


class _SendFailed(Exception):
    """Sending a part failed: the parent's own parse goes on, never a list error of it."""


def _child(conn: Connection, theirs: Connection, text: str, source: str, venue: str | None) -> None:
    """Sends the parse's papers as they are made, in parts, then ("ok", ``rest_of``).

    Each part is ("rows", ``flat_rows``). A list error is ("list", message) instead, any
    other failure ("failed", ""). After ("ok", ...), ("keys", run) for each run of
    ``shares_of`` the papers, until the parent stops reading (the write then fails: this
    child closed its copies of the other children's pipes, ``_READING``).

    In parts (``markdown_list.PART``), so that this process makes, flattens and pickles a
    part while the parent unpickles the one before: one message made the two wait on each
    other, about 80 ms of a 10,000-entry list. The parts go through an ``Outbox``: while
    the parent is still loading the catalog, the parse goes on rather than wait for it to
    read. The parent's end of the pipe is closed here first: were it open in this process
    too, a parent that died would leave this child blocked on a full pipe for ever. The
    parse's token tree is kept to the end (``_KEEP``): freeing its hundreds of thousands of
    objects only delays the answer of a process that ``os._exit``s after it.
    """
    global _KEEP
    _KEEP = []  # this process's copy of the module: the parent's stays None
    gc.disable()  # a process that parses once and exits: reference counting frees enough
    theirs.close()
    for other in _READING:  # the pipes of the lists parsed beside this one
        other.close()
    parsed = None
    answer: tuple[str, object] = ("failed", "")
    outbox = Outbox(conn)

    def send(papers: Sequence[Paper]) -> None:
        try:
            outbox.put(("rows", flat_rows(papers)))
        except BaseException as exc:  # not the list's error: ``parse_list`` must not say so
            raise _SendFailed from exc

    try:
        try:
            parsed = _parse(text, source, venue, send)
        except ListError as exc:
            answer = ("list", str(exc))
        except BaseException:  # the parent parses again and meets the error in its own process
            parsed = None
        if parsed is None:
            outbox.put(answer)
        else:
            outbox.put(("ok", rest_of(parsed)))
            outbox.flush()  # the parent has it all: now it works out keys from the first on
            # Meanwhile from the last back here (``PaperKeys.work_out``); the parent works
            # them all out itself if none come.
            from papershelf.catalog.match_keys import shares_of

            for run in shares_of(parsed.papers):
                outbox.put(("keys", run))
        outbox.flush()
        conn.close()
    finally:
        os._exit(0)  # no atexit, no flush: nothing of the parent's is the child's to finish


@dataclass
class Ahead:
    """One list being parsed in a child; ``result`` gives what ``parse_list`` would have."""

    text: str
    source: str
    venue: str | None
    _conn: Connection | None = None
    _proc: BaseProcess | None = field(default=None, repr=False)
    _papers: list[Paper] = field(default_factory=list, repr=False)
    """The parts of papers the child has sent so far."""
    _answer: tuple[str, object] | None = field(default=None, repr=False)
    """The child's message after its papers: ("ok", the rest), ("list", ...), ("failed", ...)."""

    @property
    def started(self) -> bool:
        """Whether a child is parsing the list (then working out keys, until ``close``)."""
        return self._proc is not None

    def start(self) -> Ahead:
        ctx = multiprocessing.get_context("fork")
        receive, send = ctx.Pipe(duplex=False)
        args = (send, receive, self.text, self.source, self.venue)
        proc = ctx.Process(target=_child, args=args)
        proc.daemon = True  # never outlives this process, whatever happens to it
        try:
            proc.start()
        except OSError:  # no process to spare: parse here
            receive.close()
            return self
        finally:
            send.close()
        self._conn, self._proc = receive, proc
        _READING.add(receive)
        return self

    def ready(self) -> bool:
        """Whether the child's whole answer is in (or it died): ``result`` would not wait.

        The parts of papers that came meanwhile are read now: a caller that asks while it
        works (``PaperKeys.prepare``) goes on until the last part is in, rather than stop at
        the first.
        """
        conn = self._conn
        while conn is not None and self._answer is None and conn.poll():
            self._answer = self._take(conn)
        return conn is None or self._answer is not None

    def enough(self) -> None:
        """Closes the pipe: the child's next write fails and it ends (reaped by ``close``)."""
        self._let_go()

    def _let_go(self) -> None:
        """Close this process's reading end of the pipe (the child's next write fails)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            _READING.discard(conn)
            conn.close()

    def arrived(self) -> Sequence[Paper]:
        """The papers of the parts read so far (``ready`` reads those that came)."""
        return self._papers

    def wait(self, seconds: float) -> None:
        """Returns when the child sent more (or ended), or after ``seconds``."""
        if self._conn is not None and self._answer is None:
            self._conn.poll(seconds)

    def _take(self, conn: Connection) -> tuple[str, object] | None:
        """The child's next message: a part of papers is kept here (None), else the answer."""
        try:
            kind, value = conn.recv()
        except (EOFError, OSError):  # the child died before it answered
            return ("failed", None)
        if kind == "rows" and isinstance(value, list):
            self._papers += unflat_rows(value)
            return None
        return (kind, value)

    def result(self) -> ParsedList:
        """The child's papers, or the list's ``ListError``; parsed here if the child failed.

        After its papers the child works out their keys (``shares``) until ``enough`` or ``close``.
        """
        conn = self._conn
        while conn is not None and self._answer is None:
            self._answer = self._take(conn)
        if self._answer is not None:  # also when asked again after ``enough``
            kind, value = self._answer
            if kind == "ok" and isinstance(value, tuple):
                return ParsedList(tuple(self._papers), *value)
            self.close()
            if kind == "list":
                raise ListError(str(value))
        return _parse(self.text, self.source, self.venue)

    def shares(self) -> list[Share]:
        """The runs of keys the child sent since last asked (after ``result``).

        Never waits for the child to work out more: at most for the rest of a run it is
        writing. Anything but a run (the child ended, or failed) closes the pipe here; the
        child is reaped by ``close``.
        """
        conn, runs = self._conn, []
        try:
            while conn is not None and conn.poll():
                kind, value = conn.recv()
                if kind != "keys" or not _is_run(value):
                    raise EOFError
                runs.append(value)
        except Exception:  # whatever came instead, the keys are worked out here
            self._let_go()
        return runs

    def close(self) -> None:
        """Ends the child (if still running) and reaps it."""
        self._papers, self._answer = [], None  # the parse, if taken, holds its parts now
        self._let_go()
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.is_alive():
                proc.terminate()
            proc.join()


def _is_run(value: object) -> bool:
    """Whether ``value`` has the shape of a run of keys (``match_keys.shares_of``)."""
    return (
        isinstance(value, tuple)
        and len(value) == 4
        and isinstance(value[0], int)
        and all(isinstance(v, list) for v in value[1:])
    )


def start_files(
    files: Sequence[str], venue: str | None, *, begun: dict[str, Ahead] | None = None
) -> dict[str, Ahead]:
    """The big local lists among ``files``, each already parsing in a child, by name.

    For a command that knows its files before it loads anything (``papershelf import``):
    the parse starts before the library's modules and catalog load, not after. A file that
    cannot be read is left out: the import reads it again and says what is wrong, in turn.
    ``begun``: parses started earlier still (``cli.early``); one is kept for a file of
    ``files`` it parses with ``venue``, the others are ended.
    """
    begun = dict(begun or {})
    try:
        if not available():
            return {}
        from papershelf.catalog.source import read_list_file

        started: dict[str, Ahead] = {}
        for path in dict.fromkeys(map(Path, files)):
            early = begun.pop(str(path), None)
            if early is not None and early.venue == venue:
                started[str(path)] = early
                continue
            if early is not None:
                early.close()
            try:
                if path.stat().st_size < MIN_CHARS:  # fewer bytes, fewer characters: read once
                    continue
                text = read_list_file(path)
            except (OSError, PapershelfError):
                continue
            if len(text) >= MIN_CHARS:
                started[str(path)] = Ahead(text, path.name, venue).start()
        return started
    finally:
        for left in begun.values():  # begun for an argument that was no list of the import
            left.close()


def parse_ahead(text: str, *, source: str, venue: str | None, start: bool = True) -> Ahead:
    """Starts parsing ``text`` on another core when it is big enough and that is safe.

    Without ``start`` (or where it cannot win), ``result`` parses in this process.
    """
    ahead = Ahead(text, source, venue)
    if start and len(text) >= MIN_CHARS and available():
        ahead.start()
    return ahead
