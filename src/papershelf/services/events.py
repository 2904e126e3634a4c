"""What the session tells the screens: a ticket per submitted command, and its events.

Plain frozen values (no Textual): the app's bridge wraps each in one message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # names for the fields only: a start makes events before commands load
    from pathlib import Path

    from papershelf.domain.enrichment import Enrichment
    from papershelf.domain.filtering import SearchIndex
    from papershelf.domain.models import Paper, PaperState, Venue
    from papershelf.services.command_base import Command, Outcome
    from papershelf.services.results import ImportReport


@dataclass(frozen=True, slots=True)
class Ticket:
    """A submitted command, numbered in submission order and stamped when it was made."""

    seq: int
    command: Command
    at: str


@dataclass(frozen=True, slots=True)
class Loaded:
    """The catalog and the states after ticket ``applied`` (at start, and after an import)."""

    papers: Sequence[Paper]
    venues: Sequence[Venue]
    states: Mapping[str, PaperState]
    applied: int
    reports: Sequence[ImportReport] = ()
    enrichments: Mapping[str, Enrichment] = field(default_factory=dict)
    new_ids: frozenset[str] = frozenset()
    """What the last import added (``papershelf new``): the app's "New" node."""
    partial: tuple[int, int] | None = None
    """(lists loaded, lists in all) while the start still loads the rest; None: all of it."""


@dataclass(frozen=True, slots=True)
class LoadFailed:
    error: str


@dataclass(frozen=True, slots=True)
class IndexBuilt:
    """The search index of the last load, built on the writer thread after the first frame."""

    index: SearchIndex


@dataclass(frozen=True, slots=True)
class Applied:
    """``ticket`` is written; ``states`` (all of them) when it moved more than it previewed."""

    ticket: Ticket
    outcome: Outcome
    states: Mapping[str, PaperState] | None = None


@dataclass(frozen=True, slots=True)
class Failed:
    """``ticket`` failed; ``retrying`` when it stays queued (the user's change is kept)."""

    ticket: Ticket
    error: str
    retrying: bool
    first: bool
    """True for the first failure of a streak: say it once, not at every retry."""
    kept_in: Path | None = None
    """Where the unwritten changes are kept meanwhile (None: nowhere could take them)."""
    config_mistake: bool = False
    """A mistake in ``config.toml`` (one line each): the user's to fix, not a lookup's luck."""


@dataclass(frozen=True, slots=True)
class Recovered:
    """Every change that had failed is written now."""


@dataclass(frozen=True, slots=True)
class ChangedElsewhere:
    """Another process (or the replay of kept changes) changed the states on disk."""

    states: Mapping[str, PaperState]
    applied: int


@dataclass(frozen=True, slots=True)
class Restored:
    """Changes kept by an earlier run that could not write them are queued again."""

    count: int
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ConflictCopies:
    """Copies another device left beside the library (a sync folder's conflict files)."""

    copies: tuple[Path, ...]


Event = (
    Loaded
    | LoadFailed
    | IndexBuilt
    | Applied
    | Failed
    | Recovered
    | ChangedElsewhere
    | Restored
    | ConflictCopies
)
