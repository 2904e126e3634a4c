"""A dialog's error line speaks of the text it refused: it goes once the reader edits it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input, Static

from papershelf.tui import commands
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.dialogs import ExportDialog, ImportDialog

from .conftest import SIZE, ready, wait_for


def test_the_import_error_goes_when_the_path_is_edited(app: PapershelfApp, tmp_path: Path) -> None:
    async def run() -> tuple[str, str]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            commands.import_list(screen)
            await wait_for(pilot, lambda: isinstance(app.screen, ImportDialog))
            await wait_for(pilot, lambda: bool(app.screen.query("#import-error")))
            error = app.screen.query_one("#import-error", Static)
            path_input = app.screen.query_one("#import-path", Input)
            path_input.value = str(tmp_path / "missing.md")
            await pilot.press("enter")
            await wait_for(pilot, lambda: "no such file" in str(error.visual))
            said = str(error.visual)
            await pilot.press("backspace")
            await pilot.pause()
            after = str(error.visual)
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            return said, after

    said, after = asyncio.run(run())
    assert "no such file" in said
    assert after == ""


def test_the_export_error_goes_when_the_name_is_edited(app: PapershelfApp, tmp_path: Path) -> None:
    taken = tmp_path / "taken.bib"
    taken.write_text("mine", encoding="utf-8")

    async def run() -> tuple[str, str]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            commands.export_view(screen)
            await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
            dialog = app.screen
            await wait_for(pilot, lambda: bool(dialog.query("#export-path")))
            error = dialog.query_one("#export-error", Static)
            path_input = dialog.query_one("#export-path", Input)
            path_input.value = str(taken)
            path_input.focus()
            await pilot.press("enter")
            await wait_for(pilot, lambda: "exists" in str(error.visual))
            said = str(error.visual)
            await pilot.press("backspace")
            await pilot.pause()
            after = str(error.visual)
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            return said, after

    said, after = asyncio.run(run())
    assert "exists" in said
    assert after == ""
    assert taken.read_text(encoding="utf-8") == "mine"
