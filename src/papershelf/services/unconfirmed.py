"""Changes a screen already shows but the session has not written yet, laid over disk states.

A screen shows a change the moment a key is pressed; states read back from disk before the
change is written must not make it flicker back. The screen keeps its tickets here, in the
order its events arrive, and lays them over every snapshot.
"""

from __future__ import annotations

from collections.abc import Mapping

from papershelf.domain.models import DEFAULT_STATE, PaperState
from papershelf.services.session import Ticket


class Unconfirmed:
    """The screen's tickets not yet applied, and the failure streak they are in."""

    def __init__(self) -> None:
        self.tickets: dict[int, Ticket] = {}
        self.error: str | None = None

    def __len__(self) -> int:
        return len(self.tickets)

    def add(self, ticket: Ticket) -> None:
        self.tickets[ticket.seq] = ticket

    def done(self, ticket: Ticket) -> bool:
        """Forget ``ticket``; True when that ended a failure streak (say it is saved now)."""
        self.tickets.pop(ticket.seq, None)
        if self.error is not None and not any(t.command.retried for t in self.tickets.values()):
            self.error = None
            return True
        return False

    def failed(self, error: str) -> None:
        self.error = error

    def overlay(self, states: Mapping[str, PaperState], applied: int) -> dict[str, PaperState]:
        """``states`` with every ticket after ``applied`` laid on top, in order."""
        merged = dict(states)
        for seq in sorted(self.tickets):
            if seq > applied:
                ticket = self.tickets[seq]
                for paper_id in ticket.command.paper_ids:
                    old = merged.get(paper_id, DEFAULT_STATE)
                    merged[paper_id] = ticket.command.preview(old, ticket.at)
        return merged
