"""A paper as one family's reader found it, before the venue is settled and the id given."""

from __future__ import annotations

from dataclasses import dataclass, field

from papershelf.domain.models import Link

VenueName = tuple[str, int | None]
"""(name, year) as the list writes it: ``("ASPLOS", 2025)``, ``("arXiv", None)``."""

Skipped = tuple[int, str]


@dataclass(slots=True)
class Entry:
    title: str
    line: int
    venue: VenueName | None = None
    """The entry's own venue (suffix, heading, parenthetical); None means the list's venue."""
    authors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    affiliations: tuple[str, ...] = ()
    awards: tuple[str, ...] = ()
    remarks: tuple[str, ...] = ()
    withdrawn: bool = False
    year: int | None = None
    """A year the entry states without a venue (a date column, a trailing ``, 2024.``)."""


@dataclass(slots=True)
class Found:
    """What one family's reader got out of a document."""

    entries: list[Entry] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    first_line: int = 0
    """Line of the first entry (meta info is looked for above it)."""
