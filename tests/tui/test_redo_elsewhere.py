"""``U`` asks before bringing back a change another window or command made, and undid there.

``u`` named such a change first; ``U`` re-applied one without a word (a star taken back with
``papershelf undo`` came back at a ``U`` meant for this window's own undo).
"""

from __future__ import annotations

import asyncio

import pytest
from textual.pilot import Pilot

from papershelf.domain.models import Paper, Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.main import MainScreen

from .conftest import SIZE, highlighted, make_app, press_then, ready, settle, status_of, wait_for

pytestmark = pytest.mark.usefixtures("seconds_apart")

ASKS = "redo again to bring back a change undone elsewhere: mark read"


async def _named_then_redone(
    pilot: Pilot[int], screen: MainScreen, library: Library, paper: Paper
) -> None:
    """``U`` names the change undone elsewhere and leaves it; the next ``U`` redoes it."""
    await pilot.press("U")
    await wait_for(pilot, lambda: ASKS in status_of(screen))
    assert paper.title in status_of(screen)
    await settle(pilot, screen)
    assert library.state(paper.id).status is Status.UNREAD  # left alone
    await press_then(pilot, screen, lambda: library.state(paper.id).status is Status.READ, "U")
    assert "   redo mark read: " in status_of(screen)


def test_a_change_made_and_undone_elsewhere_is_named_first_and_redone_by_the_next_U(
    app: PapershelfApp, library: Library, paths: Paths
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            other = Library(paths, lock_timeout=2.0)  # like another window, or `papershelf`
            other.set_status([paper.id], Status.READ)
            other.undo()
            await _named_then_redone(pilot, screen, library, paper)

    asyncio.run(run())


def test_own_undo_is_redone_at_once_also_of_a_change_made_elsewhere(
    app: PapershelfApp, library: Library, paths: Paths
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            Library(paths, lock_timeout=2.0).set_status([paper.id], Status.READ)
            # named, then taken back here
            await press_then(
                pilot, screen, lambda: library.state(paper.id).status is Status.UNREAD, "u", "u"
            )
            # this window's own undo, of that change: at once
            await press_then(
                pilot, screen, lambda: library.state(paper.id).status is Status.READ, "U"
            )
            assert "   redo mark read: " in status_of(screen)
            assert "redo again" not in status_of(screen)

    asyncio.run(run())


def test_a_change_from_before_the_app_undone_elsewhere_is_named_first(
    library: Library, paths: Paths
) -> None:
    """Who undid it decides, not when it was made: the app's own undo must stay next in line."""
    earlier = library.papers()[-1].id
    library.set_status([earlier], Status.READ)  # before the app opens

    async def run() -> None:
        app = make_app(library, paths)
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            mine = highlighted(screen).id
            assert mine != earlier
            await pilot.press("t")
            await settle(pilot, screen)
            # the app's own change, undone here
            await press_then(
                pilot, screen, lambda: library.state(mine).status is Status.UNREAD, "u"
            )
            Library(paths, lock_timeout=2.0).undo()  # the earlier change, undone elsewhere
            await pilot.press("U")
            await wait_for(pilot, lambda: ASKS in status_of(screen))
            await settle(pilot, screen)
            assert library.state(earlier).status is Status.UNREAD  # left alone
            await press_then(
                pilot, screen, lambda: library.state(earlier).status is Status.READ, "U"
            )
            # then the app's own undo, at once
            await press_then(
                pilot, screen, lambda: library.state(mine).status is Status.TO_READ, "U"
            )

    asyncio.run(run())


def test_the_apps_own_change_undone_elsewhere_is_named_first(
    app: PapershelfApp, library: Library, paths: Paths
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await press_then(
                pilot, screen, lambda: library.state(paper.id).status is Status.TO_READ, "t"
            )
            Library(paths, lock_timeout=2.0).undo()
            await pilot.press("U")
            await wait_for(pilot, lambda: "redo again to bring back" in status_of(screen))
            await settle(pilot, screen)
            assert library.state(paper.id).status is Status.UNREAD
            await press_then(
                pilot, screen, lambda: library.state(paper.id).status is Status.TO_READ, "U"
            )

    asyncio.run(run())


def test_an_offered_redo_outrun_elsewhere_brings_back_nothing_else(
    app: PapershelfApp, library: Library, paths: Paths
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            first, second = (p.id for p in screen.paper_list.papers[:2])
            other = Library(paths, lock_timeout=2.0)
            other.set_status([first], Status.READ)
            other.undo()
            await pilot.press("U")
            await wait_for(pilot, lambda: ASKS in status_of(screen))
            other.redo()  # the offered one is redone there
            other.set_status([second], Status.READ)
            other.undo()  # and another waits to be redone
            await press_then(pilot, screen, lambda: "nothing redone" in status_of(screen), "U")
            assert library.state(second).status is Status.UNREAD

    asyncio.run(run())


def test_own_undo_redone_and_undone_again_elsewhere_is_named_first(
    app: PapershelfApp, library: Library, paths: Paths
) -> None:
    """The app undid it, another process redid and undid it again: ``U`` redid it unasked.

    The undo that left it in the redo log is the other process's now, so it is named first.
    """

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await press_then(
                pilot, screen, lambda: library.state(paper.id).status is Status.READ, "r"
            )
            await press_then(
                pilot, screen, lambda: library.state(paper.id).status is Status.UNREAD, "u"
            )
            other = Library(paths, lock_timeout=2.0)
            other.redo()
            other.undo()
            await _named_then_redone(pilot, screen, library, paper)

    asyncio.run(run())
