"""The app's dialogs and screens reached from the list: triage, progress, import, export, themes."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Input, Static

from papershelf.domain.models import Status
from papershelf.paths import Paths
from papershelf.services.library import Library
from papershelf.services.settings import Config
from papershelf.tui import commands
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.export_dialog import ExportDialog
from papershelf.tui.screens.import_dialog import ImportDialog
from papershelf.tui.screens.progress import ProgressScreen
from papershelf.tui.screens.triage import TriageScreen

from .conftest import (
    HOSTILE_LIST,
    SIZE,
    highlighted,
    open_import_dialog,
    ready,
    settle,
    type_text,
    wait_for,
)
from .test_app_misc import _status_line


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
            error = dialog.query_one("#export-error", Static)
            await wait_for(pilot, lambda: "exists" in str(error.render()))
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
            await wait_for(pilot, lambda: Path(path_input.value).name == "papers-2.bib")
            offered = [path_input.value]
            await pilot.press("down", "space")  # the next format: markdown
            await wait_for(pilot, lambda: Path(path_input.value).name == "papers-3.md")
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
