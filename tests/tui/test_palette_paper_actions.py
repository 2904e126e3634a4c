"""A paper action chosen in the palette acts on the list's paper, even from the tree."""

from __future__ import annotations

import asyncio

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp

from .conftest import SIZE, highlighted, open_triage, ready, settle, wait_for


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


def test_a_palette_command_while_a_note_is_typed_saves_it_and_keys_work_after(
    app: PapershelfApp, paths: Paths
) -> None:
    """Mark read chosen with the editor open: every key rested after it, escape and tab too."""
    from papershelf.tui.commands import on_the_list, on_the_screen

    async def run() -> str:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            paper = highlighted(screen).id
            await pilot.press("n")
            await wait_for(pilot, lambda: screen.detail.editing)
            await pilot.press(*"draft")
            await on_the_list(screen, "set_status('read')")
            await settle(pilot, screen)
            assert not screen.detail.editing and screen.paper_list.has_focus
            await pilot.press("n")  # the keys act again: the editor opens on the paper now shown
            await wait_for(pilot, lambda: screen.detail.editing)
            await pilot.press(*"more")
            await on_the_screen(screen, "filter_status('read')")
            await settle(pilot, screen)
            assert not screen.detail.editing
            assert [p.id for p in screen.paper_list.papers] == [paper]
            await pilot.press("k")
            assert highlighted(screen).id == paper
            return paper

    paper = asyncio.run(run())
    state = Library(paths).state(paper)
    assert state.status is Status.READ and state.note == "draft"


def test_in_triage_the_palette_offers_triages_own_keys(app: PapershelfApp, paths: Paths) -> None:
    """ctrl+p in triage listed only Quit, Theme and the like: none of the keys that decide."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    def options() -> list[str]:
        return [str(o.prompt) for o in app.screen.query_one(OptionList).options]

    async def run() -> str:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            triage, paper_id = await open_triage(pilot)
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.press(*"star")
            await wait_for(pilot, lambda: any(o.startswith("Star") for o in options()))
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is triage)
            await wait_for(pilot, lambda: Library(paths).state(paper_id).starred)
            return paper_id

    assert Library(paths).state(asyncio.run(run())).starred
