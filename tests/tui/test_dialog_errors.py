"""A dialog's error line speaks of the text it refused: it goes once the reader edits it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input, RadioSet, Static

from papershelf.tui import commands
from papershelf.tui.app import PapershelfApp
from papershelf.tui.screens.export_dialog import ExportDialog
from papershelf.tui.screens.import_dialog import ImportDialog

from .conftest import SIZE, open_export_dialog, ready, screen_text, wait_for

DIALOGS = {
    "import": (commands.import_list, ImportDialog, "taken.bibx", "no such file"),  # edited: a file
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


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_the_key_hint_shows_in_24_rows_with_an_error_or_without(
    app: PapershelfApp, tmp_path: Path, kind: str
) -> None:
    open_dialog, dialog_type, name, refused = DIALOGS[kind]
    (tmp_path / "taken.bib").write_text("mine", encoding="utf-8")
    hint = {"import": "enter imports", "export": "enter there exports"}[kind]

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            open_dialog(screen)
            await wait_for(pilot, lambda: isinstance(app.screen, dialog_type))
            dialog = app.screen
            await wait_for(pilot, lambda: bool(dialog.query(f"#{kind}-path")))
            await pilot.pause()
            assert hint in screen_text(app)  # the export dialog cut it off in 24 rows
            path_input = dialog.query_one(f"#{kind}-path", Input)
            path_input.value = str(tmp_path / name)
            path_input.focus()
            await pilot.press("enter")
            error = dialog.query_one(f"#{kind}-error", Static)
            await wait_for(pilot, lambda: refused in str(error.visual))
            await pilot.pause()
            shown = screen_text(app)
            assert refused in shown and hint in shown

    asyncio.run(run())


def test_a_missing_folder_is_named_from_where_it_is_missing(
    app: PapershelfApp, tmp_path: Path
) -> None:
    async def run() -> str:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await ready(pilot)
            path_input = await open_export_dialog(pilot, screen)
            dialog = app.screen
            path_input.value = str(tmp_path / "no" / "such" / "deep" / "folders" / "x.bib")
            path_input.focus()
            await pilot.press("enter")
            error = dialog.query_one("#export-error", Static)
            await wait_for(pilot, lambda: "no such folder" in str(error.visual))
            return str(error.visual)

    # The folder to make (not the whole path: at 80 columns it took two lines, and pushed the
    # key hint out of the dialog).
    assert asyncio.run(run()) == f"no such folder: {tmp_path / 'no'}"


def test_in_a_short_terminal_the_field_taking_the_focus_scrolls_into_sight(
    app: PapershelfApp,
) -> None:
    """At 16 rows enter on a format moved the focus to a file name clipped out of the dialog."""

    async def run() -> tuple[str, str]:
        async with app.run_test(size=(50, 16)) as pilot:
            screen = await ready(pilot)
            path_input = await open_export_dialog(pilot, screen)
            app.screen.query_one(RadioSet).focus()
            await pilot.pause()
            before = screen_text(app)
            await pilot.press("enter")  # the format highlighted: on to the file name
            await wait_for(pilot, lambda: path_input.has_focus)
            await pilot.pause()
            return before, screen_text(app)

    before, after = asyncio.run(run())
    assert "papers.bib" not in before  # the dialog is taller than the terminal
    assert "papers.bib" in after


def test_a_terminal_made_shorter_keeps_the_focused_field_in_sight(app: PapershelfApp) -> None:
    """At 13 rows the tag field was clipped out of the dialog while it took the keys."""

    async def run() -> str:
        async with app.run_test(size=(80, 24)) as pilot:
            await ready(pilot)
            await pilot.press("number_sign")
            await wait_for(pilot, lambda: isinstance(app.focused, Input))
            field = app.focused
            assert isinstance(field, Input)
            await wait_for(pilot, lambda: field.has_focus)
            await pilot.resize_terminal(80, 13)
            await pilot.press(*"zeta")
            await wait_for(pilot, lambda: field.value == "zeta")
            await pilot.pause()
            return screen_text(app)

    assert "zeta" in asyncio.run(run())
