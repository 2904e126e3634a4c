"""The inter-process write lock: one writer at a time, held only for one read-modify-write."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from papershelf.errors import LockTimeoutError, WriteError

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
        self._lock = FileLock(str(lock_path), timeout=timeout)

    @property
    def is_locked(self) -> bool:
        return bool(self._lock.is_locked)

    def acquire(self) -> None:
        """Wait up to ``timeout`` seconds; ``LockTimeoutError`` or ``WriteError`` when it cannot."""
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire(timeout=self.timeout, poll_interval=POLL_INTERVAL)
        except Timeout:
            raise LockTimeoutError(
                f"another papershelf is writing {self.target}; try again"
            ) from None
        except OSError as exc:
            raise WriteError(
                f"cannot write {self.target}: cannot create the lock file {self.lock_path} "
                f"({exc.strerror or exc}); the change was not saved"
            ) from None

    def release(self) -> None:
        self._lock.release()

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
