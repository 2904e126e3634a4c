"""A view that shows no papers keeps the paper the cursor was on for the view after it.

Going back from an empty filter or search put the cursor on the first paper, and the next
``e`` or ``n`` edited that paper's note instead of the one the user had been on.
"""

from __future__ import annotations

import asyncio

import pytest

from papershelf.tui.app import PapershelfApp
from papershelf.tui.shelf import ALL

from .conftest import highlighted, ready, type_text, wait_for


@pytest.mark.parametrize("back", ["1", "escape"])
def test_going_back_from_an_empty_filter_keeps_the_paper(app: PapershelfApp, back: str) -> None:
    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("j", "j")
            third = highlighted(screen)
            await pilot.press("2")  # to-read: no paper has that status in a new library
            await wait_for(pilot, lambda: not screen.paper_list.papers)
            assert screen.shelf_view.remembered()["paper"] == third.id
            await pilot.press(back)
            await wait_for(pilot, lambda: screen.view.scope == ALL)
            assert highlighted(screen).id == third.id
            assert screen.paper_list.cursor == 2
            await pilot.press("n")
            await wait_for(pilot, lambda: screen.detail.editing)
            assert screen.detail.editor.paper_id == third.id

    asyncio.run(run())


def test_a_search_without_hits_keeps_the_paper_for_the_list_after_it(
    app: PapershelfApp,
) -> None:
    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash")
            await type_text(pilot, "FSMoE")
            await wait_for(pilot, lambda: len(screen.paper_list.papers) == 1)
            hit = highlighted(screen)
            await type_text(pilot, "qqq")
            await wait_for(pilot, lambda: not screen.paper_list.papers)
            await pilot.press("escape", "escape")  # to the list, then the search cleared
            await wait_for(pilot, lambda: not screen.view.query)
            assert highlighted(screen).id == hit.id
            assert screen.paper_list.cursor > 0

    asyncio.run(run())
