"""A late redraw of the tree keeps the cursor where the user put it.

The start draws the tree after the list (counted on a thread) and redraws it as lists load;
each redraw placed the cursor on the scope the screen knew when it began. A key that had
moved the cursor, its highlight not yet handled, was undone: the cursor went back to All
papers (seen once as a test's move to "New" taken back right after the start).
"""

from __future__ import annotations

import asyncio

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.shelf import ALL, NEW
from tests.conftest import corpus_file

from .conftest import make_app, ready, settle


def test_a_move_not_yet_handled_survives_a_redraw_of_the_tree(
    library: Library, paths: Paths
) -> None:
    library.import_lists([corpus_file("B12")])  # a New node, under All papers
    app = make_app(library, paths)

    async def run() -> tuple[object, object]:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            screen.nav.focus()
            await pilot.pause()
            assert screen.nav.cursor_node is not None and screen.nav.cursor_node.data == ALL
            screen.nav.action_cursor_down()  # the user's j; its highlight is still queued
            screen.start.whole_tree(screen, lambda: None)  # the start's redraw comes first
            await settle(pilot, screen)
            await pilot.pause()
            node = screen.nav.cursor_node
            return (node.data if node is not None else None), screen.view.scope

    assert asyncio.run(run()) == (NEW, NEW)
