"""The errors a user sees: each renders as one line, never a traceback."""

from __future__ import annotations


class PapershelfError(Exception):
    """Base of every error papershelf reports to the user; ``str()`` is the one-line message."""

    exit_code: int = 2


class ListError(PapershelfError):
    """A paper list could not be read or holds no papers."""


class UsageError(PapershelfError):
    """A bad id, status, flag or argument."""


class LibraryError(PapershelfError):
    """The library file is unreadable, corrupt, from a newer version, or could not be written."""


class LockTimeoutError(LibraryError):
    """Another papershelf process held the library lock for too long."""


class WriteError(LibraryError):
    """A change could not be written (read-only folder, full disk); the previous file is intact."""
