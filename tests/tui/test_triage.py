"""Triage mode: each key's effect on the library, the counter, undo, failures and the summary.

Pilot tests run under ``asyncio.run``: the suite has no async test plugin.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from typing import Any

from textual import on
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from papershelf.domain.models import Status
from papershelf.services.library import Library
from papershelf.services.session import RetryPolicy, Session
from papershelf.tui.screens.triage import TriageScreen
from papershelf.tui.session_bridge import SessionEvent, forward
from papershelf.tui.widgets.triage_card import TriageCard

from .conftest import wait_for

VENUE = "MLSys 2025"
WAIT = 60.0
"""Seconds a test waits for the writer thread before failing (generous: busy machines)."""


class TriageApp(App[int]):
    """Owns a session on the library, pushes one TriageScreen, records what it returns and says."""

    def __init__(
        self,
        library: Library,
        ids: Sequence[str],
        scope: str = VENUE,
        *,
        retry: RetryPolicy | None = None,
    ) -> None:
        super().__init__()
        self.session = Session(
            library,
            lambda event: self.post_message(SessionEvent(event)),
            retry=retry,
            build_index=False,
        )
        papers = [library.paper(pid) for pid in ids]
        self.triage = TriageScreen(self.session.submit, papers, dict(library.states()), scope)
        self.results: list[object] = []
        self.notes: list[tuple[str, str]] = []

    def on_mount(self) -> None:
        self.push_screen(self.triage, callback=self.results.append)
        self.run_worker(self.session.run, name="session", group="session", thread=True)

    def on_unmount(self) -> None:
        self.session.stop()

    @on(SessionEvent)
    def _from_session(self, message: SessionEvent) -> None:
        forward(self, message.event)

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append((kwargs.get("severity", "information"), message))
        super().notify(message, *args, **kwargs)


def venue_ids(library: Library, venue: str = VENUE) -> list[str]:
    return [p.id for p in library.papers() if p.venue == venue and not p.withdrawn]


async def settle(pilot: Pilot[int], screen: TriageScreen) -> None:
    """Wait until every write the keys started has reached the library."""
    await wait_for(pilot, lambda: not screen.busy, timeout=WAIT)
    await pilot.pause()


def counter(screen: TriageScreen) -> str:
    return str(screen.query_one("#triage-counter", Static).visual)


def card_title(screen: TriageScreen) -> str:
    return str(screen.query_one(".triage-card--title", Static).visual)


def last_said(screen: TriageScreen) -> str:
    return str(screen.query_one("#triage-last", Static).visual)


def status_of(library: Library, pid: str) -> Status:
    return library.state(pid).status


def errors(app: TriageApp) -> list[str]:
    return [message for severity, message in app.notes if severity == "error"]


async def run(
    library: Library,
    ids: Sequence[str],
    body: Callable[[Pilot[int], TriageScreen, TriageApp], Any],
    scope: str = VENUE,
    *,
    retry: RetryPolicy | None = None,
) -> TriageApp:
    app = TriageApp(library, ids, scope, retry=retry)
    screen = app.triage
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.screen is screen, timeout=WAIT)
        await settle(pilot, screen)
        await body(pilot, screen, app)
    return app


def test_decision_keys_set_statuses_and_count_down(library: Library) -> None:
    ids = venue_ids(library)
    assert len(ids) == 44

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        assert counter(screen) == f"44 of 44 left in {VENUE}"
        assert card_title(screen) == library.paper(ids[0]).title
        await pilot.press("t", "i", "r")
        await settle(pilot, screen)
        assert counter(screen) == f"41 of 44 left in {VENUE}"
        assert card_title(screen) == library.paper(ids[3]).title

    asyncio.run(run(library, ids, body))
    assert [status_of(library, pid) for pid in ids[:4]] == [
        Status.TO_READ,
        Status.READING,
        Status.READ,
        Status.UNREAD,
    ]


def test_star_stays_and_skip_moves_on(library: Library) -> None:
    ids = venue_ids(library)

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("s")
        await settle(pilot, screen)
        assert library.state(ids[0]).starred
        assert counter(screen) == f"44 of 44 left in {VENUE}"
        assert screen.query_one(TriageCard).has_class("-starred")
        await pilot.press("space", "right", "space")  # n writes a note now, as on the list
        await settle(pilot, screen)
        assert counter(screen) == f"41 of 44 left in {VENUE}"
        assert card_title(screen) == library.paper(ids[3]).title
        assert not screen.query_one(TriageCard).has_class("-starred")

    asyncio.run(run(library, ids, body))
    assert all(status_of(library, pid) is Status.UNREAD for pid in ids[:3])


def test_only_unread_papers_are_queued(library: Library) -> None:
    ids = venue_ids(library)
    library.set_status(ids[:2], Status.READ)

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        assert counter(screen) == f"42 of 42 left in {VENUE}"
        assert card_title(screen) == library.paper(ids[2]).title

    asyncio.run(run(library, ids, body))


def test_undo_takes_back_and_returns_to_that_paper(library: Library) -> None:
    ids = venue_ids(library)

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("r", "s", "t")
        await settle(pilot, screen)
        assert status_of(library, ids[1]) is Status.TO_READ
        assert library.state(ids[1]).starred
        await pilot.press("u")
        await settle(pilot, screen)
        assert status_of(library, ids[1]) is Status.UNREAD
        assert library.state(ids[1]).starred
        assert card_title(screen) == library.paper(ids[1]).title
        assert counter(screen) == f"42 of 43 left in {VENUE}"
        assert last_said(screen).startswith("Undone mark to read: ")  # it named no change
        await pilot.press("u")
        await settle(pilot, screen)
        assert not library.state(ids[1]).starred
        assert last_said(screen).startswith("Undone star: ")
        await pilot.press("u")
        await settle(pilot, screen)
        assert status_of(library, ids[0]) is Status.UNREAD
        assert last_said(screen) == f"Undone mark read: {library.paper(ids[0]).title}"
        assert counter(screen) == f"43 of 43 left in {VENUE}"
        # Nothing of this session is left: u must not reach into older changes.
        await pilot.press("u")
        await settle(pilot, screen)

    library.set_status([ids[10]], Status.READING)  # an older change, not this session's
    asyncio.run(run(library, ids, body))
    assert status_of(library, ids[10]) is Status.READING


def test_summary_counts_then_any_key_closes(library: Library) -> None:
    ids = venue_ids(library)[:5]

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("r", "t", "s", "space", "i")
        await settle(pilot, screen)
        assert counter(screen) == f"1 of 5 left in {VENUE}"
        await pilot.press("r")
        await settle(pilot, screen)
        assert screen.has_class("-summary")
        counts = str(screen.query_one(".triage-summary--counts", Static).visual)
        found = dict(re.findall(r"^(\w[\w ]*?)\s+(\d+)$", counts, flags=re.MULTILINE))
        assert found == {
            "to read": "1",
            "reading": "1",
            "read": "2",
            "starred": "1",
            "skipped": "1",
            "not reached": "0",
        }
        assert app.results == []
        await pilot.press("x")  # any key, even one that means nothing here
        await wait_for(pilot, lambda: app.results, timeout=WAIT)
        assert app.results == [()]  # everything is written: no change left to hand over
        assert app.screen is not screen

    asyncio.run(run(library, ids, body))
    assert status_of(library, ids[4]) is Status.READ
    assert status_of(library, ids[3]) is Status.READING
