"""A sort change keeps the cursor on its paper and scrolls no further than needed to show it.

The list kept its old scroll: a paper that the new order put near the top showed on the
list's first line, the rows above it out of view, with the list scrolled for nothing.
"""

from __future__ import annotations

import asyncio

import pytest

from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.main import MainScreen

from .conftest import highlighted, ready, wait_for


def _least_scroll(screen: MainScreen) -> int:
    """The smallest scroll that shows the cursor's row: from the top, a screenful at a time."""
    height = screen.paper_list.scrollable_content_region.height
    return max(0, screen.paper_list.cursor - height + 1)


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
def test_a_sort_change_scrolls_as_little_as_needed(
    app: PapershelfApp, size: tuple[int, int]
) -> None:
    async def run() -> list[tuple[str, str, int, int, int]]:
        seen: list[tuple[str, str, int, int, int]] = []
        async with app.run_test(size=size) as pilot:
            screen = await ready(pilot)
            for _ in range(5):  # every sort, each from the bottom of the list
                await pilot.press("G", *["k"] * 3)
                await wait_for(pilot, lambda: screen.paper_list.scroll_y > 0)
                before = highlighted(screen).id
                await pilot.press("S")
                await pilot.pause()
                top = round(screen.paper_list.scroll_y)
                after = highlighted(screen).id
                seen.append((before, after, screen.paper_list.cursor, top, _least_scroll(screen)))
        return seen

    seen = asyncio.run(run())
    for before, after, cursor, top, least in seen:
        assert after == before  # the cursor stays on its paper
        assert top == least, (cursor, top, least)  # in view, the rows above it too
    # The case that hid rows: some order put the paper within the first screenful.
    assert any(least == 0 for _, _, _, _, least in seen)
