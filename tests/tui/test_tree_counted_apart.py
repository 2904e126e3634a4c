"""The tree counted on a thread: a node the user goes to meanwhile keeps the cursor.

The whole catalog's tree is counted on a worker thread and drawn when the counts come back.
Drawn, it put the cursor back on the node of the view it was asked for, so a node the user
went to in between was lost (a test that moved to ``New`` right after the start waited 30 s
for its list, once, on a busy machine).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import pytest

from papershelf.tui.app import PapershelfApp
from papershelf.tui.nav_model import ALL, STARRED, NavKey
from papershelf.tui.shelf import Counts, Outline, Shelf

from .conftest import SIZE, ready, wait_for


def _held(shelf: Shelf, gate: threading.Event, monkeypatch: pytest.MonkeyPatch) -> None:
    """``shelf`` counted apart only once ``gate`` is set."""
    count = shelf.count_apart()

    def held() -> tuple[Outline, Counts]:
        gate.wait(30)
        return count()

    def count_apart() -> Callable[[], tuple[Outline, Counts]]:
        return held

    monkeypatch.setattr(shelf, "count_apart", count_apart)


@pytest.mark.parametrize("moved", [True, False])
def test_a_node_gone_to_while_the_tree_is_counted_keeps_the_cursor(
    app: PapershelfApp, monkeypatch: pytest.MonkeyPatch, moved: bool
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            nav = screen.nav
            shelf = Shelf(screen.shelf.papers, screen.shelf.states)
            gate = threading.Event()
            _held(shelf, gate, monkeypatch)
            venue = NavKey("venue", screen.shelf.papers[0].venue)
            nav.move_cursor_to(ALL)
            await pilot.pause()
            nav.show_counted(shelf, STARRED, lambda s: True)  # asked for: Starred
            if moved:
                nav.move_cursor_to(venue)
                await wait_for(pilot, lambda: nav.cursor_node is not None)
                await pilot.pause()
                assert nav.cursor_node is not None and nav.cursor_node.data == venue
            gate.set()
            await wait_for(pilot, lambda: shelf.counted)
            await pilot.pause()
            assert nav.cursor_node is not None
            assert nav.cursor_node.data == (venue if moved else STARRED)

    asyncio.run(run())
