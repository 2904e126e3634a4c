"""The "New" node: what the last import added, with a count; a paper leaves once triaged."""

from __future__ import annotations

import asyncio

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.shelf import NEW, NavKey
from tests.conftest import corpus_file

from .conftest import highlighted, make_app, ready, screen_text, settle, wait_for


def _node_text(screen: MainScreen, key: NavKey) -> str:
    return screen.nav.label_of(key) or ""


def test_no_import_no_new_node(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            assert screen.nav.label_of(NEW) is None
            assert screen.shelf.counts.of(NEW) == (0, 0)

    asyncio.run(run())


def test_new_node_counts_the_last_import_and_a_triaged_paper_leaves_it(
    library: Library, paths: Paths
) -> None:
    library.import_lists([corpus_file("B12")])  # OSDI 2024: 26 papers, none in the seeds
    app = make_app(library, paths)

    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            assert screen.shelf.counts.of(NEW) == (0, 26)
            assert "New" in _node_text(screen, NEW) and "26" in _node_text(screen, NEW)
            assert "New" in screen_text(app)
            screen.nav.move_cursor_to(NEW)  # a later redraw of the tree keeps it there
            await wait_for(pilot, lambda: screen.view.scope == NEW)
            await wait_for(pilot, lambda: len(screen.paper_list.papers) == 26)
            assert {p.venue for p in screen.paper_list.papers} == {"OSDI 2024"}
            screen.paper_list.focus()
            await pilot.pause()
            first = highlighted(screen)
            await pilot.press("r")  # triaged: it leaves the New node
            await settle(pilot, screen)
            assert screen.shelf.counts.of(NEW) == (0, 25)
            await wait_for(pilot, lambda: "25" in _node_text(screen, NEW))
            # The row stays under the cursor until the list is drawn again (as in "Unread").
            await pilot.press("1")
            await wait_for(pilot, lambda: len(screen.paper_list.papers) == 25)
            assert first.id not in {p.id for p in screen.paper_list.papers}
            assert screen.view.scope == NEW
            await pilot.press("u")  # undone: unread again, new again
            await settle(pilot, screen)
            await wait_for(pilot, lambda: screen.shelf.counts.of(NEW) == (0, 26))

    asyncio.run(run())
