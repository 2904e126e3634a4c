"""The Library's undo log: undo, redo, the history, and changes made by other processes.

A base class, so the Library module stays one read; ``Library`` inherits them and they rely
on its lock, catalog and state store.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from papershelf.deferred import deferred
from papershelf.storage.catalog_store import Catalog
from papershelf.storage.state_store import StateStore

if TYPE_CHECKING:
    from papershelf.services import results
    from papershelf.services.results import Change, HistoryEntry
else:  # a change makes one; a start makes none
    results = deferred("papershelf.services.results")


class UndoLog:
    """``undo``, ``redo``, ``history`` and ``refresh`` of ``Library``."""

    _mutex: threading.RLock
    _store: StateStore
    _foreign_seen: int

    @property
    def catalog(self) -> Catalog:
        raise NotImplementedError

    def _recheck_decisions(self) -> None:
        raise NotImplementedError

    def undo(self, *, only: int | None = None) -> Change | None:
        """Undo the newest change; with ``only``, just when the newest is that change record."""
        # Everything the command reports with is loaded before the write: a command that
        # fails must not have changed the library.
        self.catalog  # noqa: B018
        with self._mutex:
            record = self._store.undo(only=only)
            self._recheck_decisions()
        if record is None:
            return None
        label, ids = f"undo {record.label}", tuple(record.before)
        return results.Change(label, ids, record.seq, undone_by=record.undone_by)

    def newest_change(self) -> HistoryEntry | None:
        """What ``undo`` would take back now (the app asks before one made elsewhere)."""
        with self._mutex:
            record = self._store.newest()
        return None if record is None else results.HistoryEntry.of(record)

    def history(self) -> list[HistoryEntry]:
        """The undo log, newest first; a merge's entry lists the steps it brought in."""
        return [results.HistoryEntry.of(record) for record in reversed(self._store.history())]

    def next_redo(self) -> HistoryEntry | None:
        """What ``redo`` would re-apply now (the app asks before one made elsewhere)."""
        with self._mutex:
            undone = self._store.redo_log()
        return results.HistoryEntry.of(undone[0]) if undone else None

    def redo(self, *, only: int | None = None) -> Change | None:
        """Redo the change undone last; with ``only``, just when it is that change record."""
        self.catalog  # noqa: B018 - loaded before the write, as in undo
        with self._mutex:
            record = self._store.redo(only=only)
            self._recheck_decisions()
        if record is None:
            return None
        return results.Change(f"redo {record.label}", tuple(record.after), record.seq)

    def refresh(self) -> bool:
        """Re-read the state file if another process changed it; True once for each change."""
        with self._mutex:
            seen, self._foreign_seen = self._foreign_seen, self._store.refresh()
            if seen != self._foreign_seen:
                self._recheck_decisions()
            return seen != self._foreign_seen
