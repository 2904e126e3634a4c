"""Crash-safe file replacement: a kill at any moment leaves the old file or the new one."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """Prefix of the temp files written next to ``path`` (hidden, so editors and ls skip them)."""
    return f".{path.name}."


def is_read_only(path: Path) -> bool:
    """True when ``path`` exists and must not be replaced.

    ``os.replace`` would happily swap a read-only file (only the folder's permission counts),
    and root may write anything; so the file's own write bits are honoured as the user's
    "do not change this" flag.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK)


def write_all(fd: int, data: bytes | Iterable[bytes]) -> None:
    """Write every byte of ``data`` (chunks too) to ``fd``; ``os.write`` may write part."""
    for chunk in (data,) if isinstance(data, bytes) else data:
        view = memoryview(chunk)
        while view:
            written = os.write(fd, view)
            view = view[written:]


def _sync_file(fd: int) -> None:
    if sys.platform == "darwin":  # pragma: no cover - fsync does not reach the platter on macOS
        import fcntl

        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
    os.fsync(fd)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; a no-op where folders cannot be synced."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError as exc:  # pragma: no cover - some file systems refuse fsync on folders
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _new_temp(path: Path, folder: Path, private: bool) -> tuple[int, Path]:
    """An empty temp file next to ``path``: private (0600), or as the umask makes new files."""
    if private:
        fd, name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
        return fd, Path(name)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = folder / f"{temp_prefix(path)}{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            return os.open(temp, flags, 0o666), temp  # the kernel applies the umask
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temp file name", str(folder))


def atomic_write(
    path: Path,
    data: bytes | Iterable[bytes],
    *,
    keep_open: bool = False,
    private: bool = True,
    make_folder: bool = True,
) -> tuple[os.stat_result, int]:
    """Write ``data`` to ``path`` durably: temp file in its folder, fsync, rename, fsync folder.

    ``data`` may come in chunks (a large file then never sits in memory whole).

    Returns the new file's stat and, with ``keep_open``, a read-only descriptor of it (else -1).
    Raises ``OSError`` when anything fails; the previous file is then untouched and the temp
    file removed. The folder is created when missing, unless not ``make_folder``. An existing
    file keeps its permissions; a new one is private to the user (notes are personal), or with
    ``private=False`` (a file the user asked for, e.g. an export) gets the umask's usual mode.
    A symlink is followed, not replaced.
    """
    if path.is_symlink():  # e.g. a library kept in a synced folder: replace the target
        path = follow_link(path)
    folder = path.parent
    if make_folder:
        folder.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    fd, temp = _new_temp(path, folder, private)
    keep_fd = -1
    try:
        try:
            write_all(fd, data)
            if mode is not None and mode != stat.S_IMODE(os.fstat(fd).st_mode):
                os.fchmod(fd, mode)
            _sync_file(fd)
            written = os.fstat(fd)
        finally:
            os.close(fd)
        if keep_open:
            keep_fd = os.open(temp, os.O_RDONLY)
        temp.replace(path)
    except BaseException:
        if keep_fd >= 0:
            os.close(keep_fd)
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    try:
        sync_folder(folder)
    except BaseException:
        if keep_fd >= 0:
            os.close(keep_fd)
        raise
    return written, keep_fd


def follow_link(path: Path) -> Path:
    """The link's final target; a loop is an ``OSError`` like any other unreadable path."""
    try:
        return path.resolve()
    except RuntimeError:  # Python before 3.13 reports a loop this way
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None


def remove_stale_temps(path: Path, *, older_than: float | None = None) -> int:
    """Delete temp files a killed writer left next to ``path``; call only while holding the lock.

    Without a lock (the catalog cache, a cache any process may write), ``older_than``
    seconds: a temp file that young may be another process's write in progress.
    """
    removed = 0
    cutoff = None if older_than is None else time.time() - older_than
    if path.is_symlink():
        try:
            path = follow_link(path)
        except OSError:  # a loop: reading the library reports it, in one line
            return 0
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    prefix = temp_prefix(path)
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                if cutoff is not None and entry.stat().st_mtime > cutoff:
                    continue
                Path(entry.path).unlink()
                removed += 1
    return removed


def atomic_write_bytes(path: Path, data: bytes | Iterable[bytes]) -> None:
    """``atomic_write`` without the stat: for files nobody caches (catalog index, list copies)."""
    atomic_write(path, data)


def put_back(path: Path, previous: bytes | None) -> None:
    """The file as it was before a write that is being undone (``None``: there was none).

    Best effort: the caller is already reporting the failure that made it undo.
    """
    with contextlib.suppress(OSError):
        if previous is None:
            path.unlink()
        else:
            atomic_write_bytes(path, previous)
