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
    undid: set[int] = field(default_factory=set)
    """Undone here and not redone since: ``U`` redoes these at once, and only these."""
    opened: str = field(default_factory=now_iso)
    """An undo asks before a change made elsewhere at or after this."""

    def record(self, outcome: Outcome, *, undo: bool, redo: bool) -> None:
        """Remember what a command of this session did to the log."""
        seq = outcome.change.seq if outcome.change is not None else None
        if seq is not None and undo:
            self.undid.add(seq)  # not "made": one redone elsewhere since is asked about
            return
        if seq is not None and redo:
            self.undid.discard(seq)
        seqs = [seq] + [r.seq for r in outcome.merged]
        self.made.update(seq for seq in seqs if seq is not None)
