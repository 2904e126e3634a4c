"""A paper key pressed in the venue tree says where it acts, rather than nothing at all."""

from __future__ import annotations

import asyncio

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import Config, UiOptions
from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.status_line import StatusLine

from .conftest import SIZE, make_app, ready, settle, wait_for


def test_t_s_r_in_the_tree_say_they_act_on_the_list(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            first = screen.paper_list.highlighted
            assert first is not None
            screen.nav.focus()
            await wait_for(pilot, lambda: screen.focused is screen.nav)
            status = screen.query_one(StatusLine)
            for key in ("t", "s", "r"):
                await pilot.press(key)
                said = f"{key} acts in the list: enter goes there"
                await wait_for(pilot, lambda said=said: status.message == said)  # type: ignore[misc]
            await settle(pilot, screen)
            state = screen.shelf.state(first.id)
            assert state.status is Status.UNREAD and not state.starred  # they still rest
            assert screen.focused is screen.nav

    asyncio.run(run())


def test_a_paper_key_the_tree_binds_is_the_trees(library: Library, paths: Paths) -> None:
    config = Config(ui=UiOptions(autosave_seconds=0.2), keys={"tree-down": "j,down,s"})

    async def run() -> None:
        async with make_app(library, paths, config=config).run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            tree = screen.nav
            tree.focus()
            await wait_for(pilot, lambda: screen.focused is tree)
            line = tree.cursor_line
            await pilot.press("s")
            await wait_for(pilot, lambda: tree.cursor_line == line + 1)
            await pilot.pause()
            assert "acts in the list" not in screen.query_one(StatusLine).message

    asyncio.run(run())


def test_a_remapped_paper_key_is_named_as_mapped(library: Library, paths: Paths) -> None:
    config = Config(ui=UiOptions(autosave_seconds=0.2), keys={"mark-read": "R"})

    async def run() -> None:
        async with make_app(library, paths, config=config).run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            screen.nav.focus()
            await wait_for(pilot, lambda: screen.focused is screen.nav)
            status = screen.query_one(StatusLine)
            await pilot.press("R")
            await wait_for(pilot, lambda: "acts in the list" in status.message)
            assert status.message.startswith("R acts")
            await pilot.press("t", "r")  # r is no key of the main screen now
            await wait_for(pilot, lambda: status.message.startswith("t "))
            await pilot.pause()
            assert status.message.startswith("t acts")  # r said nothing after it

    asyncio.run(run())
