"""A program in a real pseudo-terminal, read as timed screen text, to time what a user sees.

No terminal emulator is needed for the questions the suite asks: the program's output is kept
as bytes with the time each read arrived, and "is it on screen yet" means "has the text
appeared since the keystroke", with escape sequences (cursor moves, colours) stripped.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, clipboard
    rb"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS and friends
    rb"|\x1b[()][0-9A-Za-z]"  # charset selection
    rb"|\x1b[@-Z\\-_]"  # two-byte sequences
)


def strip_escapes(data: bytes) -> str:
    """The printable text of terminal output, in the order it was written."""
    return _ESCAPES.sub(b"", data).decode("utf-8", "replace")


@dataclass(frozen=True, slots=True)
class Exit:
    status: int
    """As ``os.wait4`` gives it (decode with ``os.waitstatus_to_exitcode``)."""
    max_rss_mb: float
    """Peak resident memory of the process (``ru_maxrss``)."""
    cpu_s: float
    """User + system CPU seconds the process used (all its threads)."""


def _vm_hwm_mb(pid: int) -> float | None:
    """The process's peak resident memory so far (``VmHWM``), or None where unknown."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


class PtyProcess:
    """``argv`` running with a pseudo-terminal of ``cols`` x ``rows`` as its terminal."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        *,
        cols: int = 120,
        rows: int = 40,
    ) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # the child: its own session with the pty as controlling terminal
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                os.execve(argv[0], list(argv), dict(env))
            finally:
                os._exit(127)
        os.close(slave)
        self.pid = pid
        self.fd = master
        self.buffer = bytearray()
        self.last_output = self.started
        self.eof = False
        self._exit: Exit | None = None

    # reading ---------------------------------------------------------------------------
    def pump(self, timeout: float) -> bool:
        """Read what is there (waiting up to ``timeout``); True when something arrived."""
        if self.eof:
            time.sleep(timeout)
            return False
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the child closed its side
            data = b""
        if not data:
            self.eof = True
            return False
        self.buffer += data
        self.last_output = time.perf_counter()
        return True

    def mark(self) -> int:
        """A position in the output; ``text_since`` reads from it."""
        return len(self.buffer)

    def text_since(self, mark: int) -> str:
        return strip_escapes(bytes(self.buffer[mark:]))

    def wait_until(
        self, done: Callable[[], bool], timeout: float, *, poll: float = 0.005
    ) -> float | None:
        """Pump until ``done()``; the time it became true, or None after ``timeout``."""
        deadline = time.perf_counter() + timeout
        while True:
            if done():
                return time.perf_counter()
            if time.perf_counter() > deadline or self.eof:
                return None
            self.pump(poll)

    def wait_for_text(self, needle: str, since: int, timeout: float) -> float | None:
        """When ``needle`` first showed in the output after ``since`` (None: it did not)."""
        # Check only the new bytes (plus an overlap for a needle split across reads).
        checked = since

        def seen() -> bool:
            nonlocal checked
            start = max(since, checked - 4 * len(needle.encode()) - 64)
            checked = len(self.buffer)
            return needle in self.text_since(start)

        return self.wait_until(seen, timeout, poll=0.002)

    def settle(self, quiet: float, timeout: float) -> float:
        """Read until no output came for ``quiet`` seconds; when the last byte arrived."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and not self.eof:
            if not self.pump(quiet) and time.perf_counter() - self.last_output >= quiet:
                break
        return self.last_output

    # writing and ending ----------------------------------------------------------------
    def send(self, keys: str | bytes) -> float:
        """Type ``keys``; returns the time they were written."""
        data = keys.encode() if isinstance(keys, str) else keys
        at = time.perf_counter()
        os.write(self.fd, data)
        return at

    def finish(self, keys: Sequence[str | bytes] = ("q",), timeout: float = 10.0) -> Exit:
        """Type ``keys`` (quit), drain until the program ends; kill it if it does not."""
        if self._exit is not None:
            return self._exit
        # The peak of the program's own memory: ``ru_maxrss`` from wait4 would be at least
        # this process's size when it forked the child (kept across exec on Linux).
        peak = _vm_hwm_mb(self.pid)
        for key in keys:
            if not self.eof:
                with contextlib.suppress(OSError):
                    self.send(key)
                self.settle(0.2, 1.0)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            self.pump(0.05)
            done_pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if done_pid:
                break
        else:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, sig)
                time.sleep(0.3)
                done_pid, status, usage = os.wait4(self.pid, os.WNOHANG)
                if done_pid:
                    break
            else:
                _, status, usage = os.wait4(self.pid, 0)
        os.close(self.fd)
        rss = peak if peak is not None else usage.ru_maxrss / 1024
        self._exit = Exit(status, rss, usage.ru_utime + usage.ru_stime)
        return self._exit

    def __enter__(self) -> PtyProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._exit is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self.finish(keys=(), timeout=2.0)
