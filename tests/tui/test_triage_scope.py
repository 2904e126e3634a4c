"""What triage calls the view it triages: the node, and the search or status keys narrowing it."""

from __future__ import annotations

import asyncio

from textual.widgets import Static

from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.triage import TriageScreen
from papershelf.tui.shelf import NavKey
from papershelf.tui.widgets.status_line import StatusLine

from .conftest import SIZE, ready, type_text, wait_for


def test_triage_names_the_search_it_triages(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash")
            await type_text(pilot, "zzzqqq")
            await pilot.press("enter", "T")
            said = screen.query_one(StatusLine).message
            # Not "nothing unread in All papers": 76 of them are.
            assert said == "nothing unread in All papers matching “zzzqqq”"
            await pilot.press("escape", "slash")
            await type_text(pilot, "serving")
            await pilot.press("enter", "T")
            await wait_for(pilot, lambda: isinstance(app.screen, TriageScreen))
            counter = app.screen.query_one("#triage-counter", Static)
            assert str(counter.render()).endswith("left in All papers matching “serving”")

    asyncio.run(run())


def test_triage_names_the_status_keys_within_a_venue(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            venue = screen.paper_list.papers[0].venue
            screen.shelf_view.narrow_to(NavKey("venue", venue))
            await pilot.pause()
            await pilot.press("4", "T")
            said = screen.query_one(StatusLine).message
            assert said == f"nothing unread in {venue} (read)"

    asyncio.run(run())
