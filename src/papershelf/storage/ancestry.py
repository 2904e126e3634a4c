"""Changes a library holds but no longer lists: a merge still finds the base two copies share.

The undo log is cut to a budget (``state_store.UNDO_STATE_BUDGET``): one bulk change of
12,000 papers drops every earlier record. Two copies find the base of a merge by the newest
change both hold; were the dropped records forgotten, a copy that made a bulk change would
share nothing with one that did not, and the merge would fall back to an empty base (a
removed star or tag coming back, a note's lines doubled). So the keys of dropped records
are kept, a few bytes each: the changes stay "held" for a merge after leaving the undo log.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

ANCESTORS = "ancestors"
"""The meta entry: ``{"keys": [[seq, label, at, digest], ...], "brought": [...]}``, oldest
first: the changes this copy's cut log dropped, and those a merge brought in unlisted."""
CAP = 2_000
"""Most keys kept (twice the undo log's record cap): about 150 kB at the most."""

StepKey = tuple[int, str, str, str]
"""A change as two copies recognise it: seq, label, time and a digest of what it changed."""


@dataclass(frozen=True, slots=True)
class Step:
    """One change a copy holds: a record of its log, or one a merge of its brought in."""

    key: StepKey
    data: dict[str, Any]
    """The stored form (``seq``, ``label``, ``at``, ``changes``; ``merge`` on a merge)."""

    @property
    def is_merge(self) -> bool:
        return bool(self.data.get("merge"))


def step_of(data: Mapping[str, Any], *, merge: bool = False) -> Step:
    """The step a stored record (or a merged step) is; a merge's own steps are left out."""
    stored = {k: data[k] for k in ("seq", "label", "at", "changes")}
    if merge or data.get("merge"):
        stored["merge"] = True
    digest = hashlib.sha1(
        json.dumps(stored["changes"], sort_keys=True).encode(), usedforsecurity=False
    ).hexdigest()[:16]
    return Step((int(data["seq"]), str(data["label"]), str(data["at"]), digest), stored)


def record_steps(data: Mapping[str, Any]) -> list[Step]:
    """A stored record's steps, oldest first: what a merge brought in, then the record."""
    merged = data.get("merged")
    brought = [step_of(step) for step in merged] if isinstance(merged, list) else []
    return [*brought, step_of(data, merge=merged is not None)]


def remember(entry: object, dropped: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The meta entry after ``dropped`` (stored records, oldest first) left the undo log."""
    old = list(entry.get("keys", [])) if isinstance(entry, Mapping) else []
    new = [list(step.key) for data in dropped for step in record_steps(data)]
    return {**(entry if isinstance(entry, Mapping) else {}), "keys": [*old, *new][-CAP:]}


def bring(entry: object, keys: Iterable[StepKey]) -> dict[str, Any]:
    """The meta entry after a merge brought in ``keys``: changes the other copy held unlisted.

    Kept apart from this copy's own dropped keys (``keys``): only the newest of those is
    a state this copy can rebuild (every record undone); these are only held.
    """
    base = dict(entry) if isinstance(entry, Mapping) else {}
    old = list(base.get("brought", []))
    return {**base, "brought": [*old, *map(list, keys)][-CAP:]}


def held(entry: object, field: str = "keys") -> tuple[StepKey, ...]:
    """The keys the meta entry keeps (``brought``: those merges brought in), oldest first.

    What is not a key is left out.
    """
    keys = entry.get(field) if isinstance(entry, Mapping) else None
    out: list[StepKey] = []
    for key in keys if isinstance(keys, list) else ():
        if isinstance(key, list) and len(key) == 4:
            seq, label, at, digest = key
            if isinstance(seq, int) and all(isinstance(v, str) for v in (label, at, digest)):
                out.append((seq, label, at, digest))
    return tuple(out)
