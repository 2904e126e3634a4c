"""Another copy of the library file, read for a merge: states, undo log and merge marks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from papershelf.domain.models import PaperState
from papershelf.errors import LibraryError
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


def record_key(seq: int) -> str:
    return f"{seq:08d}"


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
    return LibraryCopy(states, history, {pid: tuple(sorted(p)) for pid, p in seen.items()})


def read_tables(path: Path) -> Tables:
    """A library file's tables; a missing, corrupt or newer file is one ``LibraryError`` line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LibraryError(f"{path}: cannot read ({exc.strerror or exc})") from None
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
