"""Focus and feedback: which pane has the keys, how to get back, and what the app says."""

from __future__ import annotations

import asyncio
import json

import pytest

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import Config, UiOptions
from papershelf.tui.app import PapershelfApp
from papershelf.tui.shelf import ALL, NavKey
from papershelf.tui.widgets.detail_pane import DetailScroll
from papershelf.tui.widgets.nav_tree import NavTree
from papershelf.tui.widgets.paper_list import PaperList
from papershelf.tui.widgets.search_bar import SearchBar
from papershelf.tui.widgets.status_line import StatusLine

from .conftest import SIZE, highlighted, ready, settle, wait_for


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    lines: list[str] = []
    original = StatusLine.flash

    def flash(self: StatusLine, message: str, *seconds: float | None) -> None:
        lines.append(message)
        original(self, message, *seconds)

    monkeypatch.setattr(StatusLine, "flash", flash)
    return lines


def test_the_tree_moves_like_a_file_tree_and_enter_goes_to_the_list(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("shift+tab")
            assert isinstance(app.focused, NavTree)
            # The paper keys rest while the tree has focus, and leave the footer.
            shown = {b.binding.action for b in screen.active_bindings.values()}
            assert "set_status('read')" not in shown and "app.quit" in shown
            await pilot.press("j", "j")
            await wait_for(pilot, lambda: screen.view.scope == NavKey("status", "to-read"))
            await pilot.press("k", "k", *"jjjjjjj")  # down to the first venue
            venue = screen.view.scope
            assert venue.kind == "venue"
            node = screen.nav.cursor_node
            assert node is not None and not node.is_expanded
            await pilot.press("l")
            assert node.is_expanded
            await pilot.press("l")  # on an open node: into its first topic
            await wait_for(pilot, lambda: screen.view.scope.kind == "topic")
            assert screen.view.scope.value == venue.value
            await pilot.press("h")  # a leaf: back to the parent
            await wait_for(pilot, lambda: screen.view.scope == venue)
            await pilot.press("h")
            assert not node.is_expanded
            await pilot.press("enter")
            assert isinstance(app.focused, PaperList)
            assert {p.venue for p in screen.paper_list.papers} == {venue.value}

    asyncio.run(run())


def test_enter_shows_the_details_and_escape_comes_back(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("enter")
            assert isinstance(app.focused, DetailScroll)
            await pilot.pause()
            assert "escape back" in str(screen.query_one("#status").render())
            await pilot.press("j", "k", "escape")
            assert isinstance(app.focused, PaperList)
            await pilot.press("shift+tab", "escape")  # from the tree too
            assert isinstance(app.focused, PaperList)
            assert screen.view.scope == ALL

    asyncio.run(run())


def test_a_number_key_over_all_papers_moves_the_tree(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("2")
            await pilot.pause()
            node = screen.nav.cursor_node
            assert node is not None and node.data == NavKey("status", "to-read")
            await pilot.press("1")
            await pilot.pause()
            node = screen.nav.cursor_node
            assert node is not None and node.data == ALL

    asyncio.run(run())


def test_keys_confirm_and_undo_names_the_paper_and_goes_to_it(
    app: PapershelfApp, said: list[str]
) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            first = highlighted(screen)
            await pilot.press("r")
            assert said[-1] == f"marked read: {first.title}"
            await pilot.press("s")
            second = highlighted(screen)
            assert said[-1] == f"starred: {second.title}"
            await pilot.press("j", "j", "j", "u")
            await settle(pilot, screen)
            await wait_for(pilot, lambda: said[-1] == f"undo star: {second.title}")
            assert highlighted(screen).id == second.id
            assert not screen.shelf.state(second.id).starred
            assert screen.shelf.state(first.id).status is Status.READ

    asyncio.run(run())


def test_clearing_the_search_keeps_the_paper(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash", *"llm", "enter", "j", "j")
            paper = highlighted(screen)
            await pilot.press("escape")
            assert screen.view.query == ""
            assert highlighted(screen).id == paper.id
            assert len(screen.paper_list.papers) > 3

    asyncio.run(run())


def test_the_view_is_remembered_across_restarts(library: Library, paths: Paths) -> None:
    def fresh() -> PapershelfApp:
        return PapershelfApp(library, paths, config=Config(ui=UiOptions(autosave_seconds=0.2)))

    first = fresh()
    chosen: dict[str, object] = {}

    async def leave() -> None:
        async with first.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("shift+tab", *"jjjjjjj", "l", "enter")  # a venue, opened
            await pilot.press("S", "S", "j", "j", "d")  # sorted by title, third paper, no detail
            chosen.update(
                scope=screen.view.scope, sort=screen.view.sort, paper=highlighted(screen).id
            )
            await pilot.press("q")

    asyncio.run(leave())
    second = fresh()

    async def come_back() -> None:
        async with second.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.pause()
            assert screen.view.scope == chosen["scope"]
            assert screen.view.sort == chosen["sort"]
            assert highlighted(screen).id == chosen["paper"]
            assert not screen.detail.display
            node = screen.nav.cursor_node
            assert node is not None and node.data == chosen["scope"] and node.is_expanded

    asyncio.run(come_back())
    assert "view" in json.loads(paths.settings.read_text(encoding="utf-8"))
    assert not paths.library.exists()  # remembering the view is no change to the library


def test_a_scope_the_tree_cursor_has_left_is_not_shown(app: PapershelfApp) -> None:
    """Moves in one burst (key repeat, a paste): a move's scope arrives after the cursor has
    moved on, and showing it pulled the cursor back, whose own scope then pulled it forward:
    the two bounced for ever, the app at full CPU and deaf to keys (seen in tmux with ``j j
    j j`` sent at once). A scope the cursor has left is now passed over."""

    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("shift+tab", "j", "j", "j")
            here = NavKey("status", "reading")
            await wait_for(pilot, lambda: screen.view.scope == here)
            assert screen.nav.cursor_node is not None
            screen.post_message(NavTree.ScopeChosen(NavKey("status", "to-read")))  # stale
            await asyncio.wait_for(pilot.pause(0.2), timeout=30)
            assert screen.view.scope == here
            assert screen.nav.cursor_node.data == here
            await pilot.press("k")
            await wait_for(pilot, lambda: screen.view.scope == NavKey("status", "to-read"))

    asyncio.run(run())


def test_the_search_box_offers_no_key_it_would_type(app: PapershelfApp) -> None:
    """``/`` types a slash there: the footer showed "/ Search" (Textual names it "slash")."""

    async def run() -> None:
        async with app.run_test(size=(160, 45)) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash")
            await pilot.pause()
            shown = {b.binding.action for b in screen.active_bindings.values()}
            assert "focus_search" not in shown and "leave_search" in shown
            await pilot.press("slash", *"a-b")
            assert screen.query_one(SearchBar).value == "/a-b"

    asyncio.run(run())


def test_a_mark_that_changes_nothing_says_so_as_the_command_line_does(
    app: PapershelfApp, said: list[str]
) -> None:
    """``x`` on an unread paper said "marked unread", where ``papershelf mark`` says no change."""

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            first = highlighted(screen)
            await pilot.press("x")
            assert said[-1] == f"marked unread (no change): {first.title}"
            second = highlighted(screen)
            await pilot.press("space", "space", "t")  # two selected, both changed
            assert said[-1] == "marked to-read (2 papers)"
            await pilot.press("k", "k", "space", "space", "t")  # both to-read already
            assert said[-1] == "marked to-read (no change, 2 papers)"
            assert screen.shelf.state(second.id).status is Status.TO_READ

    asyncio.run(run())
