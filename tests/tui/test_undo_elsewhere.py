"""``u`` asks before taking back a change another window or command made meanwhile.

The undo log is the library's; ``u`` took back a note typed in another window without a
word. A change made elsewhere while the app was open is now named first, and the next ``u``
takes it back; the app's own changes, and those from before it opened, are undone at once.
"""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime

import pytest

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from tests.conftest import set_clock

from .conftest import SIZE, highlighted, press_then, ready, settle, status_of, wait_for

pytestmark = pytest.mark.usefixtures("seconds_apart")

ASKS = "undo again to take back a change made elsewhere: mark read"


def test_a_change_made_elsewhere_is_named_first_and_undone_by_the_next_u(
    app: PapershelfApp, library: Library, paths: Paths
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            other = Library(paths, lock_timeout=2.0)  # like another window, or `papershelf`
            other.set_status([paper.id], Status.READ)
            await pilot.press("u")
            await wait_for(pilot, lambda: ASKS in status_of(screen))
            assert paper.title in status_of(screen)
            assert library.state(paper.id).status is Status.READ  # left alone
            await press_then(
                pilot, screen, lambda: library.state(paper.id).status is Status.UNREAD, "u"
            )
            assert "   undo mark read: " in status_of(screen)

    asyncio.run(run())


def test_own_changes_and_older_ones_are_undone_at_once_and_the_offer_lasts_one_key(
    library: Library, paths: Paths
) -> None:
    from .conftest import make_app

    first = library.catalog.papers[-1].id
    library.set_status([first], Status.READING)  # before the app opened: no question

    async def run() -> None:
        app = make_app(library, paths)
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            mine = highlighted(screen)
            elsewhere = next(p.id for p in screen.paper_list.papers if p.id not in (first, mine.id))
            Library(paths, lock_timeout=2.0).set_status([elsewhere], Status.READ)
            await pilot.press("t")  # this window's own change, newer than the other
            await settle(pilot, screen)
            await pilot.press("u")  # taken back at once
            await settle(pilot, screen)
            assert library.state(mine.id).status is Status.UNREAD
            await pilot.press("u")  # the other's: named, left alone
            await wait_for(pilot, lambda: ASKS in status_of(screen))
            await pilot.press("s")  # another key: the offer is gone
            await settle(pilot, screen)
            await pilot.press("u")  # the star, at once
            await settle(pilot, screen)
            await pilot.press("u")  # asks again
            await wait_for(pilot, lambda: ASKS in status_of(screen))
            assert library.state(elsewhere).status is Status.READ
            assert not library.state(mine.id).starred
            await press_then(
                pilot, screen, lambda: library.state(elsewhere).status is Status.UNREAD, "u"
            )
            # from before the app opened: at once
            await press_then(
                pilot, screen, lambda: library.state(first).status is Status.UNREAD, "u"
            )

    asyncio.run(run())


def test_an_offered_change_undone_elsewhere_takes_no_other_in_its_place(
    app: PapershelfApp, library: Library, paths: Paths
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            mine = highlighted(screen)
            await pilot.press("s")  # this window's own star
            await settle(pilot, screen)
            other = Library(paths, lock_timeout=2.0)
            elsewhere = next(p.id for p in screen.paper_list.papers if p.id != mine.id)
            other.set_status([elsewhere], Status.READ)
            await pilot.press("u")
            await wait_for(pilot, lambda: ASKS in status_of(screen))
            assert other.undo() is not None  # `papershelf undo` takes it back meanwhile
            await pilot.press("u")  # offered a change that is gone: nothing else instead
            await wait_for(pilot, lambda: "nothing undone: the change offered" in status_of(screen))
            await settle(pilot, screen)
            assert library.state(mine.id).starred
            # a fresh undo: the star, this window's own
            await press_then(pilot, screen, lambda: not library.state(mine.id).starred, "u")

    asyncio.run(run())


def test_a_change_made_in_the_second_the_app_opened_is_asked_about(
    library: Library, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log's times are to the second: one in the app's own second may be another's."""
    from papershelf.services import session as session_module

    from .conftest import make_app

    monkeypatch.setattr(session_module, "now_iso", lambda: "2026-01-01T10:00:00Z")
    set_clock(monkeypatch, itertools.repeat(datetime(2026, 1, 1, 10, 0, 0, tzinfo=UTC)))

    async def run() -> None:
        app = make_app(library, paths)
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            Library(paths, lock_timeout=2.0).set_status([paper.id], Status.READ)
            await pilot.press("u")
            await wait_for(pilot, lambda: ASKS in status_of(screen))
            assert library.state(paper.id).status is Status.READ

    asyncio.run(run())


def test_own_changes_older_than_the_tickets_kept_are_still_own(
    app: PapershelfApp, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from papershelf.services.session import Session

    monkeypatch.setattr(Session, "RECORDS_KEPT", 2)  # an app left open for days

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            marked = [p.id for p in screen.paper_list.papers[:4]]
            for _ in marked:
                await pilot.press("t")  # the cursor moves on after each
                await settle(pilot, screen)
            for _ in marked:
                await pilot.press("u")
                await settle(pilot, screen)
                assert ASKS not in status_of(screen)
            assert all(library.state(pid).status is Status.UNREAD for pid in marked)

    asyncio.run(run())
