"""Merging two copies of the reading state against a common base: pure rules, no I/O.

Every rule is symmetric (merging A into B gives what merging B into A gives) and merging a
result again with either side changes nothing, so two machines converge whatever the order.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from papershelf.domain.models import DEFAULT_STATE, PaperState, Status, StatusChange
from papershelf.domain.notes import CONFLICT_END, CONFLICT_SPLIT, CONFLICT_START

_T = TypeVar("_T")
_STATUS_ORDER = {s: i for i, s in enumerate(Status)}


@dataclass(frozen=True, slots=True)
class NoteMerge:
    """A merged note and how many places kept both versions (0 when clean)."""

    text: str
    conflicts: int


@dataclass(frozen=True, slots=True)
class PaperMerge:
    """One paper's merged state and whether its note kept both versions somewhere."""

    state: PaperState
    note_conflicts: int


def _when(changed: str | None) -> str:
    """``changed`` is the note's time: to the microsecond since notes are stamped so."""
    return f"written {changed}" if changed else "written at a time not recorded"


Edit = tuple[int, int, list[str]]
"""``(start, end, new lines)``: ``base[start:end]`` becomes the new lines."""


def _similarity(old: list[str], new: list[str]) -> int:
    """Characters the lines keep in common (an edited line keeps most of its old text)."""
    return sum(
        sum(
            b.size
            for b in difflib.SequenceMatcher(None, o, n, autojunk=False).get_matching_blocks()
        )
        for o, n in zip(old, new, strict=True)
    )


def _split_replace(
    base: list[str], side: list[str], i1: int, i2: int, j1: int, j2: int
) -> list[Edit]:
    """A replaced block of unequal length as edited lines plus pure insertions (or deletions).

    ``difflib`` reports "line 3 edited, line 4 added" as one replaced block; aligning the lines
    that look most alike lets an insertion merge with the same insertion from the other copy.
    """
    n, m = i2 - i1, j2 - j1
    if n == m or n == 0 or m == 0:
        return [(i1, i2, side[j1:j2])]
    if n < m:
        k = max(range(m - n + 1), key=lambda k: _similarity(base[i1:i2], side[j1 + k : j1 + k + n]))
        edits = [(i1, i1, side[j1 : j1 + k]), (i1, i2, side[j1 + k : j1 + k + n])]
        edits.append((i2, i2, side[j1 + k + n : j2]))
    else:
        k = max(range(n - m + 1), key=lambda k: _similarity(base[i1 + k : i1 + k + m], side[j1:j2]))
        edits = [(i1, i1 + k, []), (i1 + k, i1 + k + m, side[j1:j2]), (i1 + k + m, i2, [])]
    return [e for e in edits if e[0] != e[1] or e[2]]


def _side_edits(base: list[str], side: list[str]) -> list[Edit]:
    """The edits turning ``base`` into ``side``, in order."""
    matcher = difflib.SequenceMatcher(None, base, side, autojunk=False)
    edits: list[Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            edits.extend(_split_replace(base, side, i1, i2, j1, j2))
    return edits


def _apply(base: list[str], lo: int, hi: int, edits: list[Edit]) -> list[str]:
    out: list[str] = []
    pos = lo
    for start, end, lines in edits:
        out.extend(base[pos:start])
        out.extend(lines)
        pos = end
    out.extend(base[pos:hi])
    return out


def _contains(big: list[str], small: list[str]) -> bool:
    if not small:
        return True
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def merge_note_text(
    base: str, a: str, b: str, *, a_changed: str | None = None, b_changed: str | None = None
) -> NoteMerge:
    """Three-way merge by lines: one side's changes are taken, both sides' are both kept.

    Where both copies changed the same lines, the note keeps the two versions between marker
    lines naming when each copy's note was changed (earlier first), so nothing is dropped and
    the order does not depend on which copy is merged into which. Two insertions at the same
    place are both kept, earlier first, without markers; a version that already holds the
    other (a previous merge) is taken as it is.
    """
    if a == b or b == base:
        return NoteMerge(a, 0)
    if a == base:
        return NoteMerge(b, 0)
    first, second = sorted([(a_changed or "", a), (b_changed or "", b)])
    base_l = base.splitlines(keepends=True)
    sides = [s.splitlines(keepends=True) for _, s in (first, second)]
    for lines in sides:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
    if base_l and not base_l[-1].endswith("\n"):
        base_l[-1] += "\n"
    edits = [_side_edits(base_l, lines) for lines in sides]
    tagged = sorted(
        [(e[0], e[1], k, e) for k in (0, 1) for e in edits[k]], key=lambda t: (t[0], t[1], t[2])
    )
    out: list[str] = []
    conflicts = 0
    pos = 0
    i = 0
    while i < len(tagged):
        lo, hi = tagged[i][0], tagged[i][1]
        group = [tagged[i]]
        i += 1
        # An edit joins the group when it overlaps it (or both insert at the same place).
        while i < len(tagged) and (
            tagged[i][0] < hi or (tagged[i][0] == hi == lo) or (tagged[i][0] == lo)
        ):
            group.append(tagged[i])
            hi = max(hi, tagged[i][1])
            i += 1
        out.extend(base_l[pos:lo])
        pos = hi
        kinds = {g[2] for g in group}
        versions = [_apply(base_l, lo, hi, [g[3] for g in group if g[2] == k]) for k in (0, 1)]
        if len(kinds) == 1:
            out.extend(versions[kinds.pop()])
        elif _contains(versions[0], versions[1]):
            out.extend(versions[0])
        elif _contains(versions[1], versions[0]):
            out.extend(versions[1])
        elif lo == hi:
            out.extend(versions[0] + versions[1])
        else:
            conflicts += 1
            out.append(CONFLICT_START.format(when=_when(first[0] or None)) + "\n")
            out.extend(versions[0])
            out.append(CONFLICT_SPLIT.format(when=_when(second[0] or None)) + "\n")
            out.extend(versions[1])
            out.append(CONFLICT_END + "\n")
    out.extend(base_l[pos:])
    text = "".join(out)
    if not (a.endswith("\n") or b.endswith("\n")) and text.endswith("\n"):
        text = text[:-1]
    return NoteMerge(text, conflicts)


def _three_way(base: _T, a: _T, b: _T) -> tuple[bool, _T]:
    """(settled, value): settled when at most one side changed the value."""
    if a == b or b == base:
        return True, a
    if a == base:
        return True, b
    return False, a


def _history(base: PaperState, a: PaperState, b: PaperState) -> tuple[StatusChange, ...]:
    """Entries on both sides or new on either (one undone on a side since the base goes)."""
    kept = (set(base.history) & set(a.history) & set(b.history)) | (
        (set(a.history) | set(b.history)) - set(base.history)
    )
    return tuple(sorted(kept, key=lambda c: (c.at, _STATUS_ORDER[c.status])))


def _status(base: PaperState, a: PaperState, b: PaperState) -> Status:
    settled, value = _three_way(base.status, a.status, b.status)
    if settled:
        return value
    # Both copies changed the status to different values: the later change wins.
    return max((a, b), key=lambda s: (s.status_changed or "", _STATUS_ORDER[s.status])).status


Times = Mapping[str, str]
"""Per paper, when each side last changed its star (``star``) and each tag (``tag:<folded>``)."""


def _tags(
    base: PaperState, a: PaperState, b: PaperState, a_times: Times, b_times: Times
) -> tuple[str, ...]:
    """Kept on both sides, or added on either; removed on one side since the base: removed.

    Unless the other side added it again later than that removal.
    """
    fold = str.casefold
    base_k = {fold(t) for t in base.tags}
    a_k, b_k = {fold(t) for t in a.tags}, {fold(t) for t in b.tags}
    keep = (base_k & a_k & b_k) | ((a_k | b_k) - base_k)
    for key in base_k & (a_k ^ b_k):
        kept_at, removed_at = (a_times, b_times) if key in a_k else (b_times, a_times)
        if kept_at.get("tag:" + key, "") > removed_at.get("tag:" + key, "~"):
            keep.add(key)
    out: dict[str, str] = {}
    for tag in sorted(a.tags + b.tags):
        if fold(tag) in keep:
            out.setdefault(fold(tag), tag)
    return tuple(out[k] for k in sorted(out))


def _decided(base: tuple[str, ...], a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """A decision made on either side is kept; one taken back (undone) on one side goes."""
    keep = (set(base) & set(a) & set(b)) | ((set(a) | set(b)) - set(base))
    return tuple(sorted(keep))


def _min_time(*times: str | None) -> str | None:
    known = [t for t in times if t]
    return min(known) if known else None


def _max_time(*times: str | None) -> str | None:
    known = [t for t in times if t]
    return max(known) if known else None


def _starred(
    base: PaperState, a: PaperState, b: PaperState, a_times: Times, b_times: Times
) -> bool:
    """The later star change wins; without times, the side that changed it."""
    ta, tb = a_times.get("star"), b_times.get("star")
    if a.starred != b.starred and ta and tb:
        return a.starred if ta > tb else b.starred
    return _three_way(base.starred, a.starred, b.starred)[1]


_NO_TIMES: Times = {}


def merge_state(
    base: PaperState,
    a: PaperState,
    b: PaperState,
    a_times: Times = _NO_TIMES,
    b_times: Times = _NO_TIMES,
) -> PaperMerge:
    """One paper's state from two copies and their common base (``DEFAULT_STATE`` if new).

    ``a_times`` and ``b_times`` say when each copy last changed the star and each tag
    (from its undo log): a later change wins over the other copy's.
    """
    # A side back at the base took no part, unless it changed a star or tag since (and
    # back): then its later change may win.
    if a == b or (b == base and not b_times):
        return PaperMerge(a, 0)
    if a == base and not a_times:
        return PaperMerge(b, 0)
    note = merge_note_text(
        base.note, a.note, b.note, a_changed=a.note_changed, b_changed=b.note_changed
    )
    note_changed = _three_way(base.note_changed, a.note_changed, b.note_changed)
    state = PaperState(
        status=_status(base, a, b),
        starred=_starred(base, a, b, a_times, b_times),
        note=note.text,
        first_triaged=_min_time(a.first_triaged, b.first_triaged),
        history=_history(base, a, b),
        note_changed=(
            note_changed[1] if note_changed[0] else _max_time(a.note_changed, b.note_changed)
        ),
        tags=_tags(base, a, b, a_times, b_times),
        same=_decided(base.same, a.same, b.same),
        different=_decided(base.different, a.different, b.different),
    )
    return PaperMerge(state, note.conflicts)


SEEN_CAP = 16
"""Fingerprints of merged-in states kept per paper."""


def fingerprint(state: PaperState) -> str:
    """A short stable hash of a state, to recognise a copy's state that was merged already."""
    raw = json.dumps(state.to_json(), sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(raw).hexdigest()[:16]


Seen = Mapping[str, Sequence[str]]
"""Per paper, fingerprints of the states a copy has merged in (its merge parents)."""


@dataclass(frozen=True, slots=True)
class StatesMerge:
    """The merged states of every paper either copy knows, and what the merge found."""

    states: dict[str, PaperState]
    conflicts: tuple[str, ...]
    """Ids of papers whose note kept both versions somewhere."""
    seen: dict[str, tuple[str, ...]]
    """The result's merge parents per paper: both copies' seen plus the two merged states."""


def merge_states(
    base: Mapping[str, PaperState],
    a: Mapping[str, PaperState],
    b: Mapping[str, PaperState],
    *,
    a_seen: Seen | None = None,
    b_seen: Seen | None = None,
    a_times: Mapping[str, Times] | None = None,
    b_times: Mapping[str, Times] | None = None,
) -> StatesMerge:
    """Every paper's merged state; papers only one copy knows keep their state.

    A paper whose state on one copy is one the other copy merged in before takes the other
    copy's state as it is: merging again changes nothing.
    """
    a_seen, b_seen = a_seen or {}, b_seen or {}
    states: dict[str, PaperState] = {}
    conflicts: list[str] = []
    seen: dict[str, tuple[str, ...]] = {}
    for pid in sorted(set(a) | set(b) | set(a_seen) | set(b_seen)):
        mine, theirs = a.get(pid, DEFAULT_STATE), b.get(pid, DEFAULT_STATE)
        fa, fb = fingerprint(mine), fingerprint(theirs)
        in_a, in_b = fb in a_seen.get(pid, ()), fa in b_seen.get(pid, ())
        if mine == theirs or (in_a and not in_b):
            merged = PaperMerge(mine, 0)
        elif in_b and not in_a:
            merged = PaperMerge(theirs, 0)
        else:
            merged = merge_state(
                base.get(pid, DEFAULT_STATE),
                mine,
                theirs,
                (a_times or {}).get(pid, _NO_TIMES),
                (b_times or {}).get(pid, _NO_TIMES),
            )
        if merged.state != DEFAULT_STATE:
            states[pid] = merged.state
        if merged.note_conflicts:
            conflicts.append(pid)
        marks = set(a_seen.get(pid, ())) | set(b_seen.get(pid, ()))
        if mine != theirs:
            marks |= {fa, fb}
        if marks:
            seen[pid] = tuple(sorted(marks))[-SEEN_CAP:]
    return StatesMerge(states, tuple(conflicts), seen)


def change_times(
    history: Sequence[tuple[str, Mapping[str, PaperState], Mapping[str, PaperState]]],
) -> dict[str, dict[str, str]]:
    """Per paper, when a copy last changed its star and each tag.

    From its changes' ``(at, before, after)``, in any order (a merge brings the other copy's
    changes in with their own, earlier, times): the latest time counts.
    """
    times: dict[str, dict[str, str]] = {}
    for at, before, after in history:
        for pid, new in after.items():
            old = before.get(pid, DEFAULT_STATE)
            keys = {t.casefold() for t in old.tags} ^ {t.casefold() for t in new.tags}
            fields = ["tag:" + key for key in keys]
            if old.starred != new.starred:
                fields.append("star")
            for name in fields:
                paper = times.setdefault(pid, {})
                paper[name] = max(paper.get(name, at), at)
    return times
