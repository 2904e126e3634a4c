"""Messages down a pipe, written as far as it takes them now: the sender never waits on it.

``parse_ahead``'s child sends a list's papers in parts as it makes them. A pipe holds 64
KiB and a part of 1,000 papers pickles to about 340 KB, so a plain ``Connection.send``
left the child waiting, in the middle of its parse, until the parent came to read (the
parent loads the catalog meanwhile). Here each message is kept and written without
blocking whenever another comes; ``flush`` writes the rest, waiting, when the sender has
nothing else to do. The framing is ``multiprocessing.connection``'s, so the reading end
is a plain ``Connection``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import struct
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler

PIPE_SIZE = 1 << 20
"""Asked of the pipe (Linux's default most an unprivileged process may set)."""


class Outbox:
    """A pipe's writing end, taken over: ``put`` messages, then ``flush`` before exiting."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn  # kept open while the outbox writes to it
        self._fd = conn.fileno()
        self._pending = bytearray()
        with contextlib.suppress(OSError, AttributeError):  # a larger pipe: fewer waits
            fcntl.fcntl(self._fd, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        os.set_blocking(self._fd, False)

    def put(self, message: object) -> None:
        """Keep ``message`` and write what the pipe takes now (an error if the reader left)."""
        data = ForkingPickler.dumps(message)
        size = len(data)
        if size > 0x7FFFFFFF:  # as ``Connection`` frames a message of 2 GiB or more
            self._pending += struct.pack("!i", -1) + struct.pack("!Q", size)
        else:
            self._pending += struct.pack("!i", size)
        self._pending += data
        with contextlib.suppress(BlockingIOError):
            self._write()

    def flush(self) -> None:
        """Write all that is kept, waiting for the reader as long as it takes."""
        os.set_blocking(self._fd, True)
        try:
            self._write()
        finally:
            os.set_blocking(self._fd, False)

    def _write(self) -> None:
        while self._pending:
            written = os.write(self._fd, self._pending)
            del self._pending[:written]
