"""The screens the main screen opens over itself, built from what it shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from papershelf.domain.models import Paper, Status
from papershelf.services.commands import Command
from papershelf.services.session import Ticket
from papershelf.tui.live_shelf import LiveShelf
from papershelf.tui.screens.progress import ProgressScreen, Target
from papershelf.tui.screens.triage import TriageScreen
from papershelf.tui.shelf import NavKey


def triage_screen(
    live: LiveShelf, shown: Sequence[Paper], scope: str, submit: Callable[[Command], Ticket]
) -> TriageScreen | None:
    """Triage of the unread papers shown, or None when there is none to triage."""
    shelf = live.shelf
    papers = [p for p in shown if shelf.state(p.id).status is Status.UNREAD]
    if not any(not p.withdrawn for p in papers):
        return None
    states = {p.id: shelf.state(p.id) for p in papers}
    screen = TriageScreen(submit, papers, states, scope)
    screen.abstracts = live.abstracts()
    return screen


def progress_screen(
    live: LiveShelf, narrow: Callable[[NavKey], None], then: Callable[[], object]
) -> tuple[ProgressScreen, Callable[[Target | None], None]]:
    """The progress screen, and its answer: the venue or topic chosen narrows the list.

    ``then`` runs after a choice (the main screen focuses its list).
    """

    def back(target: Target | None) -> None:
        if target is not None:
            venue, topic = target
            narrow(NavKey("topic", venue, topic) if topic else NavKey("venue", venue))
            then()

    return ProgressScreen(live.shelf.papers, dict(live.shelf.states)), back
