"""What one session did to the undo log: which changes it made, and which it undid itself.

The log is the library's, shared by every window and command; the app's ``u`` and ``U`` act
at once only on what this session did and name anything else first (``undo_here``,
``redo_here``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from papershelf.domain.clock import now_iso
from papershelf.services.command_base import Outcome


@dataclass(slots=True)
class OwnChanges:
    """The change records this session made or redid, those it undid, and when it opened."""

    made: set[int] = field(default_factory=set)
    undid: dict[int, str | None] = field(default_factory=dict)
    """Undone here and not redone since, with the mark each undo left on its record: ``U``
    redoes these at once, and only while the mark is still this window's (a redo and an undo
    elsewhere since leave another)."""
    opened: str = field(default_factory=now_iso)
    """An undo asks before a change made elsewhere at or after this."""

    def record(self, outcome: Outcome, *, undo: bool, redo: bool) -> None:
        """Remember what a command of this session did to the log."""
        seq = outcome.change.seq if outcome.change is not None else None
        if seq is not None and undo:
            # not "made": one redone elsewhere since is asked about
            self.undid[seq] = outcome.change.undone_by if outcome.change is not None else None
            return
        if seq is not None and redo:
            self.undid.pop(seq, None)
        seqs = [seq] + [r.seq for r in outcome.merged]
        self.made.update(seq for seq in seqs if seq is not None)
