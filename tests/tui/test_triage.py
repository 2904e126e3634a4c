"""Triage mode: each key's effect on the library, the counter, undo, failures and the summary.

Pilot tests run under ``asyncio.run``: the suite has no async test plugin.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from textual.app import App
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Static

from papershelf.domain.models import Status
from papershelf.errors import LockTimeoutError
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.screens.triage import TriageScreen
from papershelf.tui.widgets.triage_card import TriageCard

VENUE = "MLSys 2025"


class TriageApp(App[None]):
    """Pushes one TriageScreen and records what it returns and what it says."""

    def __init__(self, screen: TriageScreen) -> None:
        super().__init__()
        self.triage = screen
        self.results: list[object] = []
        self.notes: list[tuple[str, str]] = []

    def on_mount(self) -> None:
        self.push_screen(self.triage, callback=self.results.append)

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        self.notes.append((kwargs.get("severity", "information"), message))
        super().notify(message, *args, **kwargs)


def venue_ids(library: Library, venue: str = VENUE) -> list[str]:
    return [p.id for p in library.papers() if p.venue == venue and not p.withdrawn]


async def settle(pilot: Pilot[Any], screen: TriageScreen) -> None:
    """Wait until every write the keys started has reached the library."""
    deadline = time.monotonic() + 30  # a hang guard, not a speed check
    while screen.busy:
        if time.monotonic() > deadline:
            raise AssertionError("triage writes never settled")
        await pilot.pause(0.01)
    await pilot.pause()


def counter(screen: TriageScreen) -> str:
    return str(screen.query_one("#triage-counter", Static).visual)


def card_title(screen: TriageScreen) -> str:
    return str(screen.query_one(".triage-card--title", Static).visual)


def status_of(library: Library, pid: str) -> Status:
    return library.state(pid).status


async def run(
    library: Library,
    ids: Sequence[str],
    body: Callable[[Pilot[None], TriageScreen, TriageApp], Any],
    scope: str = VENUE,
) -> TriageApp:
    screen = TriageScreen(library, ids, scope)
    app = TriageApp(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, screen)
        await body(pilot, screen, app)
    return app


def test_decision_keys_set_statuses_and_count_down(library: Library) -> None:
    ids = venue_ids(library)
    assert len(ids) == 44

    async def body(pilot: Pilot[None], screen: TriageScreen, app: TriageApp) -> None:
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

    async def body(pilot: Pilot[None], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("s")
        await settle(pilot, screen)
        assert library.state(ids[0]).starred
        assert counter(screen) == f"44 of 44 left in {VENUE}"
        assert screen.query_one(TriageCard).has_class("-starred")
        await pilot.press("space", "n", "right")
        await settle(pilot, screen)
        assert counter(screen) == f"41 of 44 left in {VENUE}"
        assert card_title(screen) == library.paper(ids[3]).title
        assert not screen.query_one(TriageCard).has_class("-starred")

    asyncio.run(run(library, ids, body))
    assert all(status_of(library, pid) is Status.UNREAD for pid in ids[:3])


def test_only_unread_papers_are_queued(library: Library) -> None:
    ids = venue_ids(library)
    library.set_status(ids[:2], Status.READ)

    async def body(pilot: Pilot[None], screen: TriageScreen, app: TriageApp) -> None:
        assert counter(screen) == f"42 of 42 left in {VENUE}"
        assert card_title(screen) == library.paper(ids[2]).title

    asyncio.run(run(library, ids, body))


def test_undo_takes_back_and_returns_to_that_paper(library: Library) -> None:
    ids = venue_ids(library)

    async def body(pilot: Pilot[None], screen: TriageScreen, app: TriageApp) -> None:
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
        await pilot.press("u")
        await settle(pilot, screen)
        assert not library.state(ids[1]).starred
        await pilot.press("u")
        await settle(pilot, screen)
        assert status_of(library, ids[0]) is Status.UNREAD
        assert counter(screen) == f"43 of 43 left in {VENUE}"
        # Nothing of this session is left: u must not reach into older changes.
        await pilot.press("u")
        await settle(pilot, screen)

    library.set_status([ids[10]], Status.READING)  # an older change, not this session's
    asyncio.run(run(library, ids, body))
    assert status_of(library, ids[10]) is Status.READING


def test_summary_counts_then_any_key_closes(library: Library) -> None:
    ids = venue_ids(library)[:5]

    async def body(pilot: Pilot[None], screen: TriageScreen, app: TriageApp) -> None:
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
        await pilot.pause()
        assert app.results == [None]
        assert app.screen is not screen

    asyncio.run(run(library, ids, body))
    assert status_of(library, ids[4]) is Status.READ
    assert status_of(library, ids[3]) is Status.READING


def test_escape_ends_early_on_the_summary(library: Library) -> None:
    ids = venue_ids(library)

    async def body(pilot: Pilot[None], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("r", "escape")
        await settle(pilot, screen)
        counts = str(screen.query_one(".triage-summary--counts", Static).visual)
        assert re.search(r"not reached\s+43$", counts, flags=re.MULTILINE)
        assert re.search(r"^read\s+1$", counts, flags=re.MULTILINE)
        # On the summary the decision keys do nothing but close.
        await pilot.press("t")
        await pilot.pause()
        assert app.results == [None]

    asyncio.run(run(library, ids, body))
    assert status_of(library, ids[1]) is Status.UNREAD


def test_nothing_to_triage_says_so(library: Library) -> None:
    ids = venue_ids(library)[:2]
    library.set_status(ids, Status.READ)

    async def body(pilot: Pilot[None], screen: TriageScreen, app: TriageApp) -> None:
        assert screen.has_class("-summary")
        title = str(screen.query_one(".triage-summary--title", Static).visual)
        assert title == "No unread papers to triage in Starred"

    asyncio.run(run(library, ids, body, scope="Starred"))


def test_titles_show_literally(library: Library) -> None:
    title = "[bold]x[/bold] [@click=app.quit]"
    paper = library.add_paper(title, "Odd 2025", authors=["[red]Ada[/red]"])

    async def body(pilot: Pilot[None], screen: TriageScreen, app: TriageApp) -> None:
        assert card_title(screen) == title
        value = screen.query_one(".triage-card--value.-authors", Static)
        assert str(value.visual) == "[red]Ada[/red]"
        await pilot.press("r")
        await settle(pilot, screen)
        assert app.is_running

    asyncio.run(run(library, [paper.id], body, scope="Odd 2025"))


def test_writes_run_off_the_ui_thread(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []
    original = library.set_status

    def spy(ids: Any, status: Status) -> Any:
        threads.append(threading.current_thread())
        return original(ids, status)

    monkeypatch.setattr(library, "set_status", spy)

    async def body(pilot: Pilot[None], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("r", "r")
        await settle(pilot, screen)

    asyncio.run(run(library, venue_ids(library), body))
    assert len(threads) == 2
    assert all(t is not threading.main_thread() for t in threads)


def test_undo_while_writes_wait_keeps_the_order(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = venue_ids(library)
    library.set_status([ids[10]], Status.READING)  # an older change that must survive
    gate = threading.Event()
    original = library.set_status
    calls: list[str] = []

    def slow(paper_ids: Any, status: Status) -> Any:
        calls.append(next(iter(paper_ids)))
        gate.wait(5)
        return original(paper_ids, status)

    monkeypatch.setattr(library, "set_status", slow)

    async def body(pilot: Pilot[None], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("r", "r")  # the first write is on its way, the second waits
        await pilot.press("u")  # takes back the waiting one: it never reaches the library
        assert counter(screen) == f"42 of 43 left in {VENUE}"
        await pilot.press("u")  # takes back the one on its way: a library undo follows it
        assert counter(screen) == f"43 of 43 left in {VENUE}"
        gate.set()
        await settle(pilot, screen)

    asyncio.run(run(library, ids, body))
    assert calls == [ids[0]]
    assert status_of(library, ids[0]) is Status.UNREAD
    assert status_of(library, ids[1]) is Status.UNREAD
    assert status_of(library, ids[10]) is Status.READING


def test_failed_write_is_retried_then_reported(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(TriageScreen, "RETRY_DELAYS", (0.01, 0.01))  # then give up
    ids = venue_ids(library)
    failures = {"left": 1}
    original = library.set_status

    def flaky(paper_ids: Any, status: Status) -> Any:
        if failures["left"]:
            failures["left"] -= 1
            raise LockTimeoutError("library is locked by another process")
        return original(paper_ids, status)

    monkeypatch.setattr(library, "set_status", flaky)

    async def body(pilot: Pilot[None], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("r")
        await settle(pilot, screen)
        assert status_of(library, ids[0]) is Status.READ  # the retry landed
        assert any(sev == "error" and "locked" in msg for sev, msg in app.notes)
        failures["left"] = 99  # from now on it never works
        await pilot.press("t")
        await settle(pilot, screen)
        assert any(sev == "error" and "not saved" in msg for sev, msg in app.notes)
        await pilot.press("escape")
        counts = str(screen.query_one(".triage-summary--counts", Static).visual)
        assert re.search(r"^to read\s+0$", counts, flags=re.MULTILINE)

    asyncio.run(run(library, ids, body))
    assert status_of(library, ids[1]) is Status.UNREAD


@pytest.mark.parametrize("binding", TriageScreen.BINDINGS)
def test_every_binding_has_an_id_and_description(binding: Binding) -> None:
    assert isinstance(binding, Binding)
    assert binding.id and re.fullmatch(r"triage(-[a-z]+)+", binding.id)
    assert binding.description


def test_triage_snapshot(library: Library, snap_compare: Any) -> None:
    ids = venue_ids(library)

    async def decide(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, TriageApp)
        await settle(pilot, app.triage)
        await pilot.press("r", "s")
        await settle(pilot, app.triage)

    assert snap_compare(
        TriageApp(TriageScreen(library, ids, VENUE)), terminal_size=(120, 40), run_before=decide
    )


def test_T_in_the_app_triages_the_view(library: Library, paths: Paths) -> None:
    from papershelf.tui.screens.main import MainScreen

    from .conftest import make_app, ready
    from .conftest import settle as settle_main

    app = make_app(library, paths)

    async def go() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            main = await ready(pilot)
            first = main.paper_list.papers[0].id
            await pilot.press("T")
            screen = app.screen
            assert isinstance(screen, TriageScreen)
            await settle(pilot, screen)
            await pilot.press("r", "escape", "x")
            await settle(pilot, screen)
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            await settle_main(pilot, main)
            assert main.shelf is not None
            assert main.shelf.state(first).status is Status.READ

    asyncio.run(go())
    assert library.state(library.papers()[0].id).status is Status.READ
