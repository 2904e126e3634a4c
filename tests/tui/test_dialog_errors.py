"""A dialog's error line speaks of the text it refused: it goes once the reader edits it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from papershelf.tui import commands
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.dialogs import ExportDialog, ImportDialog

from .conftest import SIZE, ready, wait_for

DIALOGS = {
    "import": (commands.import_list, ImportDialog, "missing.md", "no such file"),
    "export": (commands.export_view, ExportDialog, "taken.bib", "exists"),
}


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_the_error_goes_when_the_path_is_edited(
    app: PapershelfApp, tmp_path: Path, kind: str
) -> None:
    open_dialog, dialog_type, name, refused = DIALOGS[kind]
    taken = tmp_path / "taken.bib"
    taken.write_text("mine", encoding="utf-8")

    async def run() -> tuple[str, str]:
        async with app.run_test(size=SIZE) as pilot:
            screen = await ready(pilot)
            open_dialog(screen)
            await wait_for(pilot, lambda: isinstance(app.screen, dialog_type))
            dialog = app.screen
            await wait_for(pilot, lambda: bool(dialog.query(f"#{kind}-path")))
            error = dialog.query_one(f"#{kind}-error", Static)
            path_input = dialog.query_one(f"#{kind}-path", Input)
            path_input.value = str(tmp_path / name)
            path_input.focus()
            await pilot.press("enter")
            await wait_for(pilot, lambda: refused in str(error.visual))
            said = str(error.visual)
            await pilot.press("backspace")
            await pilot.pause()
            after = str(error.visual)
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            return said, after

    said, after = asyncio.run(run())
    assert refused in said
    assert after == ""
    assert taken.read_text(encoding="utf-8") == "mine"
