"""Every view change scrolls like a sort change: from the top, only as far as the cursor needs.

A status filter, a venue chosen in the tree, a search cleared kept the list's old scroll:
the cursor's paper showed on the list's first line and the rows above it were hidden.
"""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.widgets.list_scroll import from_top, to_show

from .conftest import highlighted, ready, wait_for

Seen = tuple[str, str, str, int, int, int]
"""(change, paper before, paper after, old scroll, scroll, least scroll that shows it)."""


def top(screen: MainScreen) -> int:
    return round(screen.paper_list.scroll_y)


def least(screen: MainScreen) -> int:
    return from_top(screen.paper_list.cursor, screen.paper_list.scrollable_content_region.height)


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
def test_filter_scope_and_search_scroll_as_little_as_needed(
    app: PapershelfApp, size: tuple[int, int]
) -> None:
    async def run() -> list[Seen]:
        seen: list[Seen] = []
        async with app.run_test(size=size) as pilot:
            screen = await ready(pilot)
            papers = screen.paper_list

            async def change(name: str, *keys: str) -> None:
                before, old = highlighted(screen).id, top(screen)
                await pilot.press(*keys)
                await pilot.pause()
                seen.append((name, before, highlighted(screen).id, old, top(screen), least(screen)))

            # All papers, the cursor on row 40 come to from below: the list scrolled to it.
            await pilot.press("G")
            await wait_for(pilot, lambda: papers.scroll_y > 0)
            await pilot.press(*["k"] * (papers.cursor - 40))
            await wait_for(pilot, lambda: papers.cursor == 40)
            screen.nav.focus()
            await wait_for(pilot, lambda: screen.nav.has_focus)
            await change("last venue in the tree", "G")  # MLSys 2025: the paper is in it
            await pilot.press("enter")
            await wait_for(pilot, lambda: papers.has_focus)
            # The venue's first 20 papers read, then the cursor low; only unread papers shown.
            await pilot.press("g", *["space"] * 20, "r")
            await wait_for(pilot, lambda: not papers.selected_ids)
            await pilot.press("G", *["k"] * 18)
            await change("unread filter", "5")
            await change("every status again", "1")
            await pilot.press("slash", *"llm", "enter")
            await wait_for(pilot, lambda: papers.has_focus)
            await pilot.press("G")
            await change("search cleared", "escape")
        return seen

    seen = asyncio.run(run())
    for name, before, after, _, scroll, needed in seen:
        assert after == before, name  # the cursor stays on its paper
        assert scroll == needed, (name, scroll, needed)  # in view, the rows above it too
    # The cases that hid rows: the old scroll was past what the cursor needed.
    assert any(old > needed for _, _, _, old, _, needed in seen)


@given(st.integers(0, 500), st.integers(0, 500), st.integers(1, 80))
def test_to_show_moves_least_and_shows_the_row(top: int, row: int, height: int) -> None:
    moved = to_show(top, row, height)
    after = top if moved is None else moved
    assert after <= row < after + height  # the row shows
    if moved is not None:  # it did not show, and no scroll nearer ``top`` would show it
        assert not top <= row < top + height
        assert abs(after - top) == min(abs(top - row), abs(top - (row - height + 1)))


@given(st.integers(0, 500), st.integers(1, 80))
def test_from_top_is_the_least_scroll_that_shows_the_row(row: int, height: int) -> None:
    scroll = from_top(row, height)
    assert scroll >= 0 and scroll <= row < scroll + height
    assert scroll == 0 or not scroll - 1 <= row < scroll - 1 + height
