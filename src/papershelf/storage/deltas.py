"""How an undo record stores one paper's change: only what changed, notes as text hunks.

A record keeps, per paper, the plain fields that changed (``[old, new]``; the tags as two
whole lists, which are short), the status history as a common prefix length with the old and
new tails, and the note as hunks ``[position in the old note, old text, new text]``. Undo
applies a delta backwards to the paper's current state, redo forwards, so a mark on a paper
with a 5 MB note costs a few bytes in the log instead of two copies of the note.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from typing import Any

from papershelf.domain.models import PaperState, Status, StatusChange

Hunk = list[Any]
"""``[position in the old text, old text, new text]``."""
Delta = dict[str, Any]

SCALARS = ("status", "starred", "first_triaged", "note_changed", "tags", "same", "different")
_LISTS = frozenset({"tags", "same", "different"})
"""Fields stored whole under ``set``: ``[old, new]``."""
_LINE_DIFF_MIN = 2_000
"""Middles shorter than this (in characters) are one hunk: a line diff would not pay."""
_LINE_DIFF_MAX_LINES = 20_000
"""Past this many lines a line diff may take too long; the middle is stored as one hunk."""


class DeltaMismatch(ValueError):
    """The text a delta expects is not there (the state was changed outside papershelf)."""


def diff_text(old: str, new: str) -> list[Hunk]:
    """Hunks turning ``old`` into ``new``, in order.

    A common prefix and suffix are left out, and a long middle is split at unchanged lines.
    """
    if old == new:
        return []
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    old_mid, new_mid = old[start : len(old) - end], new[start : len(new) - end]
    if min(len(old_mid), len(new_mid)) < _LINE_DIFF_MIN:
        return [[start, old_mid, new_mid]]
    a, b = old_mid.splitlines(keepends=True), new_mid.splitlines(keepends=True)
    if max(len(a), len(b)) > _LINE_DIFF_MAX_LINES:
        return [[start, old_mid, new_mid]]
    hunks: list[Hunk] = []
    offsets = [0]
    for line in a:
        offsets.append(offsets[-1] + len(line))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            hunks.append([start + offsets[i1], "".join(a[i1:i2]), "".join(b[j1:j2])])
    return hunks


def patch(text: str, hunks: list[Hunk], *, reverse: bool = False) -> str:
    """Apply ``hunks`` to ``text`` (the old text; the new one when ``reverse``).

    Raises ``DeltaMismatch`` when the text a hunk replaces is not where it should be.
    """
    parts: list[str] = []
    at = 0
    shift = 0  # how much longer the new text is than the old, up to this hunk
    for pos, old, new in hunks:
        here = pos + shift if reverse else pos
        expect, put = (new, old) if reverse else (old, new)
        if here < at or text[here : here + len(expect)] != expect:
            raise DeltaMismatch(f"hunk at {pos} does not match")
        parts.append(text[at:here])
        parts.append(put)
        at = here + len(expect)
        shift += len(new) - len(old)
    parts.append(text[at:])
    return "".join(parts)


def _history_json(history: tuple[StatusChange, ...]) -> list[dict[str, str]]:
    return [{"status": c.status.value, "at": c.at} for c in history]


def _history(data: list[dict[str, str]]) -> tuple[StatusChange, ...]:
    return tuple(StatusChange(Status(c["status"]), c["at"]) for c in data)


def state_delta(before: PaperState, after: PaperState) -> Delta:
    """What changed from ``before`` to ``after``, in the stored form (see the module doc)."""
    old, new = before.to_json(), after.to_json()
    delta: Delta = {}
    fields = {key: [old[key], new[key]] for key in SCALARS if old[key] != new[key]}
    if fields:
        delta["set"] = fields
    if before.history != after.history:
        keep = 0
        limit = min(len(before.history), len(after.history))
        while keep < limit and before.history[keep] == after.history[keep]:
            keep += 1
        delta["history"] = [
            keep,
            _history_json(before.history[keep:]),
            _history_json(after.history[keep:]),
        ]
    if before.note != after.note:
        delta["note"] = diff_text(before.note, after.note)
    return delta


def apply_delta(state: PaperState, delta: Delta, *, reverse: bool = False) -> PaperState:
    """``after`` from ``before`` (or ``before`` from ``after`` when ``reverse``).

    Raises ``DeltaMismatch`` when ``state`` is not the side the delta starts from.
    """
    side = 0 if reverse else 1
    changes: dict[str, Any] = {}
    for key, values in delta.get("set", {}).items():
        value = values[side]
        if key == "status":
            value = Status(value)
        elif key in _LISTS:
            value = tuple(value)
        changes[key] = value
    if "history" in delta:
        keep, old_tail, new_tail = delta["history"]
        expect = _history(new_tail if reverse else old_tail)
        if len(state.history) < keep or state.history[keep:] != expect:
            raise DeltaMismatch("status history does not match")
        put = _history(old_tail if reverse else new_tail)
        changes["history"] = state.history[:keep] + put
    if "note" in delta:
        changes["note"] = patch(state.note, delta["note"], reverse=reverse)
    return replace(state, **changes) if changes else state


_STATUS_VALUES = frozenset(s.value for s in Status)
"""Made once: a library's load checks every delta of its undo log (1,000 at a time)."""


def delta_problems(where: str, delta: object) -> list[str]:
    """What is wrong with one stored delta (empty when fine)."""
    if not isinstance(delta, dict):
        return [f"{where} is not an object"]
    problems = []
    fields = delta.get("set", {})
    if not isinstance(fields, dict) or not all(
        key in SCALARS and isinstance(v, list) and len(v) == 2 for key, v in fields.items()
    ):
        problems.append(f"{where}: 'set' is not {{field: [old, new]}}")
    else:
        statuses = _STATUS_VALUES
        for key, pair in fields.items():
            ok = (
                all(v in statuses for v in pair)
                if key == "status"
                else all(isinstance(v, bool) for v in pair)
                if key == "starred"
                else all(_is_tag_list(v) for v in pair)
                if key in _LISTS
                else all(v is None or isinstance(v, str) for v in pair)
            )
            if not ok:
                problems.append(f"{where}: {key!r} values are of the wrong type")
    if "history" in delta and not _history_ok(delta["history"]):
        problems.append(f"{where}: 'history' is not [kept, old entries, new entries]")
    if "note" in delta and not _hunks_ok(delta["note"]):
        problems.append(f"{where}: 'note' is not a list of [position, old, new]")
    return problems


def _is_tag_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(t, str) for t in value)


def _history_ok(value: object) -> bool:
    if not (isinstance(value, list) and len(value) == 3):
        return False
    keep, *tails = value
    statuses = _STATUS_VALUES
    return (
        isinstance(keep, int)
        and not isinstance(keep, bool)
        and keep >= 0
        and all(
            isinstance(tail, list)
            and all(
                isinstance(c, dict) and c.get("status") in statuses and isinstance(c.get("at"), str)
                for c in tail
            )
            for tail in tails
        )
    )


def _hunks_ok(value: object) -> bool:
    return isinstance(value, list) and all(
        isinstance(h, list)
        and len(h) == 3
        and isinstance(h[0], int)
        and not isinstance(h[0], bool)
        and h[0] >= 0
        and isinstance(h[1], str)
        and isinstance(h[2], str)
        for h in value
    )
