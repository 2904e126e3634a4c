"""One undoable change as the library file keeps it: only what changed, notes as hunks."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from papershelf.domain.models import DEFAULT_STATE, PaperState
from papershelf.errors import LibraryError
from papershelf.storage.deltas import DeltaMismatch, apply_delta, state_delta


def state_to_json(state: PaperState) -> dict[str, Any]:
    """The stored form of a state: only the fields that differ from the default.

    Keeps the file small (TinyDB rewrites it whole on every change) and easy to read.
    """
    full = state.to_json()
    default = _DEFAULT_JSON
    return {key: value for key, value in full.items() if value != default[key]}


_DEFAULT_JSON = DEFAULT_STATE.to_json()


UNDONE_BY = "undone_by"
"""The key of a redo-log record's undo mark (``ChangeRecord.undone_by``)."""


def marked(data: Mapping[str, Any], *, undone: bool) -> dict[str, Any]:
    """A stored record as it moves: a new undo mark into the redo log, none out of it.

    New at each undo, so a redo can tell the undo it follows from a later one elsewhere.
    """
    moved = {key: value for key, value in data.items() if key != UNDONE_BY}
    if undone:
        moved[UNDONE_BY] = uuid.uuid4().hex
    return moved


def record_key(seq: int) -> str:
    """A record's key in the undo and redo tables: its sequence number, sorting as it counts."""
    return f"{seq:08d}"


@dataclass(frozen=True)
class ChangeRecord:
    """One undoable change: the states of the touched papers before and after it.

    The log stores only the difference (``to_json``); ``from_json`` rebuilds the states from
    the states one side of the change, as undo and redo find them.
    """

    seq: int
    label: str
    at: str
    before: dict[str, PaperState]
    after: dict[str, PaperState]
    merged: tuple[dict[str, Any], ...] | None = None
    """On a merge: the other copy's own changes it brought in, each stored as a record is
    (``seq``, ``label``, ``at``, ``changes``), oldest first, so both copies' histories are kept
    (and a later merge still knows when each change was made); ``None`` on other changes."""
    undone_by: str | None = field(default=None, compare=False)
    """In the redo log: a mark of the undo that put it there (``UNDONE_BY``), new at each
    undo, so a redo can tell whether it is still the one this window made; else ``None``.
    Not part of the change: the same change compares equal however often it was undone."""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "seq": self.seq,
            "label": self.label,
            "at": self.at,
            "changes": {pid: state_delta(self.before[pid], self.after[pid]) for pid in self.after},
        }
        if self.merged is not None:
            data["merged"] = list(self.merged)
        return data

    @classmethod
    def from_json(
        cls, data: Mapping[str, Any], states: Mapping[str, PaperState], *, undone: bool
    ) -> ChangeRecord:
        """The record whose ``after`` (``before`` when ``undone``) is ``states``.

        Raises ``LibraryError`` when a paper's state is not what the record expects, which
        only a hand edit of the file can cause.
        """
        given: dict[str, PaperState] = {}
        other: dict[str, PaperState] = {}
        for pid, delta in data["changes"].items():
            state = states.get(pid, DEFAULT_STATE)
            try:
                other[pid] = apply_delta(state, delta, reverse=not undone)
            except DeltaMismatch:
                raise LibraryError(
                    f"the undo log does not match the state of {pid} (was the library file "
                    f"edited by hand?); {data['label']!r} cannot be undone or redone"
                ) from None
            given[pid] = state
        before, after = (given, other) if undone else (other, given)
        merged = data.get("merged")
        steps = tuple(merged) if isinstance(merged, list) else None
        mark = data.get(UNDONE_BY)
        return cls(
            int(data["seq"]),
            str(data["label"]),
            str(data["at"]),
            before,
            after,
            steps,
            mark if isinstance(mark, str) else None,
        )
