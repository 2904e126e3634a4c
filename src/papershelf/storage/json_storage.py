"""A TinyDB storage that writes atomically and re-reads only when the file changed on disk."""

from __future__ import annotations

import contextlib
import os
import weakref
from collections.abc import Iterator
from pathlib import Path

from tinydb.storages import Storage

from papershelf.errors import LibraryError, WriteError
from papershelf.storage.atomic import atomic_write, is_read_only
from papershelf.storage.backups import Backups
from papershelf.storage.schema import (
    SCHEMA,
    CorruptError,
    NewerSchemaError,
    Tables,
    dump_document,
    load_document,
)

StatKey = tuple[int, int, int]


def stat_key(st: os.stat_result) -> StatKey:
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _close_quietly(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)


class AtomicJSONStorage(Storage):
    """TinyDB storage for the library file (see ``schema`` for the layout).

    Reads are cached and re-parsed only when ``(st_mtime_ns, st_size, st_ino)`` of the file
    changed. The file version last read or written is kept open, so its inode number cannot
    be reused by a later file while the cache refers to it, which makes the key reliable.
    Writes replace the file atomically (``atomic.atomic_write``); a write that fails leaves the
    file and the cache as they were. Inside ``batch()`` writes are collected and committed
    once, so one user change costs one fsync however many tables it touches.
    """

    def __init__(self, path: Path, *, backups: Backups | None = None) -> None:
        self.path = path
        self._backups = backups
        self._data: Tables = {}
        self._key: StatKey | None = None
        self._loaded = False
        self._disk_schema = SCHEMA
        self._pin = -1
        self._batch: Tables | None = None
        self._batch_dirty = False
        self.generation = 0
        """Bumped whenever the cached data changes (reload or own write)."""
        self._finalizer = weakref.finalize(self, _close_quietly, -1)

    # reading -------------------------------------------------------------------------------
    def corrupt_error(self, what: str) -> LibraryError:
        """The error for a damaged file, naming the newest backup that still reads."""
        backup = self._backups.newest_good() if self._backups is not None else None
        return LibraryError(
            f"{self.path}: library file is corrupt ({what}); "
            f"newest good backup: {backup if backup is not None else 'none'}"
        )

    def newer_error(self, found: int) -> LibraryError:
        backup = self._backups.newest_good() if self._backups is not None else None
        return LibraryError(
            f"{self.path}: written by a newer papershelf (schema {found}, this version reads "
            f"up to {SCHEMA}); upgrade papershelf, the file was left untouched; "
            f"newest good backup: {backup if backup is not None else 'none'}"
        )

    def _set_pin(self, fd: int) -> None:
        self._finalizer.detach()
        if self._pin >= 0:
            _close_quietly(self._pin)
        self._pin = fd
        self._finalizer = weakref.finalize(self, _close_quietly, fd)

    def _refuse_dangling_link(self) -> None:
        """A link to a missing file is a synced folder not mounted, not a new library."""
        if self.path.is_symlink():
            target = self.path.readlink()
            raise LibraryError(
                f"{self.path}: links to {target}, which does not exist (is that folder mounted?)"
            )

    def _current_key(self) -> StatKey | None:
        try:
            return stat_key(self.path.stat())
        except (FileNotFoundError, NotADirectoryError):
            self._refuse_dangling_link()
            return None
        except OSError as exc:
            raise LibraryError(f"{self.path}: cannot read library file ({exc.strerror})") from None

    def _load(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except (FileNotFoundError, NotADirectoryError):
            self._refuse_dangling_link()
            self._data, self._key, self._disk_schema = {}, None, SCHEMA
            self._set_pin(-1)
            self._loaded = True
            self.generation += 1
            return
        except OSError as exc:
            raise LibraryError(f"{self.path}: cannot read library file ({exc.strerror})") from None
        try:
            key = stat_key(os.fstat(fd))
            with os.fdopen(os.dup(fd), "rb") as handle:
                raw = handle.read()
            tables, found = load_document(raw)
        except CorruptError as exc:
            os.close(fd)
            raise self.corrupt_error(exc.summary) from None
        except NewerSchemaError as exc:
            os.close(fd)
            raise self.newer_error(exc.found) from None
        except OSError as exc:
            os.close(fd)
            raise LibraryError(f"{self.path}: cannot read library file ({exc.strerror})") from None
        self._data, self._key, self._disk_schema = tables, key, found
        self._set_pin(fd)
        self._loaded = True
        self.generation += 1

    def refresh(self) -> bool:
        """Re-read the file if it changed since the last read or write; True when it did.

        Inside ``batch()`` this does nothing: the batch works on one consistent snapshot.
        """
        if self._batch is not None:
            return False
        if self._loaded and self._current_key() == self._key:
            return False
        self._load()
        return True

    def read(self) -> Tables | None:
        if self._batch is not None:
            return self._batch
        self.refresh()
        # TinyDB assigns into the returned dict before it writes: hand out a copy so a failed
        # write cannot leave a half-applied change in the cache.
        return dict(self._data)

    def snapshot(self) -> Tables:
        """The current tables (read-only use; inside a batch, the batch's working copy)."""
        if self._batch is not None:
            return self._batch
        self.refresh()
        return self._data

    # writing -------------------------------------------------------------------------------
    def write(self, data: Tables) -> None:
        if self._batch is not None:
            self._batch = data
            self._batch_dirty = True
            return
        self._commit(data)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Collect TinyDB writes and commit them as one atomic write when the block ends.

        The caller holds the inter-process lock. If the block raises, nothing is written.
        """
        if self._batch is not None:
            raise RuntimeError("batches do not nest")
        self.refresh()
        self._batch = dict(self._data)
        self._batch_dirty = False
        try:
            yield
            data, dirty = self._batch, self._batch_dirty
        finally:
            self._batch = None
            self._batch_dirty = False
        if dirty:
            self._commit(data)

    def _commit(self, data: Tables) -> None:
        payload = dump_document(data)
        if is_read_only(self.path):
            raise WriteError(
                f"{self.path} is read-only; the change was not saved (make it writable and retry)"
            )
        if self._backups is not None and self._key is not None:
            if self._disk_schema < SCHEMA:
                try:
                    self._backups.make(self.path, reason=f"schema{self._disk_schema}")
                except OSError as exc:
                    raise WriteError(
                        f"cannot back up {self.path} into {self._backups.folder} before "
                        f"upgrading it ({exc.strerror}); the change was not saved"
                    ) from None
            else:
                self._backups.make_daily(self.path)
        try:
            written, fd = atomic_write(self.path, payload, keep_open=True)
        except OSError as exc:
            raise WriteError(
                f"cannot write {self.path} ({exc.strerror or exc}); the change was not saved "
                "and the previous file is intact"
            ) from None
        self._data, self._key, self._disk_schema = data, stat_key(written), SCHEMA
        self._set_pin(fd)
        self._loaded = True
        self.generation += 1

    def close(self) -> None:
        self._set_pin(-1)
        self._loaded = False  # used again, it reads the file again and pins that one
