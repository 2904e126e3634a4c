"""Rotating copies of the library file: before each migration, and at most once a day."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from papershelf.storage.atomic import atomic_write
from papershelf.storage.schema import CorruptError, NewerSchemaError, load_document

KEEP = 5
DAILY = timedelta(days=1)
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?(?P<reason>-[a-z][a-z0-9]*)?\.json$"
)
_log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Backups:
    """A folder of ``<stem>-<UTC stamp>[-n][-reason].json`` copies, the newest ``keep`` kept."""

    def __init__(
        self,
        folder: Path,
        *,
        stem: str = "library",
        keep: int = KEEP,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.folder = folder
        self._stem = stem
        self._keep = keep
        self._now = now
        self._newest_made: datetime | None = None

    def _stamped(self) -> list[tuple[str, int, Path]]:
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return []
        found = []
        for entry in entries:
            match = _NAME.match(entry.name)
            if match and match["stem"] == self._stem and entry.is_file():
                found.append((match["stamp"], int(match["n"] or 0), Path(entry.path)))
        found.sort(reverse=True)
        return found

    def paths(self) -> list[Path]:
        """Backups, newest first."""
        return [path for _, _, path in self._stamped()]

    def make(self, source: Path, *, reason: str = "") -> Path:
        """Copy ``source`` durably into the folder, then drop all but the newest ``keep``.

        Raises ``OSError`` when the copy cannot be written.
        """
        now = self._now()
        stamp = now.strftime("%Y%m%dT%H%M%SZ")
        suffix = f"-{reason}" if reason else ""
        taken = {(s, n) for s, n, _ in self._stamped()}
        n = 0
        while (stamp, n) in taken:
            n += 1
        counter = f"-{n}" if n else ""
        target = self.folder / f"{self._stem}-{stamp}{counter}{suffix}.json"
        atomic_write(target, source.read_bytes())
        self._newest_made = now
        for old in self.paths()[self._keep :]:
            try:
                old.unlink()
            except OSError as exc:  # pragma: no cover - a stuck old copy is harmless
                _log.warning("cannot remove old backup %s: %s", old, exc)
        return target

    def due(self) -> bool:
        """True when the newest backup is a day old or there is none."""
        now = self._now()
        if self._newest_made is not None and now - self._newest_made < DAILY:
            return False
        stamped = self._stamped()
        if not stamped:
            return True
        newest = datetime.strptime(stamped[0][0], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        self._newest_made = newest
        return now - newest >= DAILY

    def make_daily(self, source: Path) -> Path | None:
        """Back up ``source`` if no backup is younger than a day; a failure is logged, not raised.

        A change the user asked for must not fail because an optional copy could not be made.
        """
        if not source.exists() or not self.due():
            return None
        try:
            return self.make(source)
        except OSError as exc:
            _log.warning("daily backup of %s into %s failed: %s", source, self.folder, exc)
            return None

    def newest_good(self) -> Path | None:
        """The newest backup that parses and is of a schema this version reads (or migrates)."""
        for path in self.paths():
            try:
                load_document(path.read_bytes())
            except (OSError, CorruptError, NewerSchemaError):
                continue
            return path
        return None
