"""A paper action chosen in the palette acts on the list's paper, even from the tree."""

from __future__ import annotations

import asyncio

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp

from .conftest import SIZE, highlighted, ready, settle, wait_for


def test_mark_read_from_the_palette_with_the_tree_focused(app: PapershelfApp, paths: Paths) -> None:
    chosen: list[str] = []

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            chosen.append(highlighted(screen).id)
            await pilot.press("shift+tab")  # the tree: its own keys rest the paper keys
            await wait_for(pilot, lambda: screen.nav.has_focus)
            await pilot.press("r")
            await settle(pilot, screen)
            assert Library(paths).state(chosen[0]).status is Status.UNREAD
            await pilot.press("ctrl+p", *"mark read")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await wait_for(pilot, lambda: Library(paths).state(chosen[0]).status is Status.READ)
            assert screen.paper_list.has_focus  # where the paper it acted on is

    asyncio.run(run())
