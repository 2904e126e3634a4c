"""Output into a file that is no regular file: a device, a FIFO, a terminal.

An export replaces its file atomically (``atomic.atomic_write``), which for ``/dev/null``
or a FIFO would put a regular file in the node's place: the device gone, the FIFO's reader
given nothing. Such a target is opened and written into instead, as other Unix tools do.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from papershelf.storage.atomic import write_all


def is_stream(path: Path) -> bool:
    """True when ``path`` (links followed) exists and is neither a regular file nor a folder.

    Character and block devices, FIFOs and sockets: writing into one destroys no file.
    """
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_into(path: Path, data: bytes) -> None:
    """Open ``path`` for writing and stream ``data`` into it: no temp file, no rename.

    Never creates a file (the node must exist) and never truncates: a device or FIFO has
    nothing to truncate. A FIFO waits for its reader, as ``cat > fifo`` does. Raises
    ``OSError`` (``ENOSPC`` from ``/dev/full``, ``EPIPE`` when the reader left).
    """
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        write_all(fd, data)
    finally:
        os.close(fd)
