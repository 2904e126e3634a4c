"""What every command is and gives back: the base of ``commands`` and ``library_commands``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from papershelf.domain.enrichment import Enrichment
from papershelf.domain.models import Paper, PaperState
from papershelf.services.library import Library

if TYPE_CHECKING:  # reports of commands a start does not run: their modules load with them
    from papershelf.services.enrich.report import EnrichReport
    from papershelf.services.forgetting import ForgetReport
    from papershelf.services.merging import CopyFailure, MergeReport
    from papershelf.services.results import Change, HistoryEntry, ImportReport
    from papershelf.services.url_lists import FetchedList, UpdateReport


@dataclass(frozen=True, slots=True)
class Outcome:
    """What running a command did: the state change, and for catalog commands their report."""

    change: Change | None = None
    reports: tuple[ImportReport, ...] = ()
    updates: tuple[UpdateReport, ...] = ()
    """What an ``Update`` did with each list it follows."""
    fetched: tuple[FetchedList, ...] | None = None
    """The followed lists a ``FetchFollowed`` fetched, for the ``Update`` after it."""
    forgotten: ForgetReport | None = None
    catalog_changed: bool = False
    exported: int | None = None
    """Papers written by an ``Export``."""
    enriched: EnrichReport | None = None
    merged: tuple[MergeReport, ...] = ()
    """What merging conflict copies did (``MergeCopies``)."""
    merge_failures: tuple[CopyFailure, ...] = ()
    """The conflict copies a ``MergeCopies`` could not read, left where they are."""
    duplicates: tuple[Paper, ...] | None = None
    """The papers a ``FindDuplicates`` found alike to its paper, most alike first."""
    enrichments: Mapping[str, Enrichment] | None = None
    """What is known now about the papers an ``Enrich`` looked up (for the screen)."""
    elsewhere: HistoryEntry | None = None
    """The change an app's ``Undo`` left alone (made by another process while it was open), or
    its ``Redo`` left alone (undone by another process)."""
    offer_gone: bool = False
    """An app's ``Undo`` confirmed a change that is no longer the newest: nothing undone."""


@dataclass(frozen=True, slots=True)
class Command:
    """A request to the Library; subclasses are the only ways the data changes."""

    retried: ClassVar[bool] = False
    """True for the user's own changes: retried until written, never dropped."""
    kind: ClassVar[str] = "command"

    @property
    def paper_ids(self) -> tuple[str, ...]:
        return ()

    def preview(self, state: PaperState, at: str) -> PaperState:
        """The state as it will be once written; commands that touch no state return it."""
        return state

    def run(self, library: Library) -> Outcome:
        raise NotImplementedError

    def to_json(self) -> dict[str, Any]:
        """The pending-changes file's form of a retried command."""
        raise NotImplementedError(f"{self.kind} is not kept across restarts")
