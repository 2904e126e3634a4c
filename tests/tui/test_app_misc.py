"""Help, keymap, palette, responsive layout, other screens, markup safety and NO_COLOR."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from textual.color import Color
from textual.filter import Monochrome
from textual.screen import Screen
from textual.widgets import Input, Static

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import Config, UiOptions
from papershelf.tui import commands, keys
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.dialogs import ExportDialog
from papershelf.tui.screens.help import HelpScreen
from papershelf.tui.screens.import_dialog import ImportDialog
from papershelf.tui.screens.main import MainScreen
from papershelf.tui.screens.progress import ProgressScreen
from papershelf.tui.screens.triage import TriageScreen
from papershelf.tui.widgets.nav_tree import NavTree
from papershelf.tui.widgets.paper_list import PaperList

from .conftest import (
    HOSTILE_LIST,
    SIZE,
    highlighted,
    make_app,
    open_import_dialog,
    ready,
    row_text,
    screen_text,
    settle,
    type_text,
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
    table = keys.key_table_markdown()
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


def test_T_triages_the_unread_papers_of_the_view(app: PapershelfApp, library: Library) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            first = highlighted(screen)
            await pilot.press("r")  # the first is read now: triage skips it
            await settle(pilot, screen)
            await pilot.press("T")
            assert isinstance(app.screen, TriageScreen)
            assert app.screen.scope_label == "All papers"
            assert first.id not in app.screen.paper_ids
            await pilot.pause(0.2)
            await pilot.press("t")  # decides the second paper
            await pilot.pause(0.2)
            await pilot.press("escape")
            await pilot.pause(0.2)
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            second = screen.paper_list.papers[1]
            await wait_for(
                pilot,
                lambda: (
                    screen.shelf is not None
                    and screen.shelf.state(second.id).status is Status.TO_READ
                ),
            )
            assert library.state(second.id).status is Status.TO_READ
            assert app.session.idle

    asyncio.run(run())


def test_p_and_enter_on_a_row_narrows_the_list(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("p")
            progress = app.screen
            assert isinstance(progress, ProgressScreen)
            await wait_for(pilot, lambda: progress.targets)
            venue, topic = progress.targets["row-0"]
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            assert screen.shelf is not None
            assert screen.view.scope.value == venue
            assert {p.venue for p in screen.paper_list.papers} == {venue}
            assert f"venue: {venue}" in _status_line(screen)
            assert topic is None or f"topic: {topic}" in _status_line(screen)

    asyncio.run(run())


def test_import_from_the_palette(app: PapershelfApp, tmp_path: Path) -> None:
    source = tmp_path / "extra.md"
    source.write_text(HOSTILE_LIST, encoding="utf-8")

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            commands.import_list(screen)
            await pilot.pause()
            assert isinstance(app.screen, ImportDialog)
            path_input = app.screen.query_one("#import-path", Input)
            path_input.value = str(tmp_path / "missing.md")
            await pilot.press("enter")
            assert isinstance(app.screen, ImportDialog)  # says so, stays open
            error = app.screen.query_one("#import-error", Static)
            await wait_for(pilot, lambda: "no such file" in str(error.visual))
            path_input.value = str(source)
            await pilot.press("enter")
            await wait_for(
                pilot, lambda: screen.shelf is not None and len(screen.shelf.papers) > 77
            )
            assert any(k.value == "Hostile Conf 2025" for k in screen.nav._by_key)

    asyncio.run(run())


def test_export_from_the_palette_never_overwrites(app: PapershelfApp, tmp_path: Path) -> None:
    existing = tmp_path / "taken.bib"
    existing.write_text("mine", encoding="utf-8")
    target = tmp_path / "new.bib"

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("slash", *"photon", "enter")
            commands.export_view(screen)
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ExportDialog)
            path_input = dialog.query_one("#export-path")
            path_input.value = str(existing)  # type: ignore[attr-defined]
            path_input.focus()
            await pilot.press("enter")
            assert app.screen is dialog
            path_input.value = str(target)  # type: ignore[attr-defined]
            await pilot.press("enter")
            await wait_for(pilot, target.exists)
            await wait_for(pilot, lambda: all(w.group != "export" for w in app.workers))

    asyncio.run(run())
    assert existing.read_text(encoding="utf-8") == "mine"
    text = target.read_text(encoding="utf-8")
    assert text.count("@") == 1 and "Photon" in text


def test_theme_choice_is_remembered(library: Library, paths: Paths) -> None:
    app = PapershelfApp(library, paths, config=Config())

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            app.theme = "nord"
            await wait_for(pilot, paths.settings.exists)
            await wait_for(pilot, lambda: all(w.group != "settings" for w in app.workers))

    asyncio.run(run())
    again = PapershelfApp(library, paths, config=Config())

    async def reopen() -> None:
        async with again.run_test(size=SIZE) as pilot:
            await ready(pilot)
            assert again.theme == "nord"

    asyncio.run(reopen())


def test_keys_on_an_empty_view_do_nothing_harmful(app: PapershelfApp) -> None:
    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            await pilot.press("3")  # nothing is being read
            assert screen.paper_list.papers == []
            for key in ["o", "O", "y", "Y", "n", "e", "t", "s", "T", "enter", "V", "space", "G"]:
                await pilot.press(key)
                assert app.is_running
                assert top(app) is screen, key
                assert not screen.live.unconfirmed
            assert screen.shelf is not None and screen.shelf.states == {}

    asyncio.run(run())


def top(app: PapershelfApp) -> Screen[object]:
    return app.screen


def test_the_import_dialog_completes_paths_and_words_errors_like_the_cli(
    app: PapershelfApp, tmp_path: Path
) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "osdi-2025.md").write_text(HOSTILE_LIST, encoding="utf-8")

    async def run() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            path_input = await open_import_dialog(pilot, screen)
            path_input.focus()
            await type_text(pilot, f"{tmp_path}/li")
            await pilot.press("right")  # accept the suggestion: the folder
            await wait_for(pilot, lambda: path_input.value == f"{folder}/")
            await pilot.press("enter")
            error = app.screen.query_one("#import-error", Static)
            await wait_for(pilot, lambda: "is a directory, not a list file" in str(error.visual))
            assert isinstance(app.screen, ImportDialog)
            await pilot.press("o", "right")
            await wait_for(pilot, lambda: path_input.value == f"{folder}/osdi-2025.md")
            await pilot.press("enter")
            await wait_for(pilot, lambda: len(screen.shelf.papers) > 77)

    asyncio.run(run())


def test_the_tree_and_the_cli_call_the_papers_of_no_venue_alike() -> None:
    from papershelf.domain.venues import UNKNOWN_VENUE, venue_shown
    from papershelf.tui import nav_model

    assert nav_model.UNKNOWN_VENUE == UNKNOWN_VENUE == venue_shown("")


def test_the_export_dialog_offers_a_file_that_does_not_exist_yet(
    app: PapershelfApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After one export to papers.bib, the next is offered papers-2.bib, not a refusal."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "papers.bib").write_text("earlier", encoding="utf-8")
    for name in ("papers.md", "papers-2.md"):
        (tmp_path / name).write_text("earlier", encoding="utf-8")

    async def run() -> list[str]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            commands.export_view(screen)
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ExportDialog)
            path_input = dialog.query_one("#export-path", Input)
            offered = [path_input.value]
            await pilot.press("down", "space")  # the next format: markdown
            await pilot.pause()
            offered.append(path_input.value)
            return offered

    offered = asyncio.run(run())
    assert [Path(p).name for p in offered] == ["papers-2.bib", "papers-3.md"]


def test_the_import_dialog_refuses_an_address_it_cannot_fetch(app: PapershelfApp) -> None:
    """``ftp://...`` is named as such, as the command line does, not read as a path."""

    async def run() -> str:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            commands.import_list(screen)
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ImportDialog)
            dialog.query_one("#import-path", Input).value = "ftp://example.com/x.md"
            await pilot.press("enter")
            assert app.screen is dialog  # says why, stays open
            error = dialog.query_one("#import-error", Static)
            await wait_for(pilot, lambda: "ftp://" in str(error.visual))
            return str(error.visual)

    said = asyncio.run(run())
    assert said == "ftp://example.com/x.md: papershelf fetches https:// and http:// addresses only"
