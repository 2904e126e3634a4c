"""A catalog that changes under the app (an import elsewhere) keeps the tree as it was."""

from __future__ import annotations

import asyncio
from pathlib import Path

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.shelf import NavKey

from .conftest import HOSTILE_LIST, SIZE, ready, wait_for


def test_an_import_elsewhere_keeps_open_nodes_and_the_cursor(
    app: PapershelfApp, paths: Paths, tmp_path: Path
) -> None:
    source = tmp_path / "hostile.md"
    source.write_text(HOSTILE_LIST, encoding="utf-8")

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            app.session.poll_seconds = 0.05
            nav = screen.nav
            await wait_for(pilot, lambda: NavKey("venue", "MLSys 2025") in nav._by_key)
            venues = [NavKey("venue", "ASPLOS 2025"), NavKey("venue", "MLSys 2025")]
            nav.expand_keys(venues)
            await pilot.pause()
            topic = next(
                key for key in nav._by_key if key.kind == "topic" and key.value == "MLSys 2025"
            )
            nav.focus()
            nav.move_cursor_to(topic)
            await pilot.pause()
            opened = set(nav.expanded_keys())
            assert set(venues) <= opened
            Library(paths, lock_timeout=2.0).import_lists([source])  # `papershelf import`
            await wait_for(pilot, lambda: NavKey("venue", "Hostile Conf 2025") in nav._by_key)
            await pilot.pause()
            assert set(nav.expanded_keys()) == opened
            assert nav.cursor_node is not None and nav.cursor_node.data == topic
            assert screen.view.scope == topic

    asyncio.run(run())
