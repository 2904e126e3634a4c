"""Triage mode's edges: early exits, literal titles, writes off the UI thread and failures."""

from __future__ import annotations

import asyncio
import re
import threading
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Static

from papershelf.domain.models import Status
from papershelf.errors import WriteError
from papershelf.paths import Paths
from papershelf.services.commands import SetStar
from papershelf.services.library import Library
from papershelf.services.session import RetryPolicy
from papershelf.tui.screens.triage import TriageScreen

from .conftest import wait_for
from .test_triage import (
    VENUE,
    WAIT,
    TriageApp,
    card_title,
    counter,
    errors,
    run,
    settle,
    status_of,
    venue_ids,
)


def test_escape_ends_early_on_the_summary(library: Library) -> None:
    ids = venue_ids(library)

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("r", "escape")
        await settle(pilot, screen)
        counts = str(screen.query_one(".triage-summary--counts", Static).visual)
        assert re.search(r"not reached\s+43$", counts, flags=re.MULTILINE)
        assert re.search(r"^read\s+1$", counts, flags=re.MULTILINE)
        # On the summary the decision keys do nothing but close.
        await pilot.press("t")
        await wait_for(pilot, lambda: app.results, timeout=WAIT)
        assert app.results == [()]

    asyncio.run(run(library, ids, body))
    assert status_of(library, ids[1]) is Status.UNREAD


def test_nothing_to_triage_says_so(library: Library) -> None:
    ids = venue_ids(library)[:2]
    library.set_status(ids, Status.READ)

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        assert screen.has_class("-summary")
        title = str(screen.query_one(".triage-summary--title", Static).visual)
        assert title == "No unread papers to triage in Starred"

    asyncio.run(run(library, ids, body, scope="Starred"))


def test_titles_show_literally(library: Library) -> None:
    title = "[bold]x[/bold] [@click=app.quit]"
    paper = library.add_paper(title, "Odd 2025", authors=["[red]Ada[/red]"])

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
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

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
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
        gate.wait(WAIT)
        return original(paper_ids, status)

    monkeypatch.setattr(library, "set_status", slow)

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("r", "r")  # the first write is on its way, the second waits
        await pilot.press("u")  # takes back the waiting one: its undo runs after it
        assert counter(screen) == f"42 of 43 left in {VENUE}"
        await pilot.press("u")  # takes back the one on its way: its undo runs after it
        assert counter(screen) == f"43 of 43 left in {VENUE}"
        assert screen.busy
        gate.set()
        await settle(pilot, screen)
        assert counter(screen) == f"43 of 43 left in {VENUE}"
        assert card_title(screen) == library.paper(ids[0]).title

    asyncio.run(run(library, ids, body))
    assert calls == [ids[0], ids[1]]  # in key order, each taken back by its own undo
    assert status_of(library, ids[0]) is Status.UNREAD
    assert status_of(library, ids[1]) is Status.UNREAD
    assert status_of(library, ids[10]) is Status.READING


def test_undo_never_takes_back_a_later_change_of_someone_else(library: Library) -> None:
    ids = venue_ids(library)

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("r")
        await settle(pilot, screen)
        app.session.submit(SetStar((ids[20],), True))  # another screen's change, after it
        await wait_for(pilot, lambda: app.session.idle, timeout=WAIT)
        await pilot.press("u")
        await settle(pilot, screen)
        # The library's newest change is not triage's: it stays, and so does the decision.
        assert library.state(ids[20]).starred
        assert status_of(library, ids[0]) is Status.READ
        assert any("Not undone" in message for severity, message in app.notes)
        assert counter(screen) == f"43 of 44 left in {VENUE}"
        assert card_title(screen) == library.paper(ids[1]).title

    asyncio.run(run(library, ids, body))
    assert library.state(ids[20]).starred
    assert status_of(library, ids[0]) is Status.READ


def test_failing_write_is_reported_once_retried_and_lands_when_the_disk_is_back(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = venue_ids(library)
    disk_back = threading.Event()
    attempts: list[str] = []
    written: list[str] = []
    original = library.set_status

    def flaky(paper_ids: Any, status: Status) -> Any:
        attempts.append(next(iter(paper_ids)))
        if not disk_back.is_set():
            raise WriteError("cannot write library.json: [Errno 28] No space left on device")
        change = original(paper_ids, status)
        written.append(next(iter(paper_ids)))
        return change

    monkeypatch.setattr(library, "set_status", flaky)

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        await pilot.press("r")
        await wait_for(pilot, lambda: len(attempts) >= 3, timeout=WAIT)  # retried
        await pilot.press("t")  # a second decision queues behind the failing one
        await wait_for(pilot, lambda: attempts.count(ids[0]) >= 6, timeout=WAIT)
        await wait_for(pilot, lambda: errors(app), timeout=WAIT)
        await pilot.pause()
        # Said once for the whole streak, not at every retry.
        assert errors(app) == [
            "Could not save (cannot write library.json: [Errno 28] No space left on device);"
            " retrying."
        ]
        assert screen.busy
        assert [t.command.paper_ids for t in app.session.unwritten()] == [(ids[0],), (ids[1],)]
        assert written == []
        assert counter(screen) == f"42 of 44 left in {VENUE}"
        assert status_of(library, ids[0]) is Status.UNREAD
        # Closing hands the unwritten decisions over instead of dropping them.
        await pilot.press("escape", "x")
        await wait_for(pilot, lambda: app.results, timeout=WAIT)
        (handed,) = app.results
        assert isinstance(handed, tuple)
        assert [t.command.paper_ids for t in handed] == [(ids[0],), (ids[1],)]
        disk_back.set()
        await wait_for(pilot, lambda: app.session.idle, timeout=WAIT)
        await pilot.pause()
        assert written == [ids[0], ids[1]]  # each lands once, in key order
        assert len(errors(app)) == 1

    asyncio.run(run(library, ids, body, retry=RetryPolicy((0.05,))))
    assert status_of(library, ids[0]) is Status.READ
    assert status_of(library, ids[1]) is Status.TO_READ
    assert all(status_of(library, pid) is Status.UNREAD for pid in ids[2:])


@pytest.mark.parametrize("binding", TriageScreen.BINDINGS)
def test_every_binding_has_an_id_and_description(binding: Binding) -> None:
    assert isinstance(binding, Binding)
    assert binding.id and re.fullmatch(r"triage(-[a-z]+)+", binding.id)
    assert binding.description


def test_triage_snapshot(library: Library, snap_compare: Any) -> None:
    ids = venue_ids(library)

    async def decide(pilot: Pilot[int]) -> None:
        app = pilot.app
        assert isinstance(app, TriageApp)
        await wait_for(pilot, lambda: app.screen is app.triage, timeout=WAIT)
        await settle(pilot, app.triage)
        await pilot.press("r", "s")
        await settle(pilot, app.triage)

    assert snap_compare(TriageApp(library, ids, VENUE), terminal_size=(120, 40), run_before=decide)


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
            await pilot.press("r", "escape", "enter")
            # Closing does not wait for the write: the main screen takes over what is left.
            await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), timeout=WAIT)
            await settle_main(pilot, main)
            assert main.shelf is not None
            assert main.shelf.state(first).status is Status.READ

    asyncio.run(go())
    assert library.state(library.papers()[0].id).status is Status.READ


def test_the_label_column_fits_the_labels_shown(library: Library) -> None:
    """A paper without affiliations has no room kept for that label (the column was 14
    cells, 'Affiliations' and more, for every paper); one with them gets it."""
    plain = next(p.id for p in library.papers() if p.venue and not p.affiliations)
    rich = next(p.id for p in library.papers() if p.venue and p.affiliations)
    assert library.paper(plain).authors  # its widest label
    gaps: list[int] = []

    async def body(pilot: Pilot[int], screen: TriageScreen, app: TriageApp) -> None:
        for _ in range(2):
            label = screen.query_one(".triage-card--label.-venue")
            value = screen.query_one(".triage-card--value.-venue")
            gaps.append(value.region.x - label.region.x)
            await pilot.press("space")
            await pilot.pause()

    asyncio.run(run(library, [plain, rich], body))
    assert gaps == [len("Authors") + 2, len("Affiliations") + 2]
