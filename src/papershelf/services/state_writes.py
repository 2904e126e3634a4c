"""Changes to the reader's states, each one undoable ``update`` of the state store."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from papershelf.deferred import deferred
from papershelf.domain import state_ops
from papershelf.domain.clock import now_exact, now_iso
from papershelf.domain.models import Paper, PaperState, Status
from papershelf.domain.notes import keeps_both
from papershelf.domain.tags import TagCount, tag_counts
from papershelf.domain.text import clean_note
from papershelf.errors import UsageError
from papershelf.services.tagging import tag_change
from papershelf.storage.state_store import StateStore

if TYPE_CHECKING:
    from papershelf.services import results
    from papershelf.services.results import Change
else:  # a change makes one; a start makes none
    results = deferred("papershelf.services.results")


class StateWrites:
    """The status, star, note and tag methods of ``Library`` (which sets these attributes)."""

    _store: StateStore
    _mutex: threading.RLock

    def papers(self) -> Sequence[Paper]:
        raise NotImplementedError

    def state(self, pid: str) -> PaperState:
        return self._store.get(pid)

    def states(self) -> Mapping[str, PaperState]:
        """State of every touched paper (orphans included); untouched papers are absent."""
        return self._store.states()

    def _answering(self, pid: str) -> str:
        """The id that answers for ``pid``: itself, or the paper a ``same`` joined it to."""
        return pid

    def _ids(self, paper_ids: Iterable[str]) -> list[str]:
        # An app that had not seen a `same` yet writes to the alias: the paper gets it.
        ids = list(dict.fromkeys(self._answering(pid) for pid in paper_ids))
        if not ids:
            raise UsageError("no paper given")
        return ids

    def set_status(self, paper_ids: Iterable[str], status: Status) -> Change:
        ids = self._ids(paper_ids)
        label = f"mark {status.value}"
        with self._mutex:
            at = now_iso()
            record = self._store.update(
                ids, lambda _id, s: state_ops.with_status(s, status, at), label=label
            )
        return results.Change.of(record, label, ids)

    def set_starred(self, paper_ids: Iterable[str], starred: bool) -> Change:
        ids = self._ids(paper_ids)
        label = "star" if starred else "unstar"
        with self._mutex:
            record = self._store.update(
                ids, lambda _id, s: state_ops.with_star(s, starred), label=label
            )
        return results.Change.of(record, label, ids)

    def set_note(self, pid: str, text: str, *, base: str | None = None) -> Change:
        """Replace the note, merging in what changed elsewhere since ``base``.

        ``base`` is the text the editor started from; the merge runs under the write lock,
        so a note changed by another window or command meanwhile is never overwritten.
        """
        kept_both = False

        def write(_id: str, state: PaperState) -> PaperState:
            nonlocal kept_both
            kept_both = base is not None and keeps_both(
                clean_note(base), state.note, clean_note(text)
            )
            return state_ops.with_merged_note(state, text, base, at)

        pid = self._answering(pid)

        with self._mutex:
            at = now_exact()  # two copies' notes changed in one second still read apart
            record = self._store.update([pid], write, label="note")
        change = results.Change.of(record, "note", [pid])
        return replace(change, kept_both=kept_both and change.changed)

    def append_note(self, pid: str, text: str) -> Change:
        """Append to the note as it is under the write lock, so no other writer's text is lost."""
        text, pid = clean_note(text), self._answering(pid)

        def append(_id: str, state: PaperState) -> PaperState:
            sep = "" if not state.note or state.note.endswith("\n") else "\n"
            return state_ops.with_note(state, state.note + sep + text, at)

        with self._mutex:
            at = now_exact()
            record = self._store.update([pid], append, label="note")
        return results.Change.of(record, "note", [pid])

    def add_tags(self, paper_ids: Iterable[str], tags: Iterable[str]) -> Change:
        """Tag papers (undoable); a tag the library has in another case keeps its spelling."""
        return self._retag(paper_ids, tags, add=True)

    def remove_tags(self, paper_ids: Iterable[str], tags: Iterable[str]) -> Change:
        """Take tags off papers, in any case (undoable)."""
        return self._retag(paper_ids, tags, add=False)

    def _retag(self, paper_ids: Iterable[str], tags: Iterable[str], *, add: bool) -> Change:
        ids = self._ids(paper_ids)
        with self._mutex:
            known = [t for s in self.states().values() for t in s.tags]
            label, change = tag_change(tags, known, add=add)
            record = self._store.update(ids, change, label=label)
        return results.Change.of(record, label, ids)

    def tags(self) -> list[TagCount]:
        """Every tag on a catalog paper: (tag, papers, read), merged without regard to case."""
        return tag_counts(self.papers(), self.states())
