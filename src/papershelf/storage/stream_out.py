"""Output into a file that is no regular file: a device, a FIFO, a terminal.

An export replaces its file atomically (``atomic.atomic_write``), which for ``/dev/null``
or a FIFO would put a regular file in the node's place: the device gone, the FIFO's reader
given nothing. Such a target is opened and written into instead, as other Unix tools do.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

from papershelf.storage.atomic import write_all


def _mode(path: Path) -> int | None:
    try:
        return path.stat().st_mode
    except (OSError, ValueError):
        return None


def is_stream(path: Path) -> bool:
    """True when ``path`` (links followed) is a character device or a FIFO.

    ``/dev/null``, ``/dev/stdout``, a terminal, a named pipe: writing into one destroys no
    file. A block device is a disk: never written into.
    """
    mode = _mode(path)
    return mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode))


def is_other_node(path: Path) -> bool:
    """True for what is neither a file, a folder nor a stream: a block device, a socket."""
    mode = _mode(path)
    return mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or is_stream(path))


READER_WAIT_SECONDS = 2.0
"""How long a FIFO is given to have its reader (one started just after the export)."""


def _open_for_writing(path: Path) -> int:
    deadline = time.monotonic() + READER_WAIT_SECONDS
    while True:
        try:
            return os.open(path, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
        except OSError as exc:
            if exc.errno != errno.ENXIO or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def write_into(path: Path, data: bytes) -> None:
    """Open ``path`` for writing and stream ``data`` into it: no temp file, no rename.

    Never creates a file (the node must exist) and never truncates: a device or FIFO has
    nothing to truncate. A FIFO must have its reader (within ``READER_WAIT_SECONDS``):
    opened without one, the open would wait for ever (the app's writer with it); ``ENXIO``
    then says so. Raises
    ``OSError`` (``ENOSPC`` from ``/dev/full``, ``EPIPE`` when the reader left).
    """
    fd = _open_for_writing(path)
    try:
        os.set_blocking(fd, True)  # the reader is there: write as a pipe is written
        write_all(fd, data)
    finally:
        os.close(fd)
