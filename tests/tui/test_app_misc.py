"""Help, keymap, palette, responsive layout, other screens, markup safety and NO_COLOR."""

from __future__ import annotations

import asyncio
import re

from textual.color import Color
from textual.filter import Monochrome

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import Config, UiOptions
from papershelf.tui import key_table, keys
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.help import HelpScreen
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.widgets.nav_tree import NavTree
from papershelf.tui.widgets.paper_list import PaperList

from .conftest import (
    SIZE,
    highlighted,
    make_app,
    ready,
    row_text,
    screen_text,
    wait_for,
)


def _status_line(screen: MainScreen) -> str:
    return str(screen.query_one("#status").render())


def test_every_binding_has_a_unique_id_and_a_description() -> None:
    seen: dict[str, str] = {}
    for place, binding in keys.all_bindings():
        assert binding.id, f"{place}: {binding.key} has no id"
        assert binding.description and keys.explain(binding)
        if place not in ("triage mode", "progress screen"):
            assert binding.id == binding.id.lower() and " " not in binding.id
        assert binding.id not in seen, f"{binding.id} in {place} and {seen[binding.id]}"
        seen[binding.id] = place
    table = key_table.key_table_markdown()
    for binding_id in seen:
        assert f"`{binding_id}`" in table


def test_question_mark_lists_keys_with_ids(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            text = screen_text(app)
            assert "remap them in config.toml under [keys]" in text and "Id" in text
            for binding_id in ("mark-read", "toggle-star", "focus-search", "edit-note", "undo"):
                assert binding_id in text
            await pilot.press("escape")
            assert isinstance(app.screen, MainScreen)

    asyncio.run(run())


def test_config_keymap_remaps_by_id(library: Library, paths: Paths) -> None:
    config = Config(keys={"mark-read": "R", "focus-search": "f"}, ui=UiOptions())
    app = make_app(library, paths, config=config)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            first = highlighted(screen)
            await pilot.press("r")  # no longer bound
            assert screen.shelf is not None
            assert screen.shelf.state(first.id).status is Status.UNREAD
            await pilot.press("R")
            assert screen.shelf.state(first.id).status is Status.READ
            await pilot.press("f", *"photon")
            assert len(screen.paper_list.papers) == 1
            await pilot.press("escape", "question_mark")
            assert isinstance(app.screen, HelpScreen)
            text = screen_text(app)
            assert re.search(r"\bR\s+Mark read\s+mark-read", text)

    asyncio.run(run())


def test_palette_lists_actions_and_runs_them(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("ctrl+p", *"untriag")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            assert "status: unread" in _status_line(screen)

    asyncio.run(run())


def test_palette_jump_to_paper(app: PapershelfApp, library: Library) -> None:
    target = next(p for p in library.papers() if p.title.startswith("Photon"))

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("4")  # the target is filtered out: jumping widens the view
            await pilot.press("ctrl+p", *"jump", "enter")
            await pilot.pause(0.2)
            await pilot.press(*"phot fed")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            assert highlighted(screen).id == target.id

    asyncio.run(run())


def test_wide_terminal_uses_the_room(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=(200, 60)) as pilot:
            screen = await ready(pilot)
            assert screen.query_one(NavTree).display
            assert screen.detail.size.width >= 50  # the list (titles) takes the room first
            assert screen.paper_list.size.width >= 100
            assert len(screen.paper_list.papers) > 50
            assert "MLSys" in row_text(screen, 45) or "ASPLOS" in row_text(screen, 45)

    asyncio.run(run())


def test_tab_moves_between_panes(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("tab")
            assert app.focused is screen.detail.scroller
            await pilot.press("tab")
            assert isinstance(app.focused, NavTree)
            await pilot.press("shift+tab")
            assert app.focused is screen.detail.scroller
            await pilot.press("tab", "tab", "enter")
            assert app.focused is screen.detail.scroller

    asyncio.run(run())


def test_sort_cycles(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("S", "S")  # catalog -> venue -> title
            titles = [p.title.casefold() for p in screen.paper_list.papers]
            assert titles == sorted(titles)
            assert "sorted by title" in _status_line(screen)

    asyncio.run(run())


def test_first_run_shows_a_welcome_line(library: Library, paths: Paths) -> None:
    app = make_app(library, paths, first_run=True)

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            assert "t to-read · r read · / search · ? help" in _status_line(screen)
            await pilot.press("t")
            assert "? help" not in _status_line(screen)

    asyncio.run(run())


def test_header_shows_path_and_counts(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            assert screen.sub_title == "~/papers/library.json · 76 papers (+1 withdrawn) · 0 read"
            await pilot.press("r")
            assert screen.sub_title.endswith("76 papers (+1 withdrawn) · 1 read")

    asyncio.run(run())


def test_markup_titles_show_literally(hostile_library: Library, paths: Paths) -> None:
    app = make_app(hostile_library, paths)

    async def run() -> None:
        async with app.run_test(size=(160, 40)) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash", *"click")
            assert len(screen.paper_list.papers) == 1
            await pilot.press("enter")
            assert "[bold]x[/bold] and [@click=app.quit]quit" in row_text(screen, 0)
            shot = screen_text(app)
            assert "[bold]x[/bold]" in shot and "[@click=app.quit]" in shot
            assert "Org [red]A[/red]" in shot  # affiliation in the detail pane
            await pilot.click(PaperList, offset=(20, 0))
            assert app.is_running

    asyncio.run(run())


def test_no_color_renders_and_the_cursor_row_stands_out(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            assert app.no_color
            cursor = screen.paper_list.render_line(0)
            other = screen.paper_list.render_line(1)
            assert cursor.text.startswith("❯") and not other.text.startswith("❯")
            # What the terminal gets under NO_COLOR: Textual's monochrome filter on the rows.
            mono = Monochrome()
            background = Color.parse("black")
            cursor_bg = {s.style.bgcolor for s in mono.apply(list(cursor), background) if s.style}
            other_bg = {s.style.bgcolor for s in mono.apply(list(other), background) if s.style}
            assert len(cursor_bg) == 1 and len(other_bg) == 1
            assert cursor_bg != other_bg
            assert "❯" in screen_text(app)

    asyncio.run(run())
