"""The inter-process write lock: one writer at a time, held only for one read-modify-write."""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from papershelf.errors import LockTimeoutError, WriteError

if TYPE_CHECKING:
    from filelock import FileLock

POLL_INTERVAL = 0.005
"""Seconds between attempts; a write takes a few milliseconds, so waiters should notice fast."""


class WriteLock:
    """An OS-level lock (``flock``) on ``lock_path``, guarding writes to ``target``.

    The kernel drops the lock when its holder dies, so a killed process never blocks anyone;
    the lock file itself stays behind, empty and harmless. Re-entrant within one thread.
    """

    def __init__(self, lock_path: Path, *, target: Path, timeout: float = 5.0) -> None:
        self.lock_path = lock_path
        self.target = target
        self.timeout = timeout
        self._lock: FileLock | None = None
        self._making = threading.Lock()

    def _file_lock(self) -> FileLock:
        """Made at the first write: filelock's import is not paid by a start that only reads.

        Once, under a mutex: two lock objects on one path would each be re-entrant alone, and
        a thread holding one would wait for itself on the other.
        """
        with self._making:
            if self._lock is None:
                from filelock import FileLock

                self._lock = FileLock(str(self.lock_path), timeout=self.timeout)
            return self._lock

    @property
    def is_locked(self) -> bool:
        return self._lock is not None and bool(self._lock.is_locked)

    def acquire(self) -> None:
        """Wait up to ``timeout`` seconds; ``LockTimeoutError`` or ``WriteError`` when it cannot."""
        from filelock import Timeout

        lock = self._file_lock()
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            lock.acquire(timeout=self.timeout, poll_interval=POLL_INTERVAL)
        except Timeout:
            raise LockTimeoutError(
                f"another papershelf is writing {self.target} (still after {self.timeout:g} s)"
            ) from None
        except OSError as exc:
            raise WriteError(
                f"cannot write {self.target}: cannot create the lock file {self.lock_path} "
                f"({exc.strerror or exc}); the change was not saved"
            ) from None

    def release(self) -> None:
        self._file_lock().release()

    def __enter__(self) -> WriteLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
