"""A search key repaints only the list lines whose row changed, and the screen it leaves is
the one a full repaint draws."""

from __future__ import annotations

import asyncio

import pytest
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.paper_list import PaperList
from papershelf.tui.widgets.search_bar import SearchBar

from .conftest import SIZE, ready, screen_text

KEYS = [
    "a",
    "backspace",
    "e",
    "n",
    "backspace",
    "backspace",
    *"pipe",
    "backspace",
    "backspace",
    "x",
    "backspace",
    "space",
    *"sys",
    "backspace",
]


def test_after_each_search_key_the_screen_is_what_a_full_repaint_draws(
    app: PapershelfApp,
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash")
            # Its cursor's blink would change the screen between the two looks on a slow run.
            screen.query_one(SearchBar).cursor_blink = False
            for key in [*KEYS, *["backspace"] * 12]:
                await pilot.press(key)
                await pilot.pause()
                shown = screen_text(app)
                screen.paper_list.refresh()  # everything drawn again from the rows
                await pilot.pause()
                assert screen_text(app) == shown, key

    asyncio.run(run())


def lines_drawn(monkeypatch: pytest.MonkeyPatch, widget: type[Widget]) -> list[int]:
    """Each line ``widget``'s instances draw from now on, as drawn (``render_line``'s y)."""
    drawn: list[int] = []
    original = widget.render_line

    def spy(self: Widget, y: int) -> Strip:
        drawn.append(y)
        return original(self, y)

    monkeypatch.setattr(widget, "render_line", spy)
    return drawn


def test_a_key_that_keeps_the_rows_repaints_no_row(
    app: PapershelfApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = lines_drawn(monkeypatch, PaperList)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash", "p")
            await pilot.pause()
            rows = screen.paper_list.scrollable_content_region.height
            assert len(screen.paper_list.papers) > rows  # the list fills the pane
            drawn.clear()
            await pilot.press("space")  # "p " finds what "p" found: the same rows
            await pilot.pause()
            assert set(drawn) <= {0}  # at most the cursor's line, not the pane's rows
            drawn.clear()
            await pilot.press("i")
            await pilot.pause()
            assert drawn  # new rows are drawn

    asyncio.run(run())


def test_a_new_row_count_under_the_same_rows_moves_the_scrollbar(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            papers, states = list(screen.paper_list.papers), screen.shelf.states
            for count in (len(papers), len(papers) - 20, len(papers)):
                screen.paper_list.set_papers(papers[:count], states)  # the same first rows
                await pilot.pause()
                shown = app.export_screenshot()  # colours too: the bar is coloured spaces
                screen.paper_list.refresh()
                await pilot.pause()
                assert app.export_screenshot() == shown, count

    asyncio.run(run())


def test_a_search_key_lays_out_nothing(app: PapershelfApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """A layout of the screen sends every cell again; a key that keeps the rows (and so the
    paper shown) changes what the bar and the status line say, never a size."""
    layouts: list[object] = []
    original = Screen._refresh_layout

    def spy(self: Screen[object], *args: object, **kwargs: object) -> None:
        layouts.append(self)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("slash", "p")
            await pilot.pause()
            monkeypatch.setattr(Screen, "_refresh_layout", spy)
            for key in ("space", "backspace", "space", "space"):  # "p", "p ": the same rows
                await pilot.press(key)
                await pilot.pause()
            assert layouts == []

    asyncio.run(run())


def test_a_search_key_repaints_no_line_of_the_tree(
    app: PapershelfApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The status line set the tree's title at every key, and each set repainted the tree."""
    from papershelf.tui.widgets.nav_tree import NavTree

    drawn = lines_drawn(monkeypatch, NavTree)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash")
            await pilot.pause()
            drawn.clear()
            for key in KEYS:
                await pilot.press(key)
                await pilot.pause()
            assert screen.shelf_view.search_bar.has_focus
            assert drawn == []

    asyncio.run(run())
