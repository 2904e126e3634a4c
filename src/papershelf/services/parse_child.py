"""The app's stored lists parsed in a process of their own, beside the app's.

A start whose catalog cache is missing (the first start, a deleted cache) or stale (a new
version of papershelf) parses its lists again: at 50,000 papers, seconds of work. Parsed on
the app's loading thread, that work shared the interpreter lock with the screen, and the
parser's own import (about a fifth of a second) came before the first papers could show.
Here a child process (``parse_server``) imports the parser at once, when the start finds no
cache, while the app itself loads, and parses each list it is sent on the second core.

Only the text goes to the child and only the parse comes back (``flat_parse``): the child
reads and writes no file. Whatever happens to it (it cannot start, dies, answers nonsense),
the list is parsed in this process instead, so the catalog and its errors are the same.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING, Any

from papershelf.errors import ListError

if TYPE_CHECKING:  # a start with its cache at hand loads neither (a child is started later)
    import subprocess
    from multiprocessing.connection import Connection

    from papershelf.domain.models import ParsedList
    from papershelf.paths import Paths

log = logging.getLogger(__name__)

SERVER = "papershelf.services.parse_server"
"""The child's module, run as ``python -m`` with the number of the pipe to answer on."""
_KILL_EVERY = 0.05
"""Seconds ``close`` waits for the lock between two looks for a child to kill."""


def spare_core() -> bool:
    """Whether this process may use more than one core: else a child only competes with it."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return cores > 1


def _parse_here(text: str, *, source: str, venue: str | None) -> ParsedList:
    from papershelf.catalog import parse_stored

    return parse_stored(text, source=source, venue=venue)


class ChildParser:
    """A ``ListParser`` (see ``storage.catalog_store``) that parses in a child process.

    The child starts on ``start`` or on the first list; ``close`` ends it. Thread-safe: one
    list at a time.
    """

    def __init__(self, command: list[str] | None = None) -> None:
        # -P: a folder named papershelf where the app was started must not stand in for it.
        self._command = command or [sys.executable, "-P", "-m", SERVER]
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._send: Connection | None = None
        self._receive: Connection | None = None
        self._failed = False
        self._closing = False
        """Set while ``close`` ends the child: its thread's parse then stops without a warning."""
        self.parsed_here = 0
        """Lists parsed in this process because the child could not (what a test counts)."""
        self.parsed_there = 0
        """Lists the child answered for."""

    @property
    def pid(self) -> int | None:
        """The child's process id, while there is one."""
        return None if self._proc is None else self._proc.pid

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> ChildParser:
        """Start the child now (it imports the parser while this process goes on)."""
        with self._lock:
            self._start()
        return self

    def _start(self) -> None:
        if self._proc is not None or self._failed:
            return
        import subprocess
        from multiprocessing.connection import Connection

        # The answers come on a pipe of their own: whatever the interpreter may print to
        # standard output as it starts (a .pth file's print) cannot be read as an answer.
        answers, theirs = os.pipe()
        try:
            proc = subprocess.Popen(
                [*self._command, str(theirs)],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,  # never onto the app's screen
                start_new_session=True,  # the terminal's ctrl+c and hang-up are the app's
                close_fds=True,
                pass_fds=(theirs,),
            )
        except OSError as exc:
            os.close(answers)
            log.warning("no child process to parse lists in (%s): parsing here", exc)
            self._failed = True
            return
        finally:
            os.close(theirs)
        assert proc.stdin is not None  # PIPE asked for
        self._send = Connection(os.dup(proc.stdin.fileno()), readable=False)
        self._receive = Connection(answers, writable=False)
        proc.stdin.close()
        self._proc = proc

    def __call__(self, text: str, *, source: str, venue: str | None) -> ParsedList:
        """What ``parse_stored`` gives (its ``ListError`` too), parsed in the child if it can."""
        with self._lock:
            self._start()
            answer = self._ask((text, source, venue))
        if answer is not None:
            self.parsed_there += 1
            kind, value = answer
            if kind == "ok":
                from papershelf.services.flat_parse import unflat

                return unflat(value)
            raise ListError(str(value))
        self.parsed_here += 1
        return _parse_here(text, source=source, venue=venue)

    def _ask(self, request: tuple[str, str, str | None]) -> tuple[str, Any] | None:
        """The child's ("ok", flat parse) or ("list", error); None when it cannot answer."""
        send, receive = self._send, self._receive
        if send is None or receive is None:
            return None
        try:
            send.send(request)
            answer = receive.recv()
        except Exception as exc:  # it died, was killed by ``close``, or answered garbage
            if not self._closing:
                log.warning("the list parser's child process stopped (%s): parsing here", exc)
            self._end()
            self._failed = True
            return None
        if isinstance(answer, tuple) and len(answer) == 2 and answer[0] in ("ok", "list"):
            return answer
        return None  # ("failed", why): an error of the child's, met here in turn

    def close(self) -> None:
        """End the child at once, without waiting for a list it is parsing.

        The app leaving while lists are parsed must not wait for them: the child is killed
        first, so a thread waiting for its answer parses that list itself (or is ended with
        the process), and only then is the child reaped.
        """
        self._closing = True
        try:
            # A thread holding the lock may be starting a child or awaiting its answer:
            # each child it publishes is killed until the lock is free.
            while not self._lock.acquire(timeout=_KILL_EVERY):
                self._kill()
            try:
                self._end()
            finally:
                self._lock.release()
        finally:
            self._closing = False

    def _kill(self) -> None:
        """The child and its own children (``second_core``): its session is theirs too."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (OSError, AttributeError):  # no group of its own (or no killpg): it alone
                proc.kill()

    def _end(self) -> None:
        for conn in (self._send, self._receive):
            if conn is not None:
                conn.close()
        self._send = self._receive = None
        self._kill()
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.wait()


def app_parser(paths: Paths) -> ChildParser | None:
    """The app's parser of stored lists: a child, started at once when the cache is missing.

    None where a child cannot win (one core): the lists are then parsed in the app.
    Called before the app's modules load, so that the child's start overlaps theirs.
    """
    if not spare_core() or not sys.executable:  # no Python to start (an embedded one)
        return None
    parser = ChildParser()
    if not paths.catalog.exists():  # every list is parsed: the first papers wait for it
        parser.start()
    return parser
