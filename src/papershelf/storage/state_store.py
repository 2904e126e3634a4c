"""The user's reading state in one TinyDB file: statuses, stars, notes, and the undo/redo log."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Document, Table

from papershelf.domain.clock import now_iso
from papershelf.domain.models import DEFAULT_STATE, PaperState
from papershelf.storage.ancestry import ANCESTORS, StepKey, bring, remember
from papershelf.storage.atomic import is_read_only, remove_stale_temps
from papershelf.storage.backups import Backups
from papershelf.storage.change_record import ChangeRecord, marked, record_key, state_to_json
from papershelf.storage.json_storage import AtomicJSONStorage
from papershelf.storage.lock import WriteLock
from papershelf.storage.schema import (
    META,
    REDO,
    STATES,
    UNDO,
    CorruptError,
    NewerSchemaError,
    Tables,
    load_document,
)
from papershelf.storage.undo_budget import records_kept

MERGES = "merges"
"""The meta entry keeping, per merge record key, the fingerprints of the states each paper
had on the two merged copies: ``{"00000012": {"<paper id>": ["<fingerprint>", ...]}}``."""
Rewrite = tuple[
    Mapping[str, PaperState], dict[str, Any], tuple[dict[str, Any], ...], tuple[StepKey, ...]
]
"""What a whole-document change gives ``StateStore.rewrite``: states, merge marks, steps, and
the keys of changes the other copy held without listing them (``storage.ancestry``)."""

UNDO_CAP = 1000
"""Most undo records kept; older ones are dropped."""
UNDO_STATE_BUDGET = 20_000
"""Most paper states (before + after) the undo log may hold, so bulk changes cannot bloat
every later write; the newest record is always kept, however large."""
UNDO_NOTE_BUDGET = 4_000_000
"""Most characters of note text (removed plus added) the undo log may hold; past that the
oldest records go, the newest is always kept."""


class _StrIdTable(Table):
    """Documents keyed by our own string ids (paper ids), never TinyDB's counter."""

    document_id_class = str  # type: ignore[assignment]  # TinyDB's annotation says int


def _doc(value: Mapping[str, Any], doc_id: str) -> Document:
    """A document with our own string id (TinyDB's annotations say int; see ``_StrIdTable``)."""
    return Document(value, doc_id=cast(Any, doc_id))


class _LibraryDB(TinyDB):
    table_class = _StrIdTable
    default_table_name = STATES


def _parse_clock(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return datetime.now(UTC)


class StateStore:
    """Reading state of every touched paper, durable and shared safely between processes.

    Reads come from a cache that is re-read only when the file changed on disk. Every change
    runs under the inter-process lock: re-read if needed, apply, write atomically, release.
    Thread-safe within one process.
    """

    def __init__(
        self,
        path: Path,
        *,
        lock_path: Path,
        backups_dir: Path,
        lock_timeout: float = 5.0,
        clock: Callable[[], str] | None = None,
    ) -> None:
        self._path = path
        self._clock = clock or now_iso
        self._backups = Backups(backups_dir, now=lambda: _parse_clock(self._clock()))
        self._storage = AtomicJSONStorage(path, backups=self._backups)
        self._db = _LibraryDB(storage=lambda: self._storage)
        self._states_table: Any = self._db.table(STATES)
        self._undo_table: Any = self._db.table(UNDO)
        self._redo_table: Any = self._db.table(REDO)
        self._meta_table: Any = self._db.table(META)
        self._lock = WriteLock(lock_path, target=path, timeout=lock_timeout)
        self._mutex = threading.RLock()
        self._states: dict[str, PaperState] = {}
        self._generation = -1
        self._foreign = 0  # re-reads for another process's change
        self._swept = False
        self._costs: dict[str, tuple[int, int]] = {}

    @property
    def path(self) -> Path:
        return self._path

    @property
    def backups(self) -> Backups:
        return self._backups

    def close(self) -> None:
        with self._mutex:
            self._db.close()

    def __enter__(self) -> StateStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # reading ---------------------------------------------------------------------------------
    def _sync(self) -> bool:
        """Bring the decoded cache in line with the storage; True when it was rebuilt."""
        self._storage.refresh()
        if self._storage.generation == self._generation:
            return False
        tables = self._storage.snapshot()
        self._states = {
            pid: PaperState.from_json(doc) for pid, doc in tables.get(STATES, {}).items()
        }
        for table in (self._states_table, self._undo_table, self._redo_table, self._meta_table):
            table.clear_cache()
        foreign = self._generation >= 0  # the first read is no change
        self._foreign += foreign
        self._generation = self._storage.generation
        return foreign

    def states(self) -> Mapping[str, PaperState]:
        """Every touched paper's state (untouched papers are absent); a read-only snapshot."""
        with self._mutex:
            self._sync()
            return MappingProxyType(self._states)

    def get(self, paper_id: str) -> PaperState:
        with self._mutex:
            self._sync()
            return self._states.get(paper_id, DEFAULT_STATE)

    def refresh(self) -> int:
        """Re-read the file if another process changed it; how many such changes were read.

        A count, not a flag: any reader may be the one that notices a change first.
        """
        with self._mutex:
            self._sync()
            return self._foreign

    def _records(self, table: Any, *, undone: bool) -> list[ChangeRecord]:
        """The log's records with whole states, rebuilt from the current states outwards."""
        raw = self._storage.snapshot().get(table.name, {})
        states = dict(self._states)
        records = []
        # The undo log is walked from its newest record back, the redo log from its next one on.
        for key in sorted(raw) if undone else sorted(raw, reverse=True):
            record = ChangeRecord.from_json(raw[key], states, undone=undone)
            states.update(record.after if undone else record.before)
            records.append(record)
        return records if undone else records[::-1]

    def history(self) -> Sequence[ChangeRecord]:
        """The undo log, oldest first (the last one is what ``undo`` reverts)."""
        with self._mutex:
            self._sync()
            return self._records(self._undo_table, undone=False)

    def redo_log(self) -> Sequence[ChangeRecord]:
        """Undone changes, the next one to redo first."""
        with self._mutex:
            self._sync()
            return self._records(self._redo_table, undone=True)

    # writing ---------------------------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[dict[str, PaperState]]:
        """Lock, re-read if changed, collect TinyDB writes, commit once, release.

        The body puts the states it changed into the yielded dict; they reach the in-memory
        view only after the commit succeeded. The inter-process lock is taken before the
        mutex, so other threads keep reading while this one waits for another process.
        """
        with self._lock, self._mutex:
            if not self._swept:
                remove_stale_temps(self._path)
                self._swept = True
            changed: dict[str, PaperState] = {}
            with self._storage.batch():
                self._sync()
                yield changed
            if changed:
                self._publish(changed)

    def _put_states(self, states: Mapping[str, PaperState]) -> None:
        """Store ``states`` (paper id -> new state); an all-default state is removed."""
        self._states_table.remove(doc_ids=list(states))
        kept = [
            _doc(state_to_json(state), pid)
            for pid, state in states.items()
            if state != DEFAULT_STATE
        ]
        if kept:
            self._states_table.insert_multiple(kept)

    def _publish(self, states: Mapping[str, PaperState]) -> None:
        """After a successful commit: update the decoded cache without re-reading the file."""
        fresh = dict(self._states)
        for pid, state in states.items():
            if state == DEFAULT_STATE:
                fresh.pop(pid, None)
            else:
                fresh[pid] = state
        self._states = fresh
        self._generation = self._storage.generation

    def _next_seq(self) -> int:
        counters = self._meta_table.get(doc_id="counters") or {}
        last = int(counters.get("last_seq", 0))
        for table in (self._undo_table, self._redo_table):
            keys = self._storage.snapshot().get(table.name, {})
            if keys:
                last = max(last, int(max(keys)))
        self._put_meta("counters", {"last_seq": last + 1})
        return last + 1

    def _put_meta(self, key: str, value: Mapping[str, Any]) -> None:
        self._meta_table.remove(doc_ids=[key])
        self._meta_table.insert(_doc(value, key))

    def _push_undo(self, record: ChangeRecord) -> None:
        self._undo_table.insert(_doc(record.to_json(), record_key(record.seq)))
        log = self._storage.snapshot().get(UNDO, {})
        keys = sorted(log, reverse=True)
        budgets = {"cap": UNDO_CAP, "states": UNDO_STATE_BUDGET, "text": UNDO_NOTE_BUDGET}
        kept = records_kept(keys, log, self._costs, **budgets)
        if kept < len(keys):  # their keys stay: a merge still finds the base they lead to
            dropped = [log[key] for key in reversed(keys[kept:])]  # oldest first
            entry = remember(self._meta_table.get(doc_id=ANCESTORS), dropped)
            self._put_meta(ANCESTORS, entry)
            self._undo_table.remove(doc_ids=keys[kept:])

    def update(
        self,
        paper_ids: Sequence[str],
        fn: Callable[[str, PaperState], PaperState],
        *,
        label: str,
    ) -> ChangeRecord | None:
        """Apply ``fn`` to the fresh state of each paper under the lock; one undoable change.

        Papers whose state ``fn`` leaves equal are not part of the change; when none changed,
        nothing is written and ``None`` comes back. Raises ``LockTimeoutError``, ``WriteError``
        (the cache is then unchanged, so the caller may retry) or ``LibraryError``.
        """
        with self._writing() as changed:
            get = self._states.get
            new = {pid: fn(pid, get(pid, DEFAULT_STATE)) for pid in dict.fromkeys(paper_ids)}
            record = self._record(new, label)
            if record is None:
                return None
            changed.update(record.after)
        return record

    def _record(
        self,
        states: Mapping[str, PaperState],
        label: str,
        merged: tuple[dict[str, Any], ...] | None = None,
    ) -> ChangeRecord | None:
        """Write the states that differ as one undoable change (under the lock); None if none."""
        before: dict[str, PaperState] = {}
        after: dict[str, PaperState] = {}
        for pid, new in states.items():
            old = self._states.get(pid, DEFAULT_STATE)
            if new != old:
                before[pid], after[pid] = old, new
        if not after:
            return None
        record = ChangeRecord(self._next_seq(), label, self._clock(), before, after, merged)
        self._put_states(after)
        self._push_undo(record)
        self._redo_table.truncate()
        return record

    def rewrite(
        self,
        fn: Callable[[Tables], Rewrite],
        *,
        label: str,
    ) -> ChangeRecord | None:
        """Set the states ``fn`` makes of the whole current document; one undoable change.

        ``fn`` runs under the lock and returns the new states of the papers it changes, the
        merge marks to keep under the new record's key (``library_copy.MERGES``) and the other
        copy's steps the record keeps. Marks of merges that left both logs are dropped.
        Nothing is written when no state changes.
        """
        with self._writing() as changed:
            states, marks, steps, carried = fn(self._storage.snapshot())
            record = self._record(states, label, steps)
            if record is None:
                return None
            if carried:  # held now too: a later merge with a third copy finds its base
                self._put_meta(ANCESTORS, bring(self._meta_table.get(doc_id=ANCESTORS), carried))
            after = record.after
            logs = self._storage.snapshot()
            kept = {
                key: value
                for key, value in (self._meta_table.get(doc_id=MERGES) or {}).items()
                if key in logs.get(UNDO, {}) or key in logs.get(REDO, {})
            }
            kept[record_key(record.seq)] = marks
            self._put_meta(MERGES, kept)
            changed.update(after)
        return record

    def _move(
        self, source: Any, target: Any, *, newest: bool, only: int | None = None
    ) -> ChangeRecord | None:
        with self._writing() as changed:
            log = self._storage.snapshot().get(source.name, {})
            if not log:
                return None
            key = max(log) if newest else min(log)
            if only is not None and key != record_key(only):
                return None
            data = marked(log[key], undone=source is self._undo_table)
            record = ChangeRecord.from_json(data, self._states, undone=not newest)
            restored = record.before if source is self._undo_table else record.after
            self._put_states(restored)
            source.remove(doc_ids=[key])
            target.insert(_doc(data, key))
            changed.update(restored)
        return record

    def newest(self) -> ChangeRecord | None:
        """The change ``undo`` would take back now, left where it is."""
        with self._mutex:
            self._sync()
            log = self._storage.snapshot().get(self._undo_table.name, {})
            if not log:
                return None
            return ChangeRecord.from_json(log[max(log)], self._states, undone=False)

    def undo(self, *, only: int | None = None) -> ChangeRecord | None:
        """Restore the states before the newest change and move it to the redo log.

        With ``only``, undo just when the newest change is that record (a triage session
        taking back its own decision must never take back someone else's change).
        """
        return self._move(self._undo_table, self._redo_table, newest=True, only=only)

    def redo(self, *, only: int | None = None) -> ChangeRecord | None:
        """Re-apply the most recently undone change (``None`` if none); ``only``: as ``undo``'s."""
        # Undo always takes the newest record, so the most recently undone has the lowest seq.
        return self._move(self._redo_table, self._undo_table, newest=False, only=only)

    # checking --------------------------------------------------------------------------------
    def check(self) -> list[str]:
        """Problems with the library file, one line each (for ``papershelf doctor``); [] if fine."""
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            return [f"{self._path}: cannot read library file ({exc.strerror})"]
        problems: list[str] = []
        try:
            load_document(raw)
        except CorruptError as exc:
            problems = [f"{self._path}: library file is corrupt ({p})" for p in exc.problems]
            backup = self._backups.newest_good()
            problems.append(f"newest good backup: {backup if backup is not None else 'none'}")
        except NewerSchemaError as exc:
            problems = [str(self._storage.newer_error(exc.found))]
        if is_read_only(self._path):
            problems.append(f"{self._path}: read-only; changes cannot be saved")
        return problems
