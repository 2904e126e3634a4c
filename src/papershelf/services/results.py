"""What the Library's use cases answer: import reports, list summaries, state changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from papershelf.domain.models import Paper
from papershelf.domain.progress import Tally
from papershelf.services.counting import PaperCount
from papershelf.storage.change_record import ChangeRecord


@dataclass(frozen=True, slots=True)
class ImportReport:
    """One line of ``papershelf import``: what a list gave and what changed in the catalog."""

    source: str
    name: str
    venues: tuple[str, ...]
    found: int
    """Papers the list gives (an entry listed twice is one paper), withdrawn ones included."""
    new: int
    updated: int
    unchanged: int
    withdrawn: int
    no_longer_listed: int
    renamed: tuple[tuple[str, str], ...]
    """(old title, new title) of papers an updated list renamed; they keep id and state."""
    skipped: tuple[tuple[int, str], ...]
    """(line, reason) of entries that looked like papers but could not be read."""
    unsafe_links: tuple[tuple[int, str], ...]
    """(line, scheme) of links left out because papershelf never opens them (``file:``...)."""
    papers: tuple[Paper, ...]
    """As parsed, withdrawn included, with the ids they keep (for ``--dry-run``)."""
    matched: tuple[tuple[str, str], ...] = ()
    """(catalog title, entry title) of entries that are a paper another list holds, under
    another spelling: one paper now, combined from both lists."""
    joined: int = 0
    """Papers that joined the catalog (ids not in it before; foreseen for ``--dry-run``)."""
    left: int = 0
    """Papers that left the catalog (no longer listed here, and no other list holds them)."""
    repeats: int = 0
    """Entries that are a paper the same list gives already (``found`` counts it once)."""
    replaces: str | None = None
    """Where the list of the same name came from, when that was another file: this one took
    its place (its papers no other list holds left the catalog)."""


@dataclass(frozen=True, slots=True)
class ListInfo:
    name: str
    """What ``forget`` takes."""
    source: str
    venues: tuple[str, ...]
    papers: int
    """Its papers in the catalog, withdrawn ones apart (``counting``)."""
    imported_at: str
    bundled: bool
    problem: str | None = None
    """Why the stored copy could not be read (its papers are then left out), else None."""
    withdrawn: int = 0


@dataclass(frozen=True, slots=True)
class Change:
    """What one state change did, for the CLI's one-line answer and the app's notification."""

    label: str
    paper_ids: tuple[str, ...]
    seq: int | None = None
    """The change record it made (what ``undo --only`` names); None when nothing changed."""
    kept_both: bool = False
    """A note changed elsewhere while it was edited keeps both texts (``notes.keeps_both``)."""
    undone_by: str | None = None
    """After an undo: the mark it left on the record (``ChangeRecord.undone_by``)."""

    @property
    def changed(self) -> bool:
        return self.seq is not None

    @classmethod
    def of(cls, record: ChangeRecord | None, label: str, ids: Sequence[str]) -> Change:
        if record is None:
            return cls(f"{label} (no change)", tuple(ids))
        return cls(record.label, tuple(record.after) or tuple(ids), record.seq)


@dataclass(frozen=True, slots=True)
class Stats:
    """Progress overall and per group (venue or topic), and papers read per week."""

    overall: Tally
    groups: list[Tally]
    weeks: list[tuple[date, int]]
    count: PaperCount = field(default_factory=PaperCount)
    """The catalog's papers, withdrawn ones apart (the tallies leave withdrawn papers out)."""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change of the undo log, for ``papershelf history``.

    A merge lists the other copy's own changes it brought in, so a library that merged
    still shows (and a later merge still compares) what each machine did and when.
    """

    seq: int
    label: str
    at: str
    paper_ids: tuple[str, ...]
    merged: tuple[HistoryEntry, ...] = ()
    """What a merge brought in, newest first, as the log is."""
    step: int = 0
    """For a change a merge brought in: its place under the merge (1: the oldest), and ``seq``
    is the merge's. Its own number belongs to the other copy's log and collided with this
    one's (``#3`` under the merge and ``#3`` below it); it is kept as ``other_seq``."""
    other_seq: int | None = None
    undone_by: str | None = None
    """In the redo log: the mark of the undo that put it there (``ChangeRecord.undone_by``)."""

    @property
    def number(self) -> str:
        """``4`` for a change of this log, ``4.2`` for the second change merge #4 brought in."""
        return f"{self.seq}.{self.step}" if self.step else str(self.seq)

    @classmethod
    def of(cls, record: ChangeRecord) -> HistoryEntry:
        steps = [
            cls(
                record.seq,
                str(s["label"]),
                str(s["at"]),
                tuple(s["changes"]),
                step=n,
                other_seq=int(s["seq"]),
            )
            for n, s in enumerate(record.merged or (), start=1)  # stored oldest first
        ]
        ids = tuple(record.after)
        return cls(
            record.seq, record.label, record.at, ids, tuple(steps[::-1]), undone_by=record.undone_by
        )

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "change": self.number if self.step else self.seq,
            "label": self.label,
            "at": self.at,
            "papers": list(self.paper_ids),
        }
        if self.other_seq is not None:
            data["change_in_other_copy"] = self.other_seq
        if self.merged:
            data["brought_in"] = [step.to_json() for step in self.merged]
        return data
