"""Standard streams a command was started without (``papershelf list >&-``, a bare cron job)."""

from __future__ import annotations

import errno
import io
import os
import sys

from papershelf.errors import UsageError


class ClosedStreamError(OSError):
    """Writing a standard output that was closed: told apart from any other ``EBADF``."""


class ClosedOutput(io.TextIOBase):
    """Standard output that was closed: writing it fails as a full disk does (exit 2).

    ``buffer`` is itself, so the JSON writers that write bytes fail the same way.
    """

    def write(self, text: str | bytes) -> int:
        raise ClosedStreamError(errno.EBADF, "standard output is closed")

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return 1

    @property
    def buffer(self) -> ClosedOutput:
        return self


class ClosedInput(io.TextIOBase):
    """Standard input that was closed: ``note --set -`` reads nothing, and says so.

    Read as an empty text, it emptied the note.
    """

    def read(self, size: int | None = -1) -> str:
        raise UsageError("standard input is closed; nothing was read, nothing changed")

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    @property
    def buffer(self) -> ClosedInput:
        return self


def open_standard_streams() -> None:
    """Descriptors 0, 1 and 2 are open before any file is: a closed one gets /dev/null.

    With descriptor 1 closed, the first file opened (a temporary library file, a list's
    copy) took its number, and a child or an editor started then wrote its output into it;
    Python, for its part, made ``sys.stdout`` None and a table printed a traceback. A
    closed stdout is an output that cannot be written, a closed stdin an input that cannot
    be read; a closed stderr takes what is said.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            devnull = os.open(os.devnull, os.O_RDWR)
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)
    if sys.stdin is None:
        sys.stdin = ClosedInput()
    if sys.stdout is None:
        sys.stdout = ClosedOutput()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the whole run
