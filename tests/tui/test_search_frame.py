"""A search key is redrawn within the keystroke, and goes out as one frame right after it.

The query used to travel by message: the screen asked for a frame for the echo of the key
first, that frame was held back (a batch) while the list was redrawn, and Textual's frame
timer then waited one or two more frame periods before drawing anything.
"""

from __future__ import annotations

import asyncio

import pytest
from textual.app import App
from textual.screen import Screen

from papershelf.tui.app import PapershelfApp
from papershelf.tui.widgets.search_bar import SearchBar

from .conftest import SIZE, ready

KEYS = [*"pipe", "x", "z", "backspace", "backspace", "space", *["backspace"] * 5]
"""Queries that find papers and ``pipex``, ``pipexz`` that find none (no paper to show: the
emptied note view once took a second layout, and a second frame)."""


def test_the_list_follows_the_query_before_the_keystroke_returns(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash")
            bar = screen.query_one(SearchBar)
            total = len(screen.paper_list.papers)
            bar.value = "pipe"  # no await: nothing else has run yet
            assert screen.shelf_view.view.query == "pipe"
            shown = screen.paper_list.papers
            assert 0 < len(shown) < total
            assert all(
                "pipe" in screen.shelf.index.haystacks[screen.shelf.index.position(p.id) or 0]
                for p in shown
            )
            assert "search: pipe" in str(screen.query_one("#status").render())
            highlighted = screen.paper_list.highlighted
            assert highlighted is not None and highlighted.id == shown[0].id
            bar.value = ""
            assert len(screen.paper_list.papers) == total

    asyncio.run(run())


def test_each_search_key_is_one_frame_drawn_outside_any_batch(
    app: PapershelfApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames: list[tuple[str, str, int]] = []
    held: list[int] = []
    display, tick = App._display, Screen._on_timer_update

    def spy_display(self: App[object], screen: Screen[object], renderable: object) -> None:
        if renderable is not None:  # None: nothing to send
            shelf_view = screen.query_one("ShelfView")
            view = shelf_view.view  # type: ignore[attr-defined]
            shown = len(shelf_view.paper_list.papers)  # type: ignore[attr-defined]
            frames.append((screen.query_one(SearchBar).value, view.query, shown))
        display(self, screen, renderable)  # type: ignore[arg-type]

    def spy_tick(self: Screen[object]) -> None:
        if self.app._batch_count:  # a tick that draws nothing: the frame waits for the next
            held.append(self.app._batch_count)
        tick(self)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            screen.query_one(SearchBar).cursor_blink = False  # no frames of its own
            await pilot.press("slash")
            await pilot.pause(0.1)
            monkeypatch.setattr(App, "_display", spy_display)
            monkeypatch.setattr(Screen, "_on_timer_update", spy_tick)
            for key in KEYS:
                frames.clear()
                await pilot.press(key)
                await pilot.pause(0.05)  # the frame timer is idle again before the next key
                assert len(frames) == 1, (key, frames)
                value, query, shown = frames[0]
                assert value == query  # the echo and the list it found, together
                assert shown == len(screen.paper_list.papers)
            assert held == []

    asyncio.run(run())
