"""The one API the CLI and the app call: every use case of papershelf is a method here."""

from __future__ import annotations

# NOTE: being filled in; the signatures below are the contract the CLI and the TUI code against.

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from papershelf.domain.models import Paper, PaperState, Status, Venue
from papershelf.paths import Paths


@dataclass(frozen=True, slots=True)
class ImportReport:
    """One line of ``papershelf import``: what a list gave and what changed in the catalog."""

    source: str
    venues: tuple[str, ...]
    found: int
    new: int
    updated: int
    unchanged: int
    withdrawn: int
    no_longer_listed: int
    renamed: tuple[tuple[str, str], ...]  # (old title, new title)
    skipped: tuple[tuple[int, str], ...]  # (line, reason)
    papers: tuple[Paper, ...]  # as parsed (withdrawn included), for --dry-run --format json


@dataclass(frozen=True, slots=True)
class ListInfo:
    name: str  # the stored copy's name, what `forget` takes
    source: str  # where it was imported from
    venues: tuple[str, ...]
    papers: int
    imported_at: str  # ISO-8601 UTC
    bundled: bool


@dataclass(frozen=True, slots=True)
class Change:
    """What one state change did, for the one-line CLI answer and the app's notification."""

    label: str  # "mark read", "star", "note", "undo mark read" ...
    paper_ids: tuple[str, ...]


class Library:
    """The catalog (rebuildable from lists) plus the user's state (irreplaceable)."""

    def __init__(self, paths: Paths, *, lock_timeout: float = 5.0) -> None: ...

    # catalog -----------------------------------------------------------------
    def papers(self) -> Sequence[Paper]:
        """Every catalog paper, withdrawn included, in catalog order (list order per list)."""
        raise NotImplementedError

    def paper(self, paper_id: str) -> Paper:
        raise NotImplementedError

    def resolve(self, text: str) -> Paper:
        """An id or unique id prefix -> the paper; UsageError naming candidates otherwise."""
        raise NotImplementedError

    def venues(self) -> Sequence[Venue]:
        raise NotImplementedError

    def import_lists(
        self, files: Sequence[Path], *, venue: str | None = None, dry_run: bool = False
    ) -> list[ImportReport]:
        raise NotImplementedError

    def lists(self) -> list[ListInfo]:
        raise NotImplementedError

    def forget(self, name: str) -> ListInfo:
        raise NotImplementedError

    def add_paper(
        self, title: str, venue: str, *, url: str | None = None, authors: Sequence[str] = ()
    ) -> Paper:
        raise NotImplementedError

    # state -------------------------------------------------------------------
    def state(self, paper_id: str) -> PaperState:
        raise NotImplementedError

    def states(self) -> Mapping[str, PaperState]:
        """State of every touched paper (orphans included); untouched papers are absent."""
        raise NotImplementedError

    def set_status(self, paper_ids: Iterable[str], status: Status) -> Change:
        raise NotImplementedError

    def set_starred(self, paper_ids: Iterable[str], starred: bool) -> Change:
        raise NotImplementedError

    def set_note(self, paper_id: str, text: str) -> Change:
        raise NotImplementedError

    def undo(self) -> Change | None:
        raise NotImplementedError

    def redo(self) -> Change | None:
        raise NotImplementedError

    def refresh(self) -> bool:
        """Re-read the state file if another process changed it; True when it did."""
        raise NotImplementedError

    def orphans(self) -> list[str]:
        """Ids with state but no paper in the catalog (kept, never dropped)."""
        raise NotImplementedError
