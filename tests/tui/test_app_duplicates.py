"""The detail pane names a possible duplicate, and ``=`` makes the two one paper (undoable)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from papershelf.paths import Paths
from papershelf.services.library import Library

from .conftest import highlighted, make_app, ready, screen_text, settle, wait_for

NEAR = "# MLSys 2025\n\n- [Photon: Federated LLM Pre-Training with Many Clients](https://e.org/p)\n"


def test_a_possible_duplicate_is_shown_and_equals_merges_it(
    library: Library, paths: Paths, tmp_path: Path
) -> None:
    listed = tmp_path / "near.md"
    listed.write_text(NEAR, encoding="utf-8")
    library.import_lists([listed])
    before = len(library.papers())
    app = make_app(library, paths)

    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash", *"many clients", "enter")
            await wait_for(pilot, lambda: highlighted(screen).title.endswith("Many Clients"))
            near = highlighted(screen)
            await wait_for(pilot, lambda: screen.live.possible(near.id))
            await pilot.pause()
            shown = screen_text(app)
            assert "Possible duplicate:" in shown and "= same paper" in shown, shown[-3000:]
            other = screen.live.possible(near.id)[0]
            await pilot.press("equals_sign")
            await settle(pilot, screen)
            await wait_for(pilot, lambda: near.id not in screen.shelf.by_id)
            assert len(screen.shelf.papers) == before - 1
            assert library.resolve(near.id).id == other.id
            await pilot.press("escape", "escape", "u")
            await settle(pilot, screen)
            await wait_for(pilot, lambda: near.id in screen.shelf.by_id)
            assert len(library.papers()) == before

    asyncio.run(run())
