"""Narrow terminals: the details give way first, then the tree; titles keep their room."""

from __future__ import annotations

import asyncio
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.widgets.panes import side_room, visible
from papershelf.tui.widgets.paper_rows import columns

from .conftest import make_app, ready, screen_text

sides = st.sampled_from([None, "tree", "detail"])
Asked = Literal["tree", "detail"] | None


@given(st.integers(1, 400), st.booleans(), st.booleans(), sides)
def test_the_details_go_before_the_tree(width: int, tree: bool, detail: bool, asked: Asked) -> None:
    room = side_room(width)
    shown = visible(room, tree, detail, asked)
    assert sum(shown) <= room or (asked is not None and sum(shown) == 1)
    assert not shown[0] or tree
    assert not shown[1] or detail
    if room == 1 and asked is None:
        assert shown == (tree, False)  # the tree keeps its place, the details go
    if room >= 2:
        assert shown == (tree, detail)


def title_width(screen: MainScreen) -> int:
    return columns(screen.paper_list.size.width - 1)[0]


@pytest.mark.parametrize(("size", "tree"), [((80, 24), True), ((100, 30), True), ((60, 20), False)])
def test_titles_keep_thirty_columns(app: PapershelfApp, size: tuple[int, int], tree: bool) -> None:
    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            screen = await ready(pilot)
            assert screen.nav.display is tree
            assert title_width(screen) >= 30
            for key in ("b", "d", "enter", "escape", "b"):
                await pilot.press(key)
                await pilot.pause()
                if size[0] >= 80:
                    assert title_width(screen) >= 30, key

    asyncio.run(run())


def test_at_80_columns_d_shows_the_details_in_place_of_the_tree(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            assert (screen.nav.display, screen.detail.display) == (True, False)
            assert "narrow: d details" in screen_text(app)
            await pilot.press("d")
            assert (screen.nav.display, screen.detail.display) == (False, True)
            assert "narrow: b tree" in screen_text(app)
            await pilot.press("d")
            assert (screen.nav.display, screen.detail.display) == (True, False)
            await pilot.press("b")  # hidden by choice: no word about it
            assert (screen.nav.display, screen.detail.display) == (False, False)
            assert "narrow:" in screen_text(app)  # the details still wait for d
            assert screen.panes.shown() == {"tree": False, "detail": True}

    asyncio.run(run())


def test_the_tree_comes_back_when_the_screen_widens(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=(60, 20)) as pilot:
            screen = await ready(pilot)
            assert not screen.nav.display
            assert "narrow: b tree · d details" in screen_text(app)
            await pilot.press("b")
            assert screen.nav.display and not screen.detail.display
            await pilot.press("tab")
            assert screen.nav.has_focus
            await pilot.resize_terminal(40, 12)
            await pilot.pause()
            assert screen.nav.display
            await pilot.press("b")
            assert not screen.nav.display and screen.paper_list.has_focus
            assert title_width(screen) >= 25
            await pilot.resize_terminal(160, 45)
            await pilot.pause()
            assert screen.nav.display and screen.detail.display
            assert "narrow:" not in screen_text(app)

    asyncio.run(run())


def test_help_says_how_to_show_what_the_width_hides(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            await pilot.press("question_mark", "end")
            await pilot.pause()
            text = " ".join(screen_text(app).split())
            assert "Under 100 columns the details show in place of the tree" in text

    asyncio.run(run())


def test_a_first_run_at_80_columns_still_says_what_the_width_hides(
    library: Library, paths: Paths
) -> None:
    """The first run's key hints come after ``narrow: ...``: at 80 columns they were cut."""
    app = make_app(library, paths, first_run=True)

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            line = screen.query_one("#status")
            shown = str(line.render())[: line.size.width]  # what fits: the rest is cut
            assert "narrow: d details" in shown

    asyncio.run(run())
