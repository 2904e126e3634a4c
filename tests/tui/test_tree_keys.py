"""``g``/``G`` (home/end) jump to the tree's first and last node, as in the paper list."""

from __future__ import annotations

import asyncio

from papershelf.tui.app import PapershelfApp
from papershelf.tui.shelf import ALL

from .conftest import SIZE, ready, wait_for


def test_g_and_shift_g_jump_through_the_tree(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            tree = screen.nav
            await wait_for(pilot, lambda: tree.last_line > 3)
            tree.focus()
            await pilot.press("G")
            assert tree.cursor_line == tree.last_line
            assert tree.cursor_node is not None and tree.cursor_node.data != ALL
            await pilot.press("g")
            assert tree.cursor_node is not None and tree.cursor_node.data == ALL
            await pilot.press("end")
            assert tree.cursor_line == tree.last_line
            await pilot.press("home")
            assert tree.cursor_line == 0

    asyncio.run(run())
