"""A note being written survives the terminal narrowing: nothing typed is lost or misread."""

from __future__ import annotations

import asyncio

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp

from .conftest import ready, settle, wait_for


def test_narrowing_while_writing_keeps_the_editor_and_every_letter(
    app: PapershelfApp, library: Library, paths: Paths
) -> None:
    """At 80 columns the details asked for with ``n`` stay (the tree gives way)."""

    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("n", *"before")
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert screen.detail.editing and app.focused is screen.detail.editor
            assert not screen.nav.display
            await pilot.press(*" after s")  # "s" would star the paper in the list
            await pilot.press("escape")
            await settle(pilot, screen)

    asyncio.run(run())
    state = Library(paths).state(library.papers()[0].id)
    assert (state.note, state.starred) == ("before after s", False)


def test_a_note_closed_from_a_panes_own_handler_is_still_saved(
    app: PapershelfApp, paths: Paths
) -> None:
    """The save reaches the screen whoever closes the editor (here: the panes, on a resize)."""

    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("n", *"kept")
            screen.panes.call_later(screen.detail.stop_editing)  # run as the panes' handler
            await wait_for(pilot, lambda: not screen.detail.editing)
            await settle(pilot, screen)

    asyncio.run(run())
    assert "kept" in [s.note for s in Library(paths).states().values()]
