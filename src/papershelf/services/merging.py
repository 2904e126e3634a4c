"""Merging another copy of the library into this one: base, plan, one undoable write."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from papershelf.domain.merge_rules import StatesMerge, change_times, merge_states
from papershelf.domain.models import DEFAULT_STATE, PaperState
from papershelf.errors import CopyError, LibraryError
from papershelf.paths import CONFLICT_PATTERNS
from papershelf.services.sameness import joined, same_aliases
from papershelf.storage.ancestry import StepKey
from papershelf.storage.library_copy import LibraryCopy, copy_from_tables, read_copy
from papershelf.storage.schema import Tables
from papershelf.storage.state_store import Rewrite, StateStore


@dataclass(frozen=True, slots=True)
class PaperChange:
    """One paper whose state in this library the merge changes."""

    paper_id: str
    before: PaperState
    after: PaperState
    note_conflict: bool


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What a merge did (or, in a dry run, would do)."""

    other: str
    base: str
    """Which base the three-way merge used, in words."""
    changes: tuple[PaperChange, ...]
    conflicts: tuple[str, ...]
    """Papers whose note keeps both versions between markers."""
    seq: int | None
    """The undoable change record written (None in a dry run or when nothing changed)."""
    dry_run: bool
    moved_to: str | None = None
    """Where a sync-folder conflict copy went after its merge."""
    merged_elsewhere: bool = False
    """The conflict copy was gone, moved away by another merger (a second window, ``merge
    --conflicts``): with no ``base``, before it was read (nothing merged here), else at the move."""
    not_moved: str | None = None
    """Why a merged conflict copy could not go to the backups (``not moved to DIR: permission
    denied``): it stays where it is, merged; the next merge of it changes nothing."""

    def to_json(self) -> dict[str, Any]:
        return {
            "other": self.other,
            "base": self.base,
            "dry_run": self.dry_run,
            "change": self.seq,
            "changed": [c.paper_id for c in self.changes],
            "note_conflicts": list(self.conflicts),
            "moved_to": self.moved_to,
            "merged_elsewhere": self.merged_elsewhere,
            "not_moved": self.not_moved,
            "papers": {
                c.paper_id: {"before": c.before.to_json(), "after": c.after.to_json()}
                for c in self.changes
            },
        }


def derive_base(mine: LibraryCopy, theirs: LibraryCopy) -> tuple[dict[str, PaperState], str] | None:
    """The states after the newest change both copies hold and how it was found; None if none.

    A copy holds a change when its log has it, a merge of its brought it in, or its log was
    cut after it (``storage.ancestry``). The base is the state of a copy just after that
    change: a record of its own log, or the last change its cut log dropped (every record
    undone). Copies share the log up to the moment they parted, and a merge brings in the
    other copy's changes up to its newest, so either way the other copy holds everything
    up to there.
    """
    found: list[tuple[str, StepKey, LibraryCopy, int]] = []
    for copy, other in ((mine, theirs), (theirs, mine)):
        shared = _newest_shared(copy, other)
        if shared is not None:
            record = copy.history[shared]
            key: StepKey = (record.seq, record.label, record.at, "")
            found.append((record.at, key, copy, shared + 1))
        if copy.ancestors and copy.ancestors[-1] in other.held:
            key = copy.ancestors[-1]
            found.append((key[2], key, copy, 0))
    if not found:
        return None
    _, (seq, label, at, _), copy, start = max(found, key=lambda f: f[0])
    return _undone(copy, start), f"the last change both copies share (#{seq} {label}, {at})"


def _newest_shared(copy: LibraryCopy, other: LibraryCopy) -> int | None:
    """The index of the newest record of ``copy``'s own log that ``other`` holds too."""
    held = other.held
    own = copy.own
    for i in range(len(own) - 1, -1, -1):
        if own[i].key in held:
            return i
    return None


def _undone(copy: LibraryCopy, start: int) -> dict[str, PaperState]:
    """``copy``'s states with its records from ``start`` on undone, newest first."""
    states = dict(copy.states)
    for later in reversed(copy.history[start:]):
        states.update(later.before)
    return {pid: s for pid, s in states.items() if s != DEFAULT_STATE}


def plan(
    mine: LibraryCopy, theirs: LibraryCopy, base: Mapping[str, PaperState] | None, base_name: str
) -> tuple[StatesMerge, str]:
    """(the merge, which base was used) of the other copy into this one.

    With no base given or shared, the base is empty (every paper untouched: notes changed on
    both sides keep both versions) and the states each copy merged in before (by content)
    tell what the other side has seen. With a real base those marks stay out: a state equal
    by content to one merged before is not the same change (an unstar back to the default).
    """
    seen: tuple[Mapping[str, tuple[str, ...]], Mapping[str, tuple[str, ...]]] = ({}, {})
    if base is not None:
        used = base_name
    elif (shared := derive_base(mine, theirs)) is not None:
        base, used = shared
    else:
        base, used = {}, "no change both copies share: an empty base (every paper untouched)"
        seen = (mine.seen, theirs.seen)
    merged = merge_states(
        base,
        mine.states,
        theirs.states,
        a_seen=dict(seen[0]),
        b_seen=dict(seen[1]),
        a_times=change_times(mine.touches()),
        b_times=change_times(theirs.touches()),
    )
    _fold_aliases(merged.states)
    return merged, used


def _fold_aliases(states: dict[str, PaperState]) -> None:
    """A state kept on an alias (an id ``same`` folded) joins the paper that answers for it.

    So no status or note is left, after a merge, on an id nothing shows.
    """
    for alias, target in same_aliases(states).items():
        state = states.get(alias)
        if state is None or state.is_default:
            continue
        rest = replace(state, same=(), different=())
        if rest.is_default:
            continue  # only decisions: they stay where they are
        states[target] = joined(states.get(target, DEFAULT_STATE), rest, alias)
        kept = replace(DEFAULT_STATE, same=state.same, different=state.different)
        if kept.is_default:
            states.pop(alias, None)
        else:
            states[alias] = kept


def brought_in(mine: LibraryCopy, theirs: LibraryCopy) -> tuple[dict[str, Any], ...]:
    """The other copy's changes this one does not hold yet, oldest first.

    The merge record keeps them, so both copies' histories survive it (and survive a git
    pull that only fast-forwards to it).
    """
    new = [step for step in theirs.steps if step.key not in mine.held]
    return tuple(step.data for step in sorted(new, key=lambda step: step.key[2]))


def _changes(merged: StatesMerge, mine: Mapping[str, PaperState]) -> tuple[PaperChange, ...]:
    ids = sorted(set(merged.states) | set(mine))
    return tuple(
        PaperChange(pid, mine.get(pid, DEFAULT_STATE), after, pid in merged.conflicts)
        for pid in ids
        if (after := merged.states.get(pid, DEFAULT_STATE)) != mine.get(pid, DEFAULT_STATE)
    )


def merge_into(
    store: StateStore,
    other: Path,
    *,
    base: Path | None = None,
    dry_run: bool = False,
    label: str | None = None,
    archive: bool = False,
) -> MergeReport:
    """Merge the copy at ``other`` into ``store``; with ``base``, against that file's states.

    With ``archive``, the copy is moved into the backups folder once the merge is written; a
    copy gone by then, or before it is read, was taken by another merger (``merged_elsewhere``).
    """
    try:
        theirs = _read_other(other)
    except CopyError:
        if archive and not other.exists():
            return MergeReport(str(other), "", (), (), None, dry_run, merged_elsewhere=True)
        raise
    base_states = None
    if base is not None:
        # git hands an empty base file when the two sides have no common version.
        empty = base.exists() and base.stat().st_size == 0
        base_states = {} if empty else _read_other(base).states
    base_name = f"the base given ({base})"
    found: dict[str, Any] = {}

    def fn(tables: Tables) -> Rewrite:
        mine = copy_from_tables(tables)
        merged, used = plan(mine, theirs, base_states, base_name)
        found.update(merged=merged, mine=mine.states, used=used)
        new = {c.paper_id: c.after for c in _changes(merged, mine.states)}
        marks = {pid: list(marks) for pid, marks in merged.seen.items()}
        carried = tuple(k for k in (*theirs.ancestors, *theirs.brought) if k not in mine.held)
        return new, marks, brought_in(mine, theirs), carried

    if dry_run:
        store.refresh()
        fn(_current_tables(store))
        record = None
    else:
        record = store.rewrite(fn, label=label or f"merge {other.name}")
    moved, gone, not_moved = None, False, None
    if archive and not dry_run:
        try:
            moved = move_to_backups(other, store.backups.folder)
        except OSError as exc:  # merged all the same: the run goes on to the other copies
            gone = isinstance(exc, FileNotFoundError) and not other.exists()
            if not gone:
                why = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
                not_moved = f"not moved to {store.backups.folder}: {why or exc}"
    merged: StatesMerge = found["merged"]
    changes = _changes(merged, found["mine"]) if dry_run or record else ()
    return MergeReport(
        str(other),
        found["used"],
        changes,
        tuple(c.paper_id for c in changes if c.note_conflict),
        record.seq if record else None,
        dry_run,
        str(moved) if moved else None,
        gone,
        not_moved,
    )


def _read_other(path: Path) -> LibraryCopy:
    try:
        return read_copy(path)
    except LibraryError as exc:
        raise CopyError(str(exc)) from None


@dataclass(frozen=True, slots=True)
class CopyFailure:
    """A conflict copy that could not be merged, and why (one line naming it)."""

    copy: str
    reason: str


def merge_copies(
    store: StateStore, copies: Sequence[Path], *, dry_run: bool = False
) -> list[MergeReport | CopyFailure]:
    """Each conflict copy merged in turn (one undoable change each), moved to backups once in.

    A copy that is no library papershelf reads stays where it is, one another merger took
    meanwhile is said as merged elsewhere, and one merged that could not be moved (a folder
    that refuses it) says why (``MergeReport.not_moved``); the others are merged all the
    same. The library's own errors (a lock held, a write refused) end the run.
    """
    done: list[MergeReport | CopyFailure] = []
    for copy in copies:
        try:
            done.append(merge_into(store, copy, dry_run=dry_run, archive=True))
        except CopyError as exc:
            done.append(CopyFailure(str(copy), str(exc)))
    return done


def _current_tables(store: StateStore) -> Tables:
    from papershelf.storage.library_copy import read_tables

    if not store.path.exists():
        return {}
    return read_tables(store.path)


def conflict_copies(library: Path) -> list[Path]:
    """Sync-folder conflict copies of ``library`` lying next to it, oldest name first."""
    found: set[Path] = set()
    for pattern in CONFLICT_PATTERNS:
        found.update(library.parent.glob(pattern.format(stem=library.stem, suffix=library.suffix)))
    return sorted(p for p in found if p.is_file())


def move_to_backups(copy: Path, backups: Path) -> Path:
    """Move a merged conflict copy into the backups folder (never over another file)."""
    backups.mkdir(parents=True, exist_ok=True)
    target = backups / copy.name
    n = 1
    while target.exists():
        target = backups / f"{copy.stem}.{n}{copy.suffix}"
        n += 1
    shutil.move(str(copy), target)
    return target


def merge_driver(base: Path, ours: Path, theirs: Path) -> MergeReport:
    """Git's merge driver: merge ``theirs`` into ``ours`` against ``base``, writing ``ours``."""
    with tempfile.TemporaryDirectory(prefix="papershelf-merge-") as tmp:
        store = StateStore(ours, lock_path=Path(tmp) / "lock", backups_dir=Path(tmp) / "backups")
        with store:
            return merge_into(store, theirs, base=base, label="merge (git)")
