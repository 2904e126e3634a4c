"""What one triage decided, step by step: the summary's counts and what ``u`` takes back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from papershelf.domain.models import DEFAULT_STATE, PaperState, Status
from papershelf.services.session import Ticket

STATUS_WORDS = {Status.TO_READ: "to read", Status.READING: "reading", Status.READ: "read"}

NOT_UNDONE = "Not undone in the library: another change came after it."
KEPT_BOTH = "Note saved: changed elsewhere meanwhile, both versions kept, yours first"
"""A note written here while another window or command rewrote it: nothing lost, but the
note is not what was typed (the main screen says the same)."""


@dataclass(slots=True)
class Step:
    """One decision of this triage, kept so ``u`` can take it back (a skip has no ticket)."""

    paper_id: str
    position: int
    before: PaperState
    after: PaperState
    ticket: Ticket | None


def undone(step: Step) -> str:
    """What ``u`` took back, as the line names it (``Undone star``, ``Undone mark read``)."""
    before, after = step.before, step.after
    if before.status != after.status:
        return f"Undone mark {STATUS_WORDS.get(after.status, after.status.value)}"
    if before.starred != after.starred:
        return "Undone star" if after.starred else "Undone unstar"
    if before.note != after.note:
        return "Undone note"
    return "Undone"


@dataclass(slots=True)
class TriageSession:
    """What this session decided; undo takes entries back out."""

    queue: list[str] = field(default_factory=list)
    position: int = 0
    decided: dict[str, Status] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)
    starred_before: set[str] = field(default_factory=set)

    def summary(self, states: Mapping[str, PaperState]) -> dict[str, int]:
        counts = dict.fromkeys(STATUS_WORDS.values(), 0)
        for status in self.decided.values():
            counts[STATUS_WORDS[status]] += 1
        starred = sum(
            1
            for pid in self.queue
            if pid not in self.starred_before and states.get(pid, DEFAULT_STATE).starred
        )
        return {
            **counts,
            "starred": starred,
            "skipped": len(self.skipped - self.decided.keys()),
            "not reached": max(0, len(self.queue) - self.position),
        }
