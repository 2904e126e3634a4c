"""The Library's use cases about two ids being one paper or two, and possible duplicates.

A base class, so the Library module stays one read; ``Library`` inherits them and they rely
on its lock, catalog, state store and ``resolve``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from papershelf.deferred import deferred
from papershelf.domain.models import Paper, PaperState
from papershelf.errors import UsageError
from papershelf.services import sameness
from papershelf.storage.catalog_store import Catalog
from papershelf.storage.state_store import StateStore

if TYPE_CHECKING:
    from papershelf.services import duplicates as sameness_find
    from papershelf.services import results
    from papershelf.services.results import Change
else:  # a change makes one; a start makes none
    results = deferred("papershelf.services.results")
    sameness_find = deferred("papershelf.services.duplicates")  # asked off the UI thread

GIVE_WAY_SECONDS = 0.001


def _give_way() -> None:
    """Let another thread (the app's screen) take the interpreter for a moment."""
    time.sleep(GIVE_WAY_SECONDS)


class SamenessUseCases:
    """``same``, ``different`` and the index of papers that look alike."""

    _mutex: threading.RLock
    _store: StateStore
    _duplicates: tuple[Catalog, sameness_find.DuplicateIndex] | None

    @property
    def catalog(self) -> Catalog:
        raise NotImplementedError

    def resolve(self, text: str) -> Paper:
        raise NotImplementedError

    def paper(self, pid: str) -> Paper:
        raise NotImplementedError

    def states(self) -> Mapping[str, PaperState]:
        raise NotImplementedError

    def _recheck_decisions(self) -> None:
        raise NotImplementedError

    def same(self, a: str, b: str) -> Change:
        """Two papers are one: the older id answers for both, states joined (undoable).

        The change names the id kept, then the other (the record names only the states
        that changed).
        """
        with self._mutex:
            first, second = self.resolve(a).id, self.resolve(b).id
            if first == second:
                aliases = self.catalog.aliases
                if a.strip() in aliases or b.strip() in aliases:  # made one before: no change
                    return results.Change.of(None, "same paper", [first])
                raise UsageError(f"{a.strip()} and {b.strip()} are one id: give two papers")
            keep, other = sameness.older_first(self.catalog, first, second)
            ids, fold = sameness.same_update(keep, other)
            record = self._store.update(ids, fold, label="same paper")
            self._recheck_decisions()
        return replace(results.Change.of(record, "same paper", [keep]), paper_ids=(keep, other))

    def different(self, a: str, b: str) -> Change:
        """Two ids are two papers: never matched again, a wrong match split (undoable).

        The change names both ids as resolved, in the order given (the record names only
        the first, on which the decision is kept).
        """
        with self._mutex:
            first = self.resolve(a).id
            # An alias (a `same` taken back) or a list's own id (a wrong match split) is
            # taken as it is, not resolved to the paper it joined.
            text = b.strip()
            alias = text if text in self.catalog.aliases else None
            second = alias or sameness.record_id(self.catalog, b) or self.resolve(b).id
            if second == first:
                raise UsageError(f"{first} and {b.strip()} are one id: give two papers")
            ids, split = sameness.different_update(first, second)
            record = self._store.update(ids, split, label="different papers")
            self._recheck_decisions()
        return replace(results.Change.of(record, "different papers", []), paper_ids=(first, second))

    def duplicates(self) -> list[sameness_find.Duplicate]:
        """Pairs that look alike but are not one paper, most alike first (``duplicates``)."""
        return self._duplicate_index().all()

    def duplicates_of(self, pid: str) -> list[sameness_find.Duplicate]:
        """The possible duplicates of one paper (the app's detail pane asks, off its thread).

        The index is built with pauses, so the app's keystrokes meanwhile are not slowed.
        """
        return self._duplicate_index(_give_way).of(self.paper(pid))

    def _duplicate_index(
        self, pause: Callable[[], None] | None = None
    ) -> sameness_find.DuplicateIndex:
        with self._mutex:
            catalog = self.catalog
            if self._duplicates is None or self._duplicates[0] is not catalog:
                different = sameness.different_pairs(self.states())
                self._duplicates = (
                    catalog,
                    sameness_find.DuplicateIndex(catalog.papers, different, pause),
                )
            return self._duplicates[1]
