"""The errors a user sees: each renders as one line, never a traceback."""

from __future__ import annotations

from collections.abc import Sequence


class PapershelfError(Exception):
    """Base of every error papershelf reports to the user; ``str()`` is the one-line message."""

    exit_code: int = 2

    @property
    def lines(self) -> tuple[str, ...]:
        """What is printed, a ``papershelf:`` line each: one for every error but a config's."""
        return (str(self),)


class ListError(PapershelfError):
    """A paper list could not be read or holds no papers."""


class UsageError(PapershelfError):
    """A bad id, status, flag or argument."""


class ConfigError(UsageError):
    """``config.toml`` asks for things it cannot: every mistake at once, one line each.

    Found one per start, a file with four mistakes took four restarts to put right.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)

    @property
    def lines(self) -> tuple[str, ...]:
        return self.problems


class LibraryError(PapershelfError):
    """The library file is unreadable, corrupt, from a newer version, or could not be written."""


class CopyError(LibraryError):
    """Another copy of the library, to merge, is none papershelf can read; nothing was changed.

    Apart from the library's own errors, so that one bad conflict copy does not stop (or
    hide) the merges of the others.
    """


class LockTimeoutError(LibraryError):
    """Another papershelf process held the library lock for too long."""


class WriteError(LibraryError):
    """A change could not be written (read-only folder, full disk); the previous file is intact."""


def cannot_read(path: object, exc: OSError) -> str:
    """Why a file the user named could not be read, in the words every command uses.

    ``import``, ``import-state``, ``merge`` and the config files said the same three things
    three ways (``no such file``, ``cannot read (No such file or directory)``...).
    """
    if isinstance(exc, FileNotFoundError):
        return f"{path}: no such file"
    if isinstance(exc, IsADirectoryError):
        return f"{path}: is a directory"
    if isinstance(exc, PermissionError):
        return f"{path}: permission denied"
    return f"{path}: cannot read ({exc.strerror or exc})"
