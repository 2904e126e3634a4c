"""Tags of your own in the app: # adds and removes, the tree counts them, search finds them."""

from __future__ import annotations

import asyncio

from textual.widgets import Input

from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.dialogs import TagDialog
from papershelf.tui.shelf import NavKey

from .conftest import SIZE, highlighted, ready, row_text, settle, wait_for


def test_hash_tags_a_paper_the_tree_counts_it_and_undo_takes_it_back(
    app: PapershelfApp, library: Library
) -> None:
    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen)
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            await pilot.press(*"For Survey, [b]x[/b]", "enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await settle(pilot, screen)
            assert library.state(paper.id).tags == ("For Survey", "[b]x[/b]")
            assert "#For Survey" in row_text(screen, 0)  # in the row, as typed
            assert screen.nav.tag_names == ("[b]x[/b]", "For Survey")
            assert screen.shelf.counts.of(NavKey("tag", "For Survey")) == (0, 1)
            await pilot.press("slash", *"survey", "enter")  # search matches tags
            assert [p.id for p in screen.paper_list.papers] == [paper.id]
            await pilot.press("escape", "u")
            await settle(pilot, screen)
            await wait_for(pilot, lambda: library.state(paper.id).tags == ())
            await wait_for(pilot, lambda: screen.nav.tag_names == ())

    asyncio.run(run())


def test_minus_removes_a_tag_and_a_bad_tag_is_refused(app: PapershelfApp, library: Library) -> None:
    first = library.papers()[0].id
    library.add_tags([first], ["reread", "group"])

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            await pilot.press(*"-reread", "enter")
            await settle(pilot, screen)
            await wait_for(pilot, lambda: library.state(first).tags == ("group",))
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: bool(app.screen.query(Input)))
            await pilot.press(*("x" * 60), "enter")  # too long: said, nothing queued
            await wait_for(pilot, lambda: app.screen is screen)
            await settle(pilot, screen)
            assert library.state(first).tags == ("group",)

    asyncio.run(run())
