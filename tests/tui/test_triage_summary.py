"""The end of a triage: honest words when it stopped early, and no key lost closing it."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Footer, Static

from papershelf.domain.models import Status
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.screens.progress import ProgressScreen
from papershelf.tui.screens.triage import TriageScreen

from .conftest import SIZE, highlighted, ready, wait_for


def _title(screen: TriageScreen) -> str:
    return str(screen.query_one(".triage-summary--title", Static).visual)


def test_leaving_at_once_says_stopped_and_how_many_seen(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("T")
            triage = app.screen
            assert isinstance(triage, TriageScreen)
            total = len(triage._session.queue)
            await pilot.press("space", "r", "escape")
            await wait_for(pilot, lambda: triage.has_class("-summary"))
            assert _title(triage) == f"Triage of All papers stopped: 2 of {total} seen"
            assert "done" not in _title(triage)
            hint = str(triage.query_one(".triage-summary--hint", Static).visual)
            assert "Any other key goes back and acts there" in hint
            assert not triage.query_one(Footer).display  # no 'q Quit' that only closes

    asyncio.run(run())


@pytest.mark.parametrize(
    ("key", "then"), [("p", ProgressScreen), ("q", MainScreen), ("r", MainScreen)]
)
def test_a_main_screen_key_closes_the_summary_and_acts(
    app: PapershelfApp, key: str, then: type
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("T", "escape")
            triage = app.screen
            assert isinstance(triage, TriageScreen)
            await wait_for(pilot, lambda: triage.has_class("-summary"))
            await pilot.press(key)
            await wait_for(pilot, lambda: isinstance(app.screen, then))
            await pilot.pause(0.2)
            assert isinstance(app.screen, then)  # q, triage's own end key, only closes
            assert app.is_running
            main = app.screen_stack[1]
            assert isinstance(main, MainScreen)
            assert main.shelf.state(highlighted(main).id).status is Status.UNREAD  # r only closed

    asyncio.run(run())
