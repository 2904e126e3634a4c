"""Another copy of the library file, read for a merge: states, undo log and merge marks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from papershelf.domain.models import DEFAULT_STATE, PaperState
from papershelf.errors import LibraryError, cannot_read
from papershelf.storage import ancestry
from papershelf.storage.ancestry import Step, StepKey, step_of
from papershelf.storage.change_record import ChangeRecord
from papershelf.storage.schema import (
    META,
    STATES,
    UNDO,
    CorruptError,
    NewerSchemaError,
    Tables,
    load_document,
)
from papershelf.storage.state_store import MERGES


@dataclass(frozen=True)
class LibraryCopy:
    """One copy's states, its undo log (oldest first) and the states it merged in before."""

    states: dict[str, PaperState]
    history: list[ChangeRecord]
    seen: dict[str, tuple[str, ...]]
    stored: list[dict[str, Any]] = field(default_factory=list)
    """Each ``history`` record as the file stores it, in the same order."""
    ancestors: tuple[StepKey, ...] = ()
    """Changes it holds whose records left its undo log (``storage.ancestry``), oldest first."""
    brought: tuple[StepKey, ...] = ()
    """Changes a merge brought in that the other copy held without listing them."""

    @cached_property
    def own(self) -> list[Step]:
        """The records of this copy's log as steps, oldest first."""
        pairs = zip(self.history, self.stored, strict=True)
        return [step_of(data, merge=record.merged is not None) for record, data in pairs]

    @cached_property
    def steps(self) -> list[Step]:
        """Every change this copy holds, oldest first: a merge's steps come before the merge."""
        out: list[Step] = []
        for record, step in zip(self.history, self.own, strict=True):
            out.extend(step_of(data) for data in record.merged or ())
            out.append(step)
        return out

    @cached_property
    def held(self) -> frozenset[StepKey]:
        """The keys of every change this copy holds: ``steps``, and the ancestors before them."""
        return frozenset(step.key for step in self.steps) | {*self.ancestors, *self.brought}

    def touches(self) -> list[tuple[str, dict[str, PaperState], dict[str, PaperState]]]:
        """``(at, before, after)`` of the star and tags each change set, merges left out.

        A merge's own record carries the time of the merge; the steps it brought in carry
        the times the other copy made them, which is what "the later change wins" compares.
        """
        out = []
        for record in self.history:
            if record.merged is None:
                out.append((record.at, record.before, record.after))
                continue
            for data in record.merged:
                if data.get("merge"):
                    continue
                pairs = {pid: _marks(delta) for pid, delta in data["changes"].items()}
                before = {pid: pair[0] for pid, pair in pairs.items()}
                out.append((str(data["at"]), before, {pid: p[1] for pid, p in pairs.items()}))
        return out


def _marks(delta: Mapping[str, Any]) -> tuple[PaperState, PaperState]:
    """The star and tags before and after a stored change (every other field default)."""
    fields = delta.get("set", {})
    star = fields.get("starred", [False, False])
    tags = fields.get("tags", [[], []])
    return (
        replace(DEFAULT_STATE, starred=bool(star[0]), tags=tuple(tags[0])),
        replace(DEFAULT_STATE, starred=bool(star[1]), tags=tuple(tags[1])),
    )


def copy_from_tables(tables: Mapping[str, Any]) -> LibraryCopy:
    """The copy a document's tables describe; merge marks of undone merges do not count."""
    states = {pid: PaperState.from_json(doc) for pid, doc in tables.get(STATES, {}).items()}
    raw = tables.get(UNDO, {})
    walk = dict(states)
    history: list[ChangeRecord] = []
    for key in sorted(raw, reverse=True):
        record = ChangeRecord.from_json(raw[key], walk, undone=False)
        walk.update(record.before)
        history.append(record)
    history.reverse()
    seen: dict[str, set[str]] = {}
    merges = tables.get(META, {}).get(MERGES, {})
    for key, marks in merges.items() if isinstance(merges, dict) else ():
        if key in raw and isinstance(marks, dict):
            for pid, prints in marks.items():
                if isinstance(prints, list):
                    seen.setdefault(pid, set()).update(str(p) for p in prints)
    marks = {pid: tuple(sorted(p)) for pid, p in seen.items()}
    meta = tables.get(META, {})
    entry = meta.get(ancestry.ANCESTORS) if isinstance(meta, dict) else None
    own, brought = ancestry.held(entry), ancestry.held(entry, "brought")
    return LibraryCopy(states, history, marks, [raw[key] for key in sorted(raw)], own, brought)


def read_tables(path: Path) -> Tables:
    """A library file's tables; a missing, corrupt or newer file is one ``LibraryError`` line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LibraryError(cannot_read(path, exc)) from None
    if not raw.strip():  # as `import` and `import-state` say it
        raise LibraryError(f"{path}: empty file")
    try:
        tables, found = load_document(raw)
    except CorruptError as exc:
        raise LibraryError(f"{path}: not a papershelf library ({exc.summary})") from None
    except NewerSchemaError as exc:
        raise LibraryError(
            f"{path}: written by a newer papershelf (schema {exc.found}); upgrade to merge it"
        ) from None
    if found == 0 and not tables.get(STATES):
        # Any object of objects parses as the oldest layout; one with no reading state in it
        # is someone else's JSON.
        raise LibraryError(f"{path}: not a papershelf library (no reading state in it)")
    return tables


def read_copy(path: Path) -> LibraryCopy:
    """Read another copy of the library; raises ``LibraryError`` (one line) when it is not one."""
    tables = read_tables(path)
    try:
        return copy_from_tables(tables)
    except LibraryError as exc:
        raise LibraryError(f"{path}: {exc}") from None
